# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The verdict per commit, from tables: forged consent must never pass."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tgpl_git.consent.identity import Person
from tgpl_git.consent.policy import Commit, Ledger, Policy, judge

JANE = Person("Jane Doe", "jane@example.org")
BOB = Person("Bob", "bob@example.org")
CI = Person("CI Bot", "ci[bot]@users.noreply.github.com")


def commit(
    message: str,
    author: Person = JANE,
    committer: Person = JANE,
    parents: int = 1,
    mapped: Person | None = None,
    terms: str = "T1",
) -> Commit:
    return Commit("a" * 40, parents, author, mapped or author, committer, message, terms)


DEFAULT = Policy()


def rules(c: Commit, policy: Policy = DEFAULT, ledger: Ledger | None = None) -> list[str]:
    return [f.rule for f in judge(c, policy, ledger).findings]


T = "Training-Consent"
CASES = [
    ("author consents", f"Fix\n\n{T}: Jane Doe <jane@example.org>\n", JANE, []),
    ("email case does not matter", f"Fix\n\n{T}: J <JANE@Example.org>\n", JANE, []),
    ("key case does not matter", "Fix\n\ntraining-consent: J <jane@example.org>\n", JANE, []),
    ("no trailer", "Fix\n", JANE, ["consent-missing"]),
    (
        "someone else's identity",
        f"Fix\n\n{T}: Bob <bob@example.org>\n",
        JANE,
        ["consent-foreign", "consent-missing"],
    ),
    (
        "trailer in the body",
        f"Fix\n\n{T}: Jane <jane@example.org>\nbecause I said so\n",
        JANE,
        ["consent-missing"],
    ),
    (
        "trailer in the title paragraph",
        f"Fix\n{T}: Jane <jane@example.org>\n",
        JANE,
        ["consent-missing"],
    ),
    (
        "no email in the value",
        f"Fix\n\n{T}: Jane Doe\n",
        JANE,
        ["consent-malformed", "consent-missing"],
    ),
    (
        "co-author without consent",
        f"Fix\n\n{T}: Jane <jane@example.org>\nCo-authored-by: Bob <bob@example.org>\n",
        JANE,
        ["consent-missing-coauthor"],
    ),
    (
        "co-author with consent",
        f"Fix\n\n{T}: Jane <jane@example.org>\nCo-authored-by: Bob <bob@example.org>\n"
        f"{T}: Bob <bob@example.org>\n",
        JANE,
        [],
    ),
    (
        "sign-off does not count by default",
        "Fix\n\nSigned-off-by: Jane <jane@example.org>\n",
        JANE,
        ["consent-missing"],
    ),
    ("exempt bot", "Bump\n", CI, []),
]


