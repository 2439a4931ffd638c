# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The ai-training.toml init writes is valid, means what was chosen, and explains itself."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tgpl_git.init.terms_text import Choices, ThirdParty, render_terms
from tgpl_git.terms import terms_from_text

TODAY = datetime.date(2026, 11, 26)


@pytest.mark.parametrize(
    "choices",
    [
        Choices("plain", "MIT", "The plain Authors"),
        Choices(
            'odd "name" \\ ü',
            "(MIT OR Apache-2.0) AND BSD-2-Clause",
            "Jörg <j@example.org>",
            repository="https://example.org/odd.git",
            since="0" * 40,
            third_party=(
                ThirdParty(
                    "vendor/lib", "BSD-3-Clause", "vendor/lib/LICENSE", ("Copyright 2014 P",)
                ),
                ThirdParty("third party/x", "LicenseRef-third-party-x", "third party/x/COPYING"),
            ),
        ),
    ],
)
def test_the_written_terms_validate_and_say_what_was_chosen(choices: Choices) -> None:
    text = render_terms(choices, TODAY)
    terms = terms_from_text(text, Path("/nowhere"), "ai-training.toml", lambda _: True)
    assert terms.project.name == choices.name
    assert terms.terms.code_license == choices.code_license
    assert terms.headers.holder == choices.holder
    assert terms.consent.since == choices.since
    assert terms.terms.review_by == datetime.date(2027, 11, 26)
    for party in choices.third_party:
        effective = terms.effective_terms(f"{party.folder}/a.c")
        assert not effective.applies and effective.code_license == party.license
    assert terms.effective_terms("src/a.c").applies
    assert all(len(line) < 120 for line in text.splitlines())


def test_every_setting_line_carries_a_comment() -> None:
    text = render_terms(Choices("p", "MIT", "H", since="a" * 40), TODAY)
    settings = [
        line
        for line in text.splitlines()
        if "=" in line and not line.startswith(("#", "version", "name", "holder", "path"))
    ]
    assert settings and all("  # " in line for line in settings), settings


def test_a_leap_day_review_date_is_a_real_date() -> None:
    text = render_terms(Choices("p", "MIT", "H"), datetime.date(2028, 2, 29))
    assert "review-by = 2029-02-28" in text
