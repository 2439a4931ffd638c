# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Findings, the one currency of every check, and the formatters that print them.

Checks return ``Finding`` records; nothing else in the package decides how a
problem looks on screen. Formatters are pure: findings in, text out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Callable, Literal, NamedTuple

Severity = Literal["error", "warning"]

JSON_FORMAT_VERSION = 1
_JSON_OPEN = f'{{"version": {JSON_FORMAT_VERSION}, "findings": ['


class Finding(NamedTuple):
    """One problem: which rule, where (a path and line, or a commit), and how to fix it.

    (A named tuple: a whole-tree check makes one per file without a header, and a tuple
    is the cheapest record to make.)
    """

    rule: str
    message: str
    severity: Severity = "error"
    path: str | None = None
    line: int | None = None
    column: int | None = None
    commit: str | None = None
    hint: str | None = None

    @property
    def location(self) -> str:
        """``path:line:column`` or ``commit <sha>``; empty when the finding has no place."""
        if self.path is not None:
            parts = [self.path]
            if self.line is not None:
                parts.append(str(self.line))
                if self.column is not None:
                    parts.append(str(self.column))
            return ":".join(parts)
        if self.commit is not None:
            return f"commit {self.commit}"
        return ""


def json_text(value: object, indent: int | None = None) -> str:
    """``value`` as JSON that is valid UTF-8 even where a path is not: git paths are bytes,
    and a byte that is not UTF-8 (held as a lone surrogate, as ``os.fsdecode`` makes it)
    is written as its JSON escape (``\\udcfe``), from which ``os.fsencode`` gets it back."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    if text.isascii():
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def count_errors(findings: Iterable[Finding]) -> int:
    """How many findings are errors (warnings do not fail a check)."""
    return sum(1 for f in findings if f.severity == "error")


def format_text(findings: Sequence[Finding]) -> str:
    """``path:line: rule message`` lines, each followed by its hint, then a summary line."""
    parts: list[str] = []
    writer = FindingWriter("text", parts.append)
    for f in findings:
        writer.add(f)
    writer.close()
    return "".join(parts)


def text_line(f: Finding) -> str:
    """One finding as text: ``location: rule message`` and its hint line."""
    # A whole tree's findings come by the thousand, most of them this plain: the short way.
    plain = f.severity == "error" and f.column is None and not f.hint
    if plain and f.line is not None and f.path is not None:
        return f"{f.path}:{f.line}: {f.rule} {f.message}\n"
    location = f.location
    where = f"{location}: " if location else ""
    tag = "" if f.severity == "error" else f"{f.severity}: "
    hint = f"  hint: {f.hint}\n" if f.hint else ""
    return f"{where}{f.rule} {tag}{f.message}\n{hint}"


class FindingWriter:
    """Writes findings as they come (memory stays flat over long histories), then a summary.

    ``text``: a line per finding and a count; ``json``: the document of ``format_json``.
    """

    def __init__(self, fmt: str, write: Callable[[str], object]) -> None:
        self.fmt = fmt
        self.write = write
        self.errors = 0
        self.warnings = 0

    def add(self, finding: Finding) -> None:
        if finding.severity == "error":
            self.errors += 1
        else:
            self.warnings += 1
        if self.fmt == "json":
            data = json_text({k: v for k, v in finding._asdict().items() if v is not None})
            first = self.errors + self.warnings == 1
            self.write((_JSON_OPEN + "\n  " if first else ",\n  ") + data)
        else:
            self.write(text_line(finding))

    def close(self, extra: Mapping[str, object] | None = None) -> None:
        if self.fmt != "json":
            self.write(f"{_plural(self.errors, 'error')}, {_plural(self.warnings, 'warning')}\n")
            return
        if not self.errors + self.warnings:
            self.write(_JSON_OPEN)
        tail = {"summary": {"errors": self.errors, "warnings": self.warnings}, **(extra or {})}
        self.write("\n], " + json_text(tail)[1:] + "\n")


def format_json(findings: Sequence[Finding], extra: Mapping[str, object] | None = None) -> str:
    """A versioned JSON document: ``{"version": 1, "findings": [...], "summary": {...}}``.

    ``extra`` adds command-specific keys (files fixed, files skipped, the range judged).
    """
    parts: list[str] = []
    writer = FindingWriter("json", parts.append)
    for f in findings:
        writer.add(f)
    writer.close(extra)
    return "".join(parts)


FORMATTERS: dict[str, Callable[[Sequence[Finding]], str]] = {
    "text": format_text,
    "json": format_json,
}


def plural(n: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return _plural(n, word)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
