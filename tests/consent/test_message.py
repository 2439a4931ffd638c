# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Message clean-up agrees with git's own (git stripspace --strip-comments)."""

from __future__ import annotations

import subprocess

from hypothesis import given, settings
from hypothesis import strategies as st

from tgpl_git.consent.message import clean_message


def git_clean(text: str) -> str:
    done = subprocess.run(
        ["git", "stripspace", "--strip-comments"],
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    return done.stdout.decode()


def test_scissors_and_comments() -> None:
    text = (
        "Fix\n\nTraining-Consent: A <a@e.org>\n# Please enter the message\n"
        "# ------------------------ >8 ------------------------\ndiff --git a b\n"
    )
    assert clean_message(text) == "Fix\n\nTraining-Consent: A <a@e.org>\n"


LINES = st.sampled_from(
    [
        "Title",
        "",
        "  ",
        "text  ",
        "# comment",
        "#",
        "\ttab",
        "A: b",
        # spaces to Python, not to git's isspace()
        "text\x0b",
        "\x0c",
        "text\xa0",
        "\u2003",
        "text\x85",
        "text\r",
        "\r",
    ]
)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(LINES, max_size=10))
def test_agrees_with_git_stripspace(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    assert clean_message(text) == git_clean(text)
