# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The validated terms as frozen records, with defaults filled in, and what applies to a path."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from tgpl_git.findings import Finding
from tgpl_git.terms.globs import compile_globs
from tgpl_git.terms.schema import CONDITIONS, OVERRIDABLE, SCHEMA, Key, Table


class Conditions(NamedTuple):
    """What a model trained on the code must do (``[terms.conditions]``)."""

    weights_license: tuple[str, ...]
    openness: str | None
    data_disclosure: str
    code_release: bool
    derivatives_inherit: bool
    network_use_is_distribution: bool
    attribution: str


class Project(NamedTuple):
    name: str
    repository: str | None
    contact: str | None
    website: str | None


class TermsSection(NamedTuple):
    """``[terms]``: the project-wide terms before any override."""

    license: str
    code_license: str
    training: str
    inference: str
    search: str
    fallback: str
    review_by: datetime.date | None
    conditions: Conditions | None


class Headers(NamedTuple):
    holder: str | None
    year: str
    generated: str
    uncommentable: str
    empty_files: str
    test_data: str
    line_length: int
    generated_markers: tuple[str, ...]
    skip: tuple[str, ...]
    template: str | None
    styles: Mapping[str, str]


class Grant(NamedTuple):
    name: str
    email: str
    date: datetime.date
    evidence: str | None


class Consent(NamedTuple):
    trailer: str
    signoff_counts: bool
    scope: str
    co_authors: str
    check_merges: bool
    since: str | None
    exempt: tuple[str, ...]
    grants: tuple[Grant, ...]


@dataclass(frozen=True)
class Override:
    """One ``[[overrides]]`` entry: its globs and the keys it sets (kebab-case, as written)."""

    paths: tuple[str, ...]
    values: Mapping[str, Any]
    pattern: re.Pattern[str] = field(compare=False, repr=False)

    def matches(self, path: str) -> bool:
        return self.pattern.match(path) is not None


class EffectiveTerms(NamedTuple):
    """What applies to one file once every matching override is laid over ``[terms]``."""

    path: str
    applies: bool  # False where an override says terms = "none"
    license: str | None  # the training terms' id, None where they do not apply
    code_license: str
    training: str
    inference: str
    search: str
    fallback: str
    conditions: Conditions | None
    overrides: tuple[int, ...]  # indexes of the [[overrides]] entries that matched

    @property
    def expression(self) -> str:
        """The SPDX expression a header states: the code licence AND the training terms."""
        if not self.license:
            return self.code_license
        code = (
            f"({self.code_license})"
            if re.search(r"\bOR\b", self.code_license)
            else self.code_license
        )
        return f"{code} AND {self.license}"


@dataclass(frozen=True)
class Terms:
    """A whole, valid ``ai-training.toml``."""

    root: Path
    project: Project
    terms: TermsSection
    headers: Headers
    consent: Consent
    overrides: tuple[Override, ...]
    crawlers_block: tuple[str, ...]
    export: Mapping[str, str]
    warnings: tuple[Finding, ...] = ()
    _by_overrides: dict[tuple[int, ...], EffectiveTerms] = field(
        default_factory=dict, compare=False, repr=False
    )

    def project_terms(self) -> EffectiveTerms:
        """``[terms]`` alone, before any override (``path`` is empty)."""
        base = self.terms
        return EffectiveTerms(
            path="",
            applies=True,
            license=base.license,
            code_license=base.code_license,
            training=base.training,
            inference=base.inference,
            search=base.search,
            fallback=base.fallback,
            conditions=base.conditions,
            overrides=(),
        )

    def effective_terms(self, path: str) -> EffectiveTerms:
        """The terms for ``path`` (relative to ``root``, with ``/``); later overrides win."""
        return self.terms_for(self.matching(path))._replace(path=path)

    def matching(self, path: str) -> tuple[int, ...]:
        """Indexes of the ``[[overrides]]`` entries whose globs match ``path``."""
        if not self.overrides:
            return ()
        return tuple(i for i, override in enumerate(self.overrides) if override.matches(path))

    def terms_for(self, matching: tuple[int, ...]) -> EffectiveTerms:
        """The terms once the ``matching`` overrides are applied (``path`` left empty).

        Files matching the same entries share one answer, computed once.
        """
        cached = self._by_overrides.get(matching)
        if cached is None:
            cached = self.project_terms()
            for index in matching:
                cached = _apply(cached, self.overrides[index], index)
            self._by_overrides[matching] = cached
        return cached


def _apply(result: EffectiveTerms, override: Override, index: int) -> EffectiveTerms:
    changes: dict[str, Any] = {"overrides": (*result.overrides, index)}
    for key, value in override.values.items():
        if key == "terms":
            changes["applies"] = value != "none"
            changes["license"] = None if value == "none" else value
        elif key == "conditions":
            changes["conditions"] = _record(Conditions, CONDITIONS, value)
        else:
            changes[_snake(key)] = value
    return result._replace(**changes)


def build(doc: Mapping[str, Any], root: Path, warnings: tuple[Finding, ...] = ()) -> Terms:
    """Records from a document that ``validate`` found no error in."""
    keys = SCHEMA.keys
    terms = _with_defaults(_table(keys["terms"]), doc["terms"])
    conditions = terms.pop("conditions", None)
    consent = _with_defaults(_table(keys["consent"]), doc.get("consent", {}))
    grants = tuple(
        Grant(g["name"], g["email"], _date(g["date"]), g.get("evidence"))
        for g in consent.pop("grants")
    )
    return Terms(
        root=root,
        project=_record(Project, _table(keys["project"]), doc["project"]),
        terms=TermsSection(
            **_snake_keys(terms),
            conditions=_record(Conditions, CONDITIONS, conditions) if conditions else None,
        ),
        headers=_record(Headers, _table(keys["headers"]), doc.get("headers", {})),
        consent=Consent(**_snake_keys(consent), grants=grants),
        overrides=tuple(_override(entry) for entry in doc.get("overrides", ())),
        crawlers_block=tuple(doc.get("crawlers", {}).get("block", ())),
        export=dict(doc.get("export", {})),
        warnings=warnings,
    )


def _override(entry: Mapping[str, Any]) -> Override:
    paths = entry["path"]
    paths = (paths,) if isinstance(paths, str) else tuple(paths)
    values = {k: v for k, v in entry.items() if k in OVERRIDABLE}
    return Override(paths, values, compile_globs(paths))


def _table(key: Key) -> Table:
    assert isinstance(key.node, Table)
    return key.node


def _with_defaults(spec: Table, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Every key of ``spec``: the user's value, else the default; arrays become tuples."""
    out: dict[str, Any] = {}
    for name, key in spec.keys.items():
        value = raw.get(name, key.default)
        out[name] = tuple(value) if isinstance(value, list) else value
    if "review-by" in out:
        out["review-by"] = _date(out["review-by"])
    return out


R = TypeVar("R", Conditions, Project, Headers)  # the records built from one table


def _record(cls: type[R], spec: Table, raw: Mapping[str, Any]) -> R:
    values = _snake_keys(_with_defaults(spec, raw))
    return cls(**{k: v for k, v in values.items() if k in cls._fields})


def _date(value: Any) -> Any:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _snake(name: str) -> str:
    return name.replace("-", "_")


def _snake_keys(values: Mapping[str, Any]) -> dict[str, Any]:
    return {_snake(k): v for k, v in values.items()}
