# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""What git's configuration says about reading messages and who is running the check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tgpl_git import git
from tgpl_git.consent.identity import Person, parse_person
from tgpl_git.consent.policy import Policy
from tgpl_git.consent.trailers import Configured
from tgpl_git.errors import GitError
from tgpl_git.terms import Terms


@dataclass(frozen=True)
class GitSettings:
    """core.commentChar / core.commentString, configured trailer keys, user identity."""

    comment: str = "#"
    trailers: tuple[Configured, ...] = ()  # trailer.<name>.key and its kin
    me: Person | None = None


def read_settings(root: Path) -> GitSettings:
    """One ``git config`` call for all of it."""
    try:
        out = git.run(["config", "-z", "--get-regexp", r"^(core\.comment|trailer\.|user\.)"], root)
    except GitError:  # exit 1: none of these is set
        out = b""
    values: dict[str, str] = {}
    trailers: dict[str, str | None] = {}  # trailer.<name>.*: its key, in git's order
    for entry in out.split(b"\0"):
        if not entry:
            continue
        name, _, value = entry.decode("utf-8", "replace").partition("\n")
        values[name.lower()] = value
        section, _, variable = name.partition(".")[2].rpartition(".")
        if name.lower().startswith("trailer.") and section:
            trailers.setdefault(section, None)
            if variable.lower() == "key":
                trailers[section] = value
    comment = values.get("core.commentstring") or values.get("core.commentchar") or "#"
    if comment == "auto":
        comment = "#"  # "auto" picks a character only when git writes a template
    me = None
    if "user.email" in values:
        me = parse_person(f"{values.get('user.name', '')} <{values['user.email']}>")
    return GitSettings(comment, tuple(Configured(n, k) for n, k in trailers.items()), me)


def policy_for(terms: Terms, settings: GitSettings) -> Policy:
    """The consent policy of ``[consent]`` in ai-training.toml, read with git's settings."""
    consent = terms.consent
    return Policy(
        trailer=consent.trailer,
        signoff_counts=consent.signoff_counts,
        scope=consent.scope,
        co_authors=consent.co_authors,
        check_merges=consent.check_merges,
        exempt=consent.exempt,
        grants=frozenset(g.email.casefold() for g in consent.grants),
        comment=settings.comment,
        configured=settings.trailers,
        me=settings.me,
    )
