# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Validate a parsed ``ai-training.toml`` against the schema, reporting every problem at once.

Pure: the document, its line index and a predicate saying which licence texts
exist go in; findings come out, each naming the key path and the line.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any, Callable

from tgpl_git import __version__
from tgpl_git.findings import Finding, Severity
from tgpl_git.terms import spdx
from tgpl_git.terms.schema import (
    EXTENSION_PREFIX,
    MIN_LINE_LENGTH,
    SCHEMA,
    SCHEMA_VERSION,
    ListOf,
    MapOf,
    Node,
    OneOrMany,
    Scalar,
    Table,
    TableList,
)
from tgpl_git.terms.source import KeyPath, LineIndex

ISO_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
TRAILER_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")
EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+$")
WEB_URL = re.compile(r"^https?://[^/\s?#]+(/[^\s?#]*)?$")
# What a header line cannot hold: a control character (a NUL makes a text file binary)
# or a line break.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# Licence ids whose text REUSE (and a reader) expects under LICENSES/.
_TEXT_WARNED_KEYS = (("terms", "license"), ("terms", "code-license"))


def validate(
    doc: dict[str, Any],
    index: LineIndex,
    display: str,
    has_text: Callable[[str], bool],
    check_expression: Callable[[str], spdx.Verdict] = spdx.check_expression,
) -> list[Finding]:
    """Every problem in ``doc``: unknown keys, wrong types and values, missing licence texts."""
    walker = _Walker(index, display, check_expression)
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version != SCHEMA_VERSION:
        # Other keys may be valid in that version; reporting them as unknown would mislead.
        walker.report(
            ("version",),
            f"schema version {version} is not supported by tgpl-git {__version__}, "
            f"which reads version {SCHEMA_VERSION}",
            rule="terms-version",
        )
        return walker.findings
    walker.table(SCHEMA, doc, ())
    _check_conditional(walker, doc)
    _check_license_texts(walker, has_text)
    return sorted(walker.findings, key=lambda f: f.line or 0)


