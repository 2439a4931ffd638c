# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Who has consented, and how much of the history and of today's code that covers: the
numbers a relicensing needs. Pure: commits and blame counts in, a table out."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tgpl_git.consent.identity import is_exempt
from tgpl_git.consent.policy import Commit, Policy, judge


@dataclass
class Contributor:
    """One author, as .mailmap names them."""

    name: str
    email: str
    commits: int = 0
    consenting: int = 0  # commits carrying their own consent
    first: int = 0
    last: int = 0
    granted: bool = False
    exempt: bool = False
    lines: int = 0  # today's lines they wrote (with --blame)

    def source(self, scope: str) -> str:
        """trailer, grant, consenting commit, exempt or none."""
        if self.granted:
            return "grant"
        if self.exempt:
            return "exempt"
        if self.commits and self.consenting == self.commits:
            return "trailer"
        if self.consenting and scope == "contributor":
            return "consenting commit"
        if self.consenting:
            return f"some commits ({self.consenting} of {self.commits})"
        return "none"

    def consented(self, scope: str) -> bool:
        return self.source(scope) in ("grant", "exempt", "trailer", "consenting commit")


def tally(commits: Iterable[Commit], policy: Policy) -> dict[str, Contributor]:
    """Authors of ``commits`` (merges left out, as the check leaves them), by email."""
    # Consent in the commit itself: grants and exemptions are counted on their own.
    in_commit = dataclasses.replace(policy, grants=frozenset(), exempt=(), co_authors="ignore")
    people: dict[str, Contributor] = {}
    for commit in commits:
        verdict = judge(commit, in_commit)
        if not verdict.judged:
            continue
        key = commit.mapped_author.email.casefold()
        person = people.get(key)
        if person is None:
            person = people[key] = Contributor(
                commit.mapped_author.name,
                commit.mapped_author.email,
                first=commit.time,
                granted=key in policy.grants or commit.author.email.casefold() in policy.grants,
                exempt=is_exempt((commit.author.email, commit.mapped_author.email), policy.exempt),
            )
        person.commits += 1
        person.consenting += not any(f.rule == "consent-missing" for f in verdict.findings)
        person.first = min(person.first, commit.time) if commit.time else person.first
        person.last = max(person.last, commit.time)
    return people


def add_lines(people: dict[str, Contributor], lines: Mapping[tuple[str, str], int]) -> None:
    """Today's lines per (name, email) as blame and .mailmap give them."""
    for (name, email), count in lines.items():
        key = email.casefold()
        person = people.get(key)
        if person is None:  # lines from a commit outside the judged history (a merge, say)
            person = people[key] = Contributor(name, email)
        person.lines += count


@dataclass(frozen=True)
class Summary:
    authors: int
    consented: int
    commits: int
    covered_commits: int
    lines: int
    covered_lines: int


def summarize(people: Mapping[str, Contributor], scope: str) -> Summary:
    """N of M authors consented, covering X commits and Y lines."""
    agreed = [p for p in people.values() if p.consented(scope)]
    covered = sum(p.commits for p in agreed) + sum(
        p.consenting for p in people.values() if not p.consented(scope)
    )
    return Summary(
        authors=len(people),
        consented=len(agreed),
        commits=sum(p.commits for p in people.values()),
        covered_commits=covered,
        lines=sum(p.lines for p in people.values()),
        covered_lines=sum(p.lines for p in agreed),
    )
