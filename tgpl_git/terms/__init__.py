# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``ai-training.toml``: find it, load it, validate it, and answer what applies to a path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tgpl_git.errors import ConfigError
from tgpl_git.findings import Finding
from tgpl_git.terms.model import EffectiveTerms, Terms, build
from tgpl_git.terms.schema import FILE_NAME
from tgpl_git.terms.source import LineIndex, parse, read_source
from tgpl_git.terms.spdx_memo import Memo
from tgpl_git.terms.validate import validate

__all__ = [
    "FILE_NAME",
    "EffectiveTerms",
    "Terms",
    "check_file",
    "find_root",
    "load_terms",
    "terms_from_text",
]


def find_root(start: Path) -> Path:
    """The project folder: the nearest ancestor of ``start`` holding ``ai-training.toml``.

    The search stops at the top of the git work tree (the folder holding ``.git``),
    so a terms file above the repository is never picked up; with none found,
    that top (or ``start`` outside a repository) is the root.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / FILE_NAME).exists() or (folder / ".git").exists():
            return folder
    return start


def check_file(file: Path, display: str | None = None) -> tuple[dict[str, object], list[Finding]]:
    """Parse and validate ``file``: the document and every finding (errors and warnings).

    File-system and syntax failures raise ``ConfigError``; schema problems are returned.
    """
    display = display or file.name
    text = read_source(file, display)
    doc = parse(text, display)
    licenses = file.parent / "LICENSES"
    memo = Memo()
    findings = validate(
        doc, LineIndex(text), display, lambda i: (licenses / f"{i}.txt").is_file(), memo
    )
    memo.save()
    return doc, findings


def terms_from_text(text: str, root: Path, display: str, has_text: Callable[[str], bool]) -> Terms:
    """The terms in ``text`` (not yet on disk), with ``has_text`` saying which licence
    texts exist; a ``ConfigError`` carrying every problem found."""
    doc = parse(text, display)
    findings = validate(doc, LineIndex(text), display, has_text, Memo())
    return _built(doc, findings, root, display)


def load_terms(file: Path, display: str | None = None) -> Terms:
    """The terms in ``file``, or a ``ConfigError`` carrying every problem found."""
    doc, findings = check_file(file, display)
    return _built(doc, findings, file.parent, display or file.name)


def _built(doc: dict[str, object], findings: list[Finding], root: Path, display: str) -> Terms:
    errors = tuple(f for f in findings if f.severity == "error")
    if errors:
        raise ConfigError(f"{display}: {len(errors)} problem(s)", errors)
    return build(doc, root, tuple(findings))