def key_path(path: KeyPath) -> str:
    """``("overrides", 1, "path")`` → ``overrides[1].path``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else json.dumps(part)
            text += f".{name}" if text else name
    return text


class _Walker:
    def __init__(
        self, index: LineIndex, display: str, check_expression: Callable[[str], spdx.Verdict]
    ) -> None:
        self.index = index
        self.display = display
        self.check_expression = check_expression
        self.findings: list[Finding] = []
        self.expressions: list[tuple[KeyPath, spdx.Verdict]] = []

    def report(
        self,
        path: KeyPath,
        message: str,
        rule: str = "terms-value",
        severity: Severity = "error",
        hint: str | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                rule,
                f"{key_path(path)}: {message}" if path else message,
                severity=severity,
                path=self.display,
                line=self.index.line_of(path),
                hint=hint,
            )
        )

    def node(self, spec: Node, value: Any, path: KeyPath) -> None:
        if isinstance(spec, Table):
            self.table(spec, value, path)
        elif isinstance(spec, TableList):
            if self.expect(value, list, "an array of tables", path):
                for i, item in enumerate(value):
                    self.table(spec.table, item, (*path, i))
        elif isinstance(spec, MapOf):
            if self.expect(value, dict, "a table", path):
                for key, item in value.items():
                    self.scalar(spec.value, item, (*path, key))
        elif isinstance(spec, ListOf):
            if self.expect(value, list, "an array", path):
                if len(value) < spec.min_items:
                    self.report(path, f"needs at least {spec.min_items} entry")
                for i, item in enumerate(value):
                    self.scalar(spec.item, item, (*path, i))
        elif isinstance(spec, OneOrMany):
            if isinstance(value, list):
                self.node(ListOf(spec.item, min_items=1), value, path)
            else:
                self.scalar(spec.item, value, path)
        else:
            self.scalar(spec, value, path)

    def table(self, spec: Table, value: Any, path: KeyPath) -> None:
        if not self.expect(value, dict, "a table", path):
            return
        for key, item in value.items():
            if key.startswith(EXTENSION_PREFIX):
                continue
            if key in spec.keys:
                self.node(spec.keys[key].node, item, (*path, key))
                continue
            import difflib  # only an unknown key pays for it

            close = difflib.get_close_matches(key, list(spec.keys), n=1, cutoff=0.6)
            guess = f"; did you mean {close[0]!r}?" if close else ""
            where = f"in [{key_path(path)}]" if path else "at the top level"
            self.report(
                (*path, key),
                f"unknown key {where}{guess}",
                rule="terms-unknown-key",
                hint=f"keys of your own start with {EXTENSION_PREFIX!r}",
            )
        for key, spec_key in spec.keys.items():
            if spec_key.required and key not in value:
                self.report(path, f"missing required key {key!r}", rule="terms-missing-key")

    def expect(self, value: Any, kind: type, name: str, path: KeyPath) -> bool:
        if isinstance(value, kind):
            return True
        self.report(path, f"expected {name}, got {describe(value)}", rule="terms-type")
        return False

    def scalar(self, spec: Scalar, value: Any, path: KeyPath) -> None:
        if not _has_kind(spec.kind, value):
            self.report(
                path, f"expected {_KIND_NAMES[spec.kind]}, got {describe(value)}", "terms-type"
            )
        elif spec.kind == "string" and not value.strip():
            self.report(path, "must not be empty")
        elif spec.const is not None and value != spec.const:
            self.report(path, f"expected {spec.const}, got {describe(value)}")
        elif spec.choices and value not in spec.choices:
            self.report(path, f"expected one of {', '.join(spec.choices)}; got {describe(value)}")
        elif spec.check:
            self.check(spec.check, value, path)

    def check(self, name: str, value: Any, path: KeyPath) -> None:
        if name == "line-length":
            if value and not MIN_LINE_LENGTH <= value <= 1000:
                self.report(path, f"expected 0 or {MIN_LINE_LENGTH} to 1000, got {value}")
        elif name == "trailer-key" and not TRAILER_KEY.match(value):
            self.report(path, f"not a usable trailer key: {describe(value)} (letters, digits, -)")
        elif name == "one-line" and CONTROL.search(value):
            self.report(
                path, f"must be one line of text without control characters: {describe(value)}"
            )
        elif name == "email" and not EMAIL.match(value):
            self.report(path, f"not an email address: {describe(value)}")
        elif name == "web-url" and not WEB_URL.match(value):
            self.report(path, f"not an http(s) URL without query or fragment: {describe(value)}")
        elif name == "terms-id" and value == "none":
            return
        elif name in ("spdx-id", "terms-id", "spdx-expression"):
            single = spdx.single_id_problem(value) if name != "spdx-expression" else None
            verdict = spdx.Verdict(single) if single else self.check_expression(value)
            if verdict.problem:
                self.report(path, verdict.problem, rule="terms-spdx")
            self.expressions.append((path, verdict))


_KIND_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "boolean": "a boolean",
    "date": "a date (YYYY-MM-DD)",
}


def _has_kind(kind: str, value: Any) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    # A quoted ISO date is accepted too, so the JSON Schema (which sees strings) agrees.
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def describe(value: Any) -> str:
    """A short, TOML-flavoured description of a value for error messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 60 else text[:57] + '..."'
    if isinstance(value, int):
        return f"an integer ({value})"
    if isinstance(value, float):
        return f"a float ({value})"
    if isinstance(value, datetime.datetime):
        return f"a date-time ({value.isoformat()})"
    if isinstance(value, datetime.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, datetime.time):
        return f"a time ({value.isoformat()})"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _check_conditional(walker: _Walker, doc: dict[str, Any]) -> None:
    """``conditional`` training needs conditions, in [terms] or in the override itself."""
    terms = doc.get("terms")
    if not isinstance(terms, dict):
        return
    has_conditions = "conditions" in terms
    if terms.get("training") == "conditional" and not has_conditions:
        walker.report(
            ("terms", "training"),
            'is "conditional" but [terms.conditions] is missing',
            rule="terms-missing-key",
            hint="add [terms.conditions] with at least weights-license",
        )
    overrides = doc.get("overrides")
    for i, entry in enumerate(overrides if isinstance(overrides, list) else []):
        if (
            isinstance(entry, dict)
            and entry.get("training") == "conditional"
            and "conditions" not in entry
            and not has_conditions
        ):
            walker.report(
                ("overrides", i, "training"),
                'is "conditional" but neither this entry nor [terms] has conditions',
                rule="terms-missing-key",
            )


def _check_license_texts(walker: _Walker, has_text: Callable[[str], bool]) -> None:
    """Every ``LicenseRef-`` needs its text; the declared licences should have theirs."""
    for path, verdict in walker.expressions:
        for ref in verdict.license_refs:
            if not has_text(ref):
                walker.report(
                    path,
                    f"{ref} has no text at LICENSES/{ref}.txt",
                    rule="terms-license-text",
                    hint="add the text there (REUSE layout), or run `tgpl-git init`",
                )
        if path in _TEXT_WARNED_KEYS and not verdict.problem:
            for key in verdict.keys:
                if key not in verdict.license_refs and not has_text(key):
                    walker.report(
                        path,
                        f"{key} has no text at LICENSES/{key}.txt; `reuse lint` will fail",
                        rule="terms-license-text",
                        severity="warning",
                        hint=f"reuse download {key}",
                    )
