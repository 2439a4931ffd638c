# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""People as commits name them: ``Name <email>`` values, emails compared without case,
names normalised, and the exempt patterns (which look at emails, never at names)."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# From the start of the value; what follows the ">" (a "# note") is ignored.
_IDENT = re.compile(r"\s*(?P<name>[^<>]*?)\s*<(?P<email>[^<>\s]+)>")


class Person(NamedTuple):
    """A name and an email, as a trailer or an author line gives them.

    (A named tuple: several are made for every commit of a long history.)
    """

    name: str
    email: str

    @property
    def key(self) -> str:
        """What identifies the person: the email, without case."""
        return self.email.casefold()

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


def parse_person(value: str) -> Person | None:
    """``Jane Doe <jane@example.org>`` as a Person; None without an ``<email>``."""
    match = _IDENT.match(value)
    if match is None or "@" not in match.group("email"):
        return None
    name = unicodedata.normalize("NFC", match.group("name").strip())
    return Person(name, match.group("email"))


def same_email(a: str, b: str) -> bool:
    """Emails compare without case (the part before @ is case-sensitive in theory,
    never in practice)."""
    return a.casefold() == b.casefold()


def is_exempt(emails: tuple[str, ...], patterns: tuple[str, ...]) -> bool:
    """Whether any of a person's emails matches an exempt pattern (``*[bot]@...``).

    Patterns are globs where ``[`` is literal, so GitHub's ``name[bot]@...`` works.
    """
    return any(
        _glob(pattern).fullmatch(email.casefold()) for pattern in patterns for email in emails
    )


def _glob(pattern: str) -> re.Pattern[str]:
    parts = (re.escape(part) for part in pattern.casefold().split("*"))
    return re.compile(".*".join(parts))