@pytest.mark.parametrize(
    ("name", "message", "author", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_verdicts(name: str, message: str, author: Person, expected: list[str]) -> None:
    policy = Policy(exempt=("*[bot]@users.noreply.github.com",))
    assert rules(commit(message, author), policy) == expected


def test_committer_consent_is_not_the_authors() -> None:
    c = commit(f"Fix\n\n{T}: Bob <bob@example.org>\n", author=JANE, committer=BOB)
    findings = judge(c, Policy()).findings
    missing = [f for f in findings if f.rule == "consent-missing"]
    assert missing and "names the committer, not the author" in missing[0].message


def test_mailmap_identity_counts_for_the_same_person() -> None:
    old = Person("Jane", "jane@old.example.org")
    c = commit(f"Fix\n\n{T}: Jane <jane@example.org>\n", author=old, mapped=JANE)
    assert rules(c) == []


def test_signoff_counts_when_configured() -> None:
    message = "Fix\n\nSigned-off-by: Jane <jane@example.org>\n"
    assert rules(commit(message), Policy(signoff_counts=True)) == []
    assert rules(commit(message, author=BOB), Policy(signoff_counts=True)) == ["consent-missing"]


def test_grants_count() -> None:
    assert rules(commit("Fix\n"), Policy(grants=frozenset({"jane@example.org"}))) == []


def test_merges_are_skipped_unless_configured() -> None:
    merge = commit("Merge branch 'x'\n", parents=2)
    assert judge(merge, Policy()).judged is False
    assert rules(merge, Policy(check_merges=True)) == ["consent-missing"]


def test_contributor_scope_covers_later_commits_under_the_same_terms() -> None:
    policy = Policy(scope="contributor")
    ledger = Ledger()
    assert rules(commit(f"One\n\n{T}: Jane <jane@example.org>\n"), policy, ledger) == []
    assert rules(commit("Two\n"), policy, ledger) == []
    assert rules(commit("Three\n", terms="T2"), policy, ledger) == ["consent-missing"]
    assert rules(commit("Four\n", author=BOB), policy, ledger) == ["consent-missing"]


def test_finding_says_which_commit_who_why_and_the_fix() -> None:
    c = commit("Add parser\n")
    (finding,) = judge(c, Policy(me=JANE)).findings
    assert finding.commit == "aaaaaaaaaa"
    assert "'Add parser' by Jane Doe <jane@example.org>" in finding.message
    assert finding.hint is not None and finding.hint.startswith("git rebase --exec ")
    assert '--trailer "Training-Consent: Jane Doe <jane@example.org>"' in finding.hint
    (other,) = judge(c, Policy(me=BOB)).findings
    assert (
        other.hint is not None
        and "tgpl-git consent grant 'Jane Doe' jane@example.org" in other.hint
    )


# Raw git log records: sha, parents, author, mapped author, committer, message, trailers.
NAMES = st.sampled_from(["Jane Doe", "Bob", "", "J <x"])
EMAILS = st.sampled_from(
    [
        "jane@example.org",
        "JANE@example.org",
        "bob@example.org",
        "no-at",
        "a b@c",
        "caf\u00e9@example.org",
    ]
)
KEYS = st.sampled_from(
    ["Training-Consent", "training-consent", "Co-authored-by", "Signed-off-by", "Other"]
)


@st.composite
def records(draw: st.DrawFn) -> list[bytes]:
    author = draw(EMAILS)
    trailers = []
    for _ in range(draw(st.integers(0, 4))):
        value = draw(
            st.sampled_from(
                [
                    f"{draw(NAMES)} <{draw(EMAILS)}>",
                    f"{draw(NAMES)} <{draw(EMAILS)}> # note",
                    draw(NAMES),
                    f"<{draw(EMAILS)}",
                    f"x > <{draw(EMAILS)}>",
                ]
            )
        )
        trailers.append(f"{draw(KEYS)}\x02{value}")
    parents = draw(st.sampled_from(["a" * 40, "a" * 40 + " " + "b" * 40, ""]))
    fields = [
        "c" * 40,
        parents,
        "Jane",
        author,
        "Jane",
        draw(EMAILS),
        "Cy",
        "cy@e.org",
        "Subject\n",
        "\x01".join(trailers),
        "1700000000",
    ]
    return [f.encode() for f in fields]


@settings(max_examples=2000, deadline=None)
@given(record=records(), co_authors=st.sampled_from(["require", "ignore"]), signoff=st.booleans())
def test_the_quick_pass_never_passes_what_the_verdict_would_not(
    record: list[bytes], co_authors: str, signoff: bool
) -> None:
    from tgpl_git.consent.history import _commit
    from tgpl_git.consent.policy import quick_pass

    policy = Policy(co_authors=co_authors, signoff_counts=signoff)
    if quick_pass(policy)(record):
        verdict = judge(_commit(record, ""), policy)
        assert verdict.judged and verdict.findings == ()


def test_the_quick_pass_takes_the_common_case() -> None:
    from tgpl_git.consent.policy import quick_pass

    fields = [
        "c" * 40,
        "a" * 40,
        "Jane",
        "jane@example.org",
        "Jane",
        "jane@example.org",
        "Cy",
        "cy@e.org",
        "Fix\n",
        "Training-Consent\x02Jane <JANE@example.org>\x01Co-authored-by\x02Bo <bo@e.org>"
        "\x01training-consent\x02Bo <bo@e.org>",
        "1700000000",
    ]
    assert quick_pass(Policy())([f.encode() for f in fields])
    fields[9] = "Training-Consent\x02Bob <bob@e.org>"
    assert not quick_pass(Policy())([f.encode() for f in fields])
