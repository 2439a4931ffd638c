# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The tally of authors, from commit records (no repository)."""

from __future__ import annotations

from tgpl_git.consent.identity import Person
from tgpl_git.consent.policy import Commit, Policy
from tgpl_git.consent.status import add_lines, summarize, tally

JANE = Person("Jane", "jane@example.org")
BOB = Person("Bob", "bob@example.org")


def commit(author: Person, consent: bool, time: int, parents: int = 1) -> Commit:
    message = "Fix\n" + (f"\nTraining-Consent: {author}\n" if consent else "")
    return Commit("a" * 40, parents, author, author, author, message, "", None, time)


def test_counts_dates_sources_and_summary() -> None:
    commits = [
        commit(JANE, True, 200),
        commit(JANE, False, 100),
        commit(BOB, True, 300),
        commit(BOB, False, 50, parents=2),
    ]
    people = tally(commits, Policy())
    jane, bob = people["jane@example.org"], people["bob@example.org"]
    assert (jane.commits, jane.consenting, jane.first, jane.last) == (2, 1, 100, 200)
    assert jane.source("commit") == "some commits (1 of 2)"
    assert jane.source("contributor") == "consenting commit"
    assert (bob.commits, bob.source("commit")) == (1, "trailer")  # the merge is not counted
    add_lines(people, {("Jane", "JANE@example.org"): 30, ("Bob", "bob@example.org"): 10})
    summary = summarize(people, "commit")
    assert (summary.authors, summary.consented, summary.commits, summary.covered_commits) == (
        2,
        1,
        3,
        2,
    )
    assert (summary.lines, summary.covered_lines) == (40, 10)
