# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Identities from trailer values, and exempt patterns."""

from __future__ import annotations

import pytest

from tgpl_git.consent.identity import Person, is_exempt, parse_person, same_email


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jane Doe <jane@example.org>", Person("Jane Doe", "jane@example.org")),
        ("  Jane   <jane@example.org>  # since 2026", Person("Jane", "jane@example.org")),
        ("<jane@example.org>", Person("", "jane@example.org")),
        ("Jose\u0301 <j@e.org>", Person("Jos\u00e9", "j@e.org")),
        ("Jane Doe", None),
        ("Jane <not-an-email>", None),
        ("Jane <a@b> <c@d>", Person("Jane", "a@b")),
        ("", None),
    ],
)
def test_parse_person(value: str, expected: Person | None) -> None:
    assert parse_person(value) == expected


def test_emails_compare_without_case() -> None:
    assert same_email("Jane@Example.ORG", "jane@example.org")
    assert Person("A", "Jane@Example.ORG").key == "jane@example.org"


@pytest.mark.parametrize(
    ("emails", "exempt"),
    [
        (("41898282+github-actions[bot]@users.noreply.github.com",), True),
        (("dependabot[bot]@users.noreply.github.com",), True),
        (("DEPENDABOT[BOT]@users.noreply.github.com",), True),
        (("b@users.noreply.github.com",), False),
        (("jane@example.org", "bot[bot]@users.noreply.github.com"), True),
    ],
)
def test_exempt_patterns_match_emails(emails: tuple[str, ...], exempt: bool) -> None:
    assert is_exempt(emails, ("*[bot]@users.noreply.github.com",)) is exempt


def test_exempt_patterns_never_match_names() -> None:
    # Only emails are given to it: a pattern written for a display name matches nothing.
    assert not is_exempt(("jane@example.org",), ("Jane Doe",))
