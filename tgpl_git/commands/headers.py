# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git headers``: fix, check or diff the licence headers of files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tgpl_git import git
from tgpl_git.errors import EXIT_CLEAN, EXIT_FINDINGS
from tgpl_git.headers import SKIP_ATTRIBUTES
from tgpl_git.paths import relative_path

if TYPE_CHECKING:
    from tgpl_git.findings import Finding
    from tgpl_git.headers.files import Outcome


class Report(NamedTuple):
    """What the command prints on stdout and stderr, and its exit code."""

    stdout: str
    stderr: str
    code: int


def headers_command(
    paths: Sequence[str], all_files: bool, mode: str, fmt: str, verbose: bool
) -> Report:
    """Run the header engine over the chosen files (given, all tracked, or staged)."""
    root = git.toplevel(Path.cwd())
    listing, attributes = start_selection(root, paths, all_files)
    # The engine and the terms load while git lists the files and reads their attributes
    # (loading them is a third of the command's start).
    from tgpl_git.headers.context import Context
    from tgpl_git.headers.files import handle_all
    from tgpl_git.terms import FILE_NAME, load_terms

    context = Context.create(load_terms(root / FILE_NAME, FILE_NAME))
    files = listing()
    outcomes = handle_all(root, files, context, mode, attributes)
    return render(outcomes, len(files), mode, fmt, verbose)


def start_selection(
    root: Path, paths: Sequence[str], all_files: bool
) -> tuple[Callable[[], list[str]], Callable[[], dict[str, set[str]]]]:
    """The files to judge (every tracked file; the given paths, folders expanded to their
    tracked files; or the files staged for the next commit) and the attributes that skip
    some of them, both asked of git now and answered by calling."""
    names = list(SKIP_ATTRIBUTES)
    if all_files:
        return git.start_tracked_files(root), git.start_attributes(root, None, names)
    files = _given(root, paths) if paths else git.staged_files(root)
    return (lambda: files), git.start_attributes(root, files, names)


def _given(root: Path, paths: Sequence[str]) -> list[str]:
    selected: dict[str, None] = {}
    for given in paths:
        relative = relative_path(root, given)
        if (root / relative).is_dir() and not (root / relative).is_symlink():
            pathspec = [] if relative == "." else [relative]
            selected.update(dict.fromkeys(git.tracked_files(root, pathspec)))
        else:
            selected[relative] = None
    return list(selected)


def render(outcomes: Sequence[Outcome], files: int, mode: str, fmt: str, verbose: bool) -> Report:
    """Findings (or fixes, or diffs) on stdout, a one-line summary on stderr (``files``:
    how many were judged; the outcomes leave out those whose header is current)."""
    from tgpl_git.findings import format_json

    fixed = [o for o in outcomes if o.changed]
    findings = [o.finding for o in outcomes if o.finding is not None and not o.changed]
    skipped = Counter(o.skipped for o in outcomes if o.skipped)
    if fmt == "json":
        extra = {
            "fixed": [
                {"path": o.path, "rule": o.finding.rule if o.finding else None} for o in fixed
            ],
            "skipped": dict(sorted(skipped.items())),
        }
        stdout = format_json(findings, extra)
    elif mode == "diff":
        stdout = "".join(o.diff for o in outcomes) + _findings_text(
            [f for o in outcomes if not o.diff and (f := o.finding)]
        )
    else:
        stdout = "".join(f"fixed {o.path}: {o.finding.rule if o.finding else ''}\n" for o in fixed)
        stdout += _findings_text(findings)
        if verbose:
            stdout += "".join(f"skipped {o.path}: {o.skipped}\n" for o in outcomes if o.skipped)
    summary = _summary(files, fixed, findings, skipped, mode)
    code = EXIT_FINDINGS if findings or fixed else EXIT_CLEAN
    return Report(stdout, summary, code)


def _findings_text(findings: Sequence[Finding]) -> str:
    from tgpl_git.findings import text_line

    return "".join(map(text_line, findings))  # the summary line is ours to write


def _summary(
    files: int,
    fixed: Sequence[Outcome],
    findings: Sequence[Finding],
    skipped: Counter[str],
    mode: str,
) -> str:
    checked = files - sum(skipped.values())
    parts = [f"{checked} file{'s' if checked != 1 else ''} checked"]
    if fixed:
        parts.append(f"{len(fixed)} fixed")
    if findings:
        verb = "to fix" if mode != "fix" else "not fixable"
        parts.append(f"{len(findings)} {verb}")
    if skipped:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(skipped.items()))
        parts.append(f"{sum(skipped.values())} skipped ({reasons})")
    return "tgpl-git headers: " + "; ".join(parts) + "\n"
