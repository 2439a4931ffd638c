# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git consent status``: every author, their commits, their consent, and with
``--blame`` their share of today's lines (blame runs on all cores)."""

from __future__ import annotations

import csv
import datetime
import io
import os
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tgpl_git import git
from tgpl_git.consent import history
from tgpl_git.consent.identity import parse_person
from tgpl_git.consent.settings import policy_for, read_settings
from tgpl_git.consent.status import Contributor, Summary, add_lines, summarize, tally
from tgpl_git.errors import GitError
from tgpl_git.findings import json_text
from tgpl_git.headers.context import is_licensing_file
from tgpl_git.terms import FILE_NAME, Terms, load_terms


def status_command(blame: bool, fmt: str) -> str:
    """The table of contributors, in text, JSON or CSV."""
    root = git.toplevel(Path.cwd())
    terms = load_terms(root / FILE_NAME, FILE_NAME)
    scope = terms.consent.scope
    people = contributors(root, terms)
    if blame:
        add_lines(people, blame_lines(root, terms))
    ordered = sorted(people.values(), key=lambda p: (-p.commits, p.email.casefold()))
    summary = summarize(people, scope)
    if fmt == "json":
        return _json(ordered, summary, scope, blame)
    if fmt == "csv":
        return _csv(ordered, scope, blame)
    return _text(ordered, summary, scope, blame)


def contributors(root: Path, terms: Terms) -> dict[str, Contributor]:
    """Every author of the history of HEAD, with their commits and consent."""
    policy = policy_for(terms, read_settings(root))
    return tally(history.commits(root, history.resolve(root, "HEAD")), policy)


def summary_sentence(summary: Summary, blame: bool) -> str:
    """N of M authors consented, covering X % of commits (and Y % of today's lines)."""
    text = (
        f"{summary.consented} of {summary.authors} authors consented, covering "
        f"{_share(summary.covered_commits, summary.commits)} of commits"
    )
    if blame:
        text += f" and {_share(summary.covered_lines, summary.lines)} of today's lines"
    return text + "."


def blame_lines(root: Path, terms: Terms) -> Counter[tuple[str, str]]:
    """Lines of today's in-scope files per author (after .mailmap), moves and copies found."""
    files = [
        f
        for f in git.tracked_files(root)
        if terms.effective_terms(f).applies
        and not is_licensing_file(f)
        and (root / f).is_file()
        and not (root / f).is_symlink()
    ]
    counts: Counter[tuple[str, str]] = Counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for result in pool.map(lambda f: _blame(root, f), files):
            counts.update(result)
    return _mailmapped(root, counts)


def _blame(root: Path, path: str) -> Counter[tuple[str, str]]:
    done = subprocess.run(
        [*git.BASE, "blame", "--line-porcelain", "-M", "-C", "-w", "HEAD", "--", path],
        cwd=root,
        capture_output=True,
        check=False,
    )
    counts: Counter[tuple[str, str]] = Counter()
    if done.returncode != 0:
        return counts  # binary or otherwise unblamable: no lines to count
    name = ""
    for line in done.stdout.split(b"\n"):
        if line.startswith(b"author "):
            name = history.decode(line[7:])
        elif line.startswith(b"author-mail "):
            counts[(name, history.decode(line[12:]).strip("<>"))] += 1
    return counts


def _mailmapped(root: Path, counts: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
    idents = sorted({f"{name} <{email}>" for name, email in counts})
    if not idents:
        return counts
    try:
        out = git.run(["check-mailmap", *idents], root).decode("utf-8", "replace").splitlines()
    except GitError:
        return counts
    mapped: dict[str, tuple[str, str]] = {}
    for ident, line in zip(idents, out):
        person = parse_person(line)
        if person is not None:
            mapped[ident] = (person.name, person.email)
    result: Counter[tuple[str, str]] = Counter()
    for (name, email), n in counts.items():
        result[mapped.get(f"{name} <{email}>", (name, email))] += n
    return result


def _date(seconds: int) -> str:
    if not seconds:
        return ""
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date().isoformat()


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


def _text(people: list[Contributor], summary: Summary, scope: str, blame: bool) -> str:
    header = ["author", "commits", "first", "last", "consent"] + (["lines"] if blame else [])
    rows = [header] + [
        [f"{p.name} <{p.email}>", str(p.commits), _date(p.first), _date(p.last), p.source(scope)]
        + ([f"{p.lines} ({_share(p.lines, summary.lines)})"] if blame else [])
        for p in people
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows
    ]
    return "\n".join(lines) + "\n\n" + summary_sentence(summary, blame) + "\n"


def _json(people: list[Contributor], summary: Summary, scope: str, blame: bool) -> str:
    doc = {
        "version": 1,
        "authors": [
            {
                "name": p.name,
                "email": p.email,
                "commits": p.commits,
                "consenting-commits": p.consenting,
                "first": _date(p.first),
                "last": _date(p.last),
                "consent": p.source(scope),
                **({"lines": p.lines} if blame else {}),
            }
            for p in people
        ],
        "summary": {
            "authors": summary.authors,
            "consented": summary.consented,
            "commits": summary.commits,
            "covered-commits": summary.covered_commits,
            **({"lines": summary.lines, "covered-lines": summary.covered_lines} if blame else {}),
        },
    }
    return json_text(doc, indent=2) + "\n"


def _csv(people: list[Contributor], scope: str, blame: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["name", "email", "commits", "consenting_commits", "first", "last", "consent"]
        + (["lines"] if blame else [])
    )
    for p in people:
        writer.writerow(
            [
                p.name,
                p.email,
                p.commits,
                p.consenting,
                _date(p.first),
                _date(p.last),
                p.source(scope),
            ]
            + ([p.lines] if blame else [])
        )
    return out.getvalue()
