# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The git settings the consent checks read: comment string, configured trailers, identity."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import git
from tgpl_git.consent.settings import read_settings
from tgpl_git.consent.trailers import Configured, parse_trailers


def test_configured_trailers_in_git_order_with_their_keys(git_repo: Path) -> None:
    git(git_repo, "config", "trailer.sign.where", "end")
    git(git_repo, "config", "trailer.consent.ifexists", "replace")
    git(git_repo, "config", "trailer.consent.key", "Training-Consent")
    git(git_repo, "config", "trailer.separators", ":#")  # no section: not a trailer
    git(git_repo, "config", "core.commentChar", ";")
    settings = read_settings(git_repo)
    assert settings.trailers == (
        Configured("sign", None),
        Configured("consent", "Training-Consent"),
    )
    assert settings.comment == ";"
    message = "Title\n\nconsent: Ann <ann@example.org>\n"
    trailers = parse_trailers(message, settings.comment, configured=settings.trailers)
    assert [t.key for t in trailers] == ["Training-Consent"]


def test_nothing_configured(git_repo: Path) -> None:
    settings = read_settings(git_repo)
    assert settings.trailers == () and settings.comment == "#"
