# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Trailers read by git's rules: a table of cases, and git itself as the oracle."""

from __future__ import annotations

import subprocess

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tgpl_git.consent.trailers import Configured, Trailer, parse_trailers


def git_parse(message: str, *config: str) -> list[tuple[str, str]]:
    """What ``git interpret-trailers --parse --no-divider`` reads in ``message``."""
    args = [arg for c in config for arg in ("-c", c)]
    done = subprocess.run(
        ["git", *args, "interpret-trailers", "--parse", "--no-divider"],
        input=message.encode("utf-8", "surrogateescape"),
        capture_output=True,
        check=True,
    )
    pairs = []
    for line in done.stdout.decode("utf-8", "surrogateescape").split("\n")[:-1]:  # LF only
        key, _, value = line.partition(": ")
        pairs.append((key, value))
    return pairs


def ours(
    message: str, comment: str = "#", configured: tuple[Configured, ...] = ()
) -> list[tuple[str, str]]:
    return [(t.key, t.value) for t in parse_trailers(message, comment, configured=configured)]


CASES = [
    ("title only", "Add a thing\n", []),
    ("title paragraph is never trailers", "Key: value\n", []),
    (
        "all trailers",
        "Title\n\nBody text.\n\nA: 1\nB-C: two words\n",
        [("A", "1"), ("B-C", "two words")],
    ),
    ("not the last paragraph", "Title\n\nA: 1\n\nplain text\n", []),
    ("mixed without a git trailer", "Title\n\nA: 1\nnot a trailer\n", []),
    (
        "25 % with Signed-off-by",
        "Title\n\nx\ny\nz\nSigned-off-by: A <a@e.org>\n",
        [("Signed-off-by", "A <a@e.org>")],
    ),
    ("under 25 %", "Title\n\nw\nx\ny\nz\nSigned-off-by: A <a@e.org>\n", []),
    (
        "continuation",
        "Title\n\nTraining-Consent: Jane\n  Doe <j@e.org>\n",
        [("Training-Consent", "Jane Doe <j@e.org>")],
    ),
    (
        "comments and scissors",
        "Title\n\nA: 1\n# a comment\n"
        "# ------------------------ >8 ------------------------\nB: 2\n",
        [("A", "1")],
    ),
    ("trailing blank lines", "Title\n\nA: 1\n\n\n", [("A", "1")]),
    ("separator spacing", "Title\n\nKey :  spaced  \n", [("Key", "spaced")]),
    ("crlf", "Title\r\n\r\nA: 1\r\n", [("A", "1")]),
    ("three dashes are text", "Title\n\nSome text\n---\nA: 1\n", []),
    ("key with space before colon only", "Title\n\nKey word: v\n", []),
]


@pytest.mark.parametrize(("name", "message", "expected"), CASES, ids=[c[0] for c in CASES])
def test_table_agrees_with_git(name: str, message: str, expected: list[tuple[str, str]]) -> None:
    assert ours(message) == expected
    assert git_parse(message) == expected


def test_configured_keys_count_as_recognised() -> None:
    message = "Title\n\nx\ny\nTraining-Consent: A <a@e.org>\n"
    assert ours(message) == []
    configured = ours(message, configured=(Configured("consent", "Training-Consent"),))
    assert configured == [("Training-Consent", "A <a@e.org>")]
    assert configured == git_parse(message, "trailer.consent.key=Training-Consent")


def test_a_key_that_begins_a_configured_one_is_read_as_it() -> None:
    # git reads "consent:" (the section's name) and "training:" (the start of its key)
    # as the configured key itself.
    message = "Title\n\nconsent: A <a@e.org>\ntraining: B <b@e.org>\nTrain-X: C\n"
    expected = [
        ("Training-Consent", "A <a@e.org>"),
        ("Training-Consent", "B <b@e.org>"),
        ("Train-X", "C"),
    ]
    assert ours(message, configured=(Configured("consent", "Training-Consent"),)) == expected
    assert git_parse(message, "trailer.consent.key=Training-Consent") == expected


CONFIGURED = [
    ((), ()),
    ((Configured("consent", "Training-Consent"),), ("trailer.consent.key=Training-Consent",)),
    ((Configured("sign"),), ("trailer.sign.where=end",)),
    (
        (Configured("co", "Co-authored-by"), Configured("t", "Training-Consent")),
        ("trailer.co.key=Co-authored-by", "trailer.t.key=Training-Consent"),
    ),
]


def test_other_comment_characters() -> None:
    message = "Title\n\nA: 1\n; note\n"
    assert ours(message, comment=";") == git_parse(message, "core.commentChar=;")


def test_keys_match_case_insensitively() -> None:
    assert Trailer("training-CONSENT", "x").is_key("Training-Consent")


LINES = st.sampled_from(
    [
        "Title",
        "",
        " ",
        "text line",
        "Training-Consent: Jane Doe <jane@example.org>",
        "training-consent: Joe <joe@example.org>",
        "Signed-off-by: Ann <ann@example.org>",
        "Co-authored-by: Bo <bo@example.org>",
        "(cherry picked from commit abc)",
        "  continued",
        "\tcontinued",
        "# comment",
        "# ------------------------ >8 ------------------------",
        "---",
        "Key:value",
        "Key : value",
        "Key word: v",
        ":no key",
        "Conflicts:",
        "\tpath",
        "Bad Key: v",
        "x-y-z: 1",
        "caf\u00e9: 1",
        "A: \u00e9",
        "A:",
        "A:\r",
        "\x0c",
        "A: 1\x0b",
        "\x0bcontinued",
        "consent: Ann <ann@example.org>",
        "C: x",
        "Co: Bo <bo@example.org>",
        "-: dash",
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINES, max_size=10), final_newline=st.booleans())
@example(lines=["Title", "", "A: 1", "Conflicts:", "\tpath"], final_newline=True)
@example(lines=["\x0c", "A: 1"], final_newline=False)  # git's isspace() is not C's
@example(lines=["Title", "", "A: 1", "\x0b"], final_newline=True)
def test_agrees_with_git_interpret_trailers(lines: list[str], final_newline: bool) -> None:
    message = "\n".join(lines) + ("\n" if final_newline and lines else "")
    assert ours(message) == git_parse(message)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINES, max_size=8), setup=st.sampled_from(CONFIGURED))
@example(lines=["", "C:"], setup=CONFIGURED[1])  # "C" begins "consent": Training-Consent
def test_agrees_with_git_under_configured_trailers(
    lines: list[str], setup: tuple[tuple[Configured, ...], tuple[str, ...]]
) -> None:
    message = "\n".join(lines) + "\n"
    configured, config = setup
    assert ours(message, configured=configured) == git_parse(message, *config)


def test_a_comment_string_of_several_characters() -> None:
    # core.commentString (git 2.45+) may be longer than one character.
    message = "Title\n\nA: 1\n//> note: not a trailer\n"
    assert ours(message, comment="//>") == [("A", "1")]
    assert ours("Title\n\nA: 1\n//> x\nB: 2\n", comment="//>") == [("A", "1"), ("B", "2")]
