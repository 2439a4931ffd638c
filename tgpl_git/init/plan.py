# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""What ``init`` will do, decided before anything is written.

The plan is a list of whole-file writes (new files, and files gaining a section)
plus the files the header engine will annotate; ``--dry-run`` shows it and
``init`` applies exactly it. Everything here is pure: file contents in, plan out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from tgpl_git.headers.files import Outcome
from tgpl_git.init import ci, contributing, precommit, reuse_files
from tgpl_git.init.reuse_files import Annotation, literal
from tgpl_git.init.terms_text import ThirdParty
from tgpl_git.terms import Terms

TERMS_FILE = "ai-training.toml"

# Files the header engine leaves without a header that REUSE still wants covered.
# (Licence texts, symbolic links and files outside the terms are REUSE's own business
# or covered by their folder's annotation.)
NOT_REUSE_GAPS = {
    "excluded by ai-training.toml",
    "licensing file",
    "symbolic link",
    "missing from the work tree",
    "not a regular file",
}
_BY_EXTENSION = {"cannot hold a comment", "binary"}
_EXTENSION = re.compile(r"\.([A-Za-z0-9]{1,10})\Z")


@dataclass(frozen=True)
class Write:
    """One file ``init`` writes whole: created, or replaced with a longer version."""

    path: str
    data: bytes
    old: bytes | None  # None: the file is created
    why: str

    @property
    def created(self) -> bool:
        return self.old is None


@dataclass
class Plan:
    """Every change ``init`` makes, and what it noticed on the way."""

    writes: list[Write] = field(default_factory=list)
    annotate: list[Outcome] = field(default_factory=list)  # header fixes, from a dry pass
    unfixable: list[Outcome] = field(default_factory=list)  # header findings a fix cannot clear
    skipped: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # files init writes (or wrote before) that git ignores: `git add -A` leaves them out
    ignored: dict[str, str] = field(default_factory=dict)

    @property
    def paths(self) -> list[str]:
        """Every file the plan changes or creates."""
        return [w.path for w in self.writes] + [o.path for o in self.annotate]

    @property
    def empty(self) -> bool:
        return not self.writes and not self.annotate


def add_write(
    plan: Plan, existing: Mapping[str, bytes | None], path: str, data: str | bytes | None, why: str
) -> None:
    """Plan writing ``data`` to ``path`` unless it is None or already there."""
    if data is None:
        return
    # Text read through text_of comes back byte for byte, undecodable bytes included.
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    old = existing.get(path)
    if old != raw:
        plan.writes.append(Write(path, raw, old, why))


def text_of(existing: Mapping[str, bytes | None], path: str) -> str | None:
    """An existing file's text (its undecodable bytes kept through surrogate escapes)."""
    data = existing.get(path)
    return None if data is None else data.decode("utf-8", "surrogateescape")


def config_writes(
    plan: Plan,
    existing: Mapping[str, bytes | None],
    source: precommit.HookSource,
    ci_targets: Sequence[str],
    install: str,
    terms: Terms,
) -> None:
    """The pre-commit configuration, the CI job and the contributors' guide."""
    config = text_of(existing, precommit.FILE)
    merged = (
        precommit.fresh_config(source) if config is None else precommit.merge_config(config, source)
    )
    add_write(plan, existing, precommit.FILE, merged, "the tgpl-git hooks")
    # init names the hook types itself unless the project already does (then: theirs)
    gap = precommit.install_gap(config) if config is not None else None
    if gap:
        plan.notes.append(gap)
    if "github" in ci_targets and existing.get(ci.GITHUB_FILE) is None:
        add_write(plan, existing, ci.GITHUB_FILE, ci.github_workflow(install), "CI: tgpl-git check")
    if "gitlab" in ci_targets:
        job = ci.merge_gitlab(text_of(existing, ci.GITLAB_FILE), install)
        add_write(plan, existing, ci.GITLAB_FILE, job, "CI: the tgpl-check job")
    place = contributing.guide_path(existing)
    if place is None:
        plan.notes.append(
            "the contributors' guide is not Markdown: add a section on the training terms "
            "and the consent trailer to it by hand"
        )
        return
    guide = contributing.merge_contributing(
        text_of(existing, place), terms.terms.license, terms.consent.trailer
    )
    add_write(plan, existing, place, guide, "how contributors consent")


def reuse_annotations(
    gaps: Iterable[Outcome],
    terms: Terms,
    copyright: str,
    third_party: Sequence[ThirdParty],
    tracked: Sequence[str] = (),
) -> list[Annotation]:
    """REUSE annotations for files without a header of their own: one per licence
    expression (types that never hold a comment by extension; a folder none of whose
    tracked files has a header, as the folder; others by name), then one per third-party
    folder (later annotations win in REUSE.toml)."""
    groups: dict[str, set[str]] = defaultdict(set)  # expression -> globs
    files: dict[str, set[str]] = defaultdict(set)  # expression -> paths named one by one
    named: dict[str, set[str]] = defaultdict(set)  # expression -> every path it covers
    project = terms.project_terms().expression
    for outcome in gaps:
        expression = terms.effective_terms(outcome.path).expression
        ext = _EXTENSION.search(outcome.path.rpartition("/")[2])
        named[expression].add(outcome.path)
        if "\n" in outcome.path:  # REUSE's ** stops at a newline: such a name stands alone
            groups[expression].add(literal(outcome.path))
        elif expression == project and outcome.skipped in _BY_EXTENSION and ext:
            groups[expression].add(f"**/*.{ext.group(1)}")
        else:
            files[expression].add(outcome.path)
    for expression, paths in files.items():
        groups[expression] |= _collapsed(paths, named[expression], tracked)
    annotations = [
        Annotation(
            tuple(sorted(paths)),
            (copyright,),
            expression,
            "Files that cannot carry a header (data, images, generated files).",
        )
        for expression, paths in sorted(groups.items(), key=lambda kv: kv[0] != project)
    ]
    for party in third_party:
        annotations.append(
            Annotation(
                (party.glob,),
                party.copyright or ("NOASSERTION",),
                party.license,
                f"Third-party code under its own licence ({literal(party.license_file)}).",
            )
        )
    return annotations


def _ancestors(path: str) -> list[str]:
    """``a/b/c`` -> ``["a", "a/b"]``: the folders holding a path, the top one first."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _collapsed(paths: set[str], named: set[str], tracked: Sequence[str]) -> set[str]:
    """``paths`` as REUSE.toml globs: a folder written once (``FOLDER/**``) where every
    file tracked under it is ``named``; else one glob for the files of one extension
    directly in a folder (``FOLDER/*.ext``) where there are several and all are named;
    the others each by its name."""
    under: Counter[str] = Counter(f for path in tracked for f in _ancestors(path))
    full = Counter(f for path in named for f in _ancestors(path))
    whole = {folder for folder, n in full.items() if n == under[folder]}
    kinds = Counter(_kind(path) for path in tracked)
    named_kinds = Counter(_kind(path) for path in named)
    globs = set()
    for path in paths:
        top = next((f for f in _ancestors(path) if f in whole), None)
        folder, ext = kind = _kind(path)
        if top is not None:
            globs.add(literal(top) + "/**")
        elif ext and kinds[kind] > 1 and named_kinds[kind] == kinds[kind]:
            globs.add(f"{literal(folder)}/*.{ext}" if folder else f"*.{ext}")
        else:
            globs.add(literal(path))
    return globs


def _kind(path: str) -> tuple[str, str]:
    """The folder a path is directly in, and its extension ("" without one)."""
    folder, _, name = path.rpartition("/")
    ext = _EXTENSION.search(name)
    return folder, ext.group(1) if ext else ""


def reuse_gaps(
    skipped: Iterable[Outcome], covered: Callable[[str], bool], sidecars: set[str]
) -> list[Outcome]:
    """The files left without a header (skipped, or one a fix cannot write) that REUSE
    would report, less those an annotation or a sidecar covers."""
    return [
        o
        for o in skipped
        if o.skipped not in NOT_REUSE_GAPS
        and not covered(o.path)
        and f"{o.path}.license" not in sidecars
    ]


def reuse_write(
    plan: Plan, existing: Mapping[str, bytes | None], annotations: Sequence[Annotation]
) -> None:
    """Add the annotations to REUSE.toml, or to .reuse/dep5 where the project uses that."""
    dep5 = text_of(existing, reuse_files.DEP5)
    if dep5 is not None:
        data = reuse_files.extend_dep5(dep5, annotations)
        add_write(plan, existing, reuse_files.DEP5, data, "REUSE: files without a header")
    else:
        data = reuse_files.extend_reuse_toml(text_of(existing, reuse_files.REUSE_TOML), annotations)
        add_write(plan, existing, reuse_files.REUSE_TOML, data, "REUSE: files without a header")
