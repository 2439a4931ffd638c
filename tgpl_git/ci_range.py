# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Which commits a CI run should judge, from the CI system's own variables.

Pure: the environment (and, for GitHub, the event payload) in, a range and the
reason for it out. What each system sets is documented in docs/check.md.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tgpl_git.errors import UsageError

ZERO = "0" * 40


@dataclass(frozen=True)
class Choice:
    """A range to judge and where it came from (shown in every report)."""

    text: str
    source: str


def detect(env: Mapping[str, str]) -> Choice | None:
    """The range the environment asks for; None outside a known CI system."""
    if env.get("PRE_COMMIT_FROM_REF") and env.get("PRE_COMMIT_TO_REF"):
        return Choice(
            f"{env['PRE_COMMIT_FROM_REF']}..{env['PRE_COMMIT_TO_REF']}", "pre-commit (pre-push)"
        )
    if env.get("GITHUB_ACTIONS") == "true" and env.get("GITHUB_EVENT_PATH"):
        return _github(
            env.get("GITHUB_EVENT_NAME", ""),
            _event(env["GITHUB_EVENT_PATH"]),
        )
    if env.get("GITLAB_CI") == "true":
        return _gitlab(env)
    return None


def _event(path: str) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"GITHUB_EVENT_PATH {path}: cannot read the event: {exc}") from None
    return data if isinstance(data, dict) else {}


def _github(event_name: str, event: dict[str, Any]) -> Choice:
    if event_name in ("pull_request", "pull_request_target"):
        pull = event.get("pull_request") or {}
        base = (pull.get("base") or {}).get("sha")
        head = (pull.get("head") or {}).get("sha")
        if base and head:
            return Choice(f"{base}..{head}", f"GitHub Actions {event_name}")
    if event_name == "push":
        before, after = event.get("before"), event.get("after")
        if after and before and before != ZERO:
            return Choice(f"{before}..{after}", "GitHub Actions push")
        default = (event.get("repository") or {}).get("default_branch")
        if after and default:
            return Choice(f"origin/{default}..{after}", "GitHub Actions push of a new branch")
    raise UsageError(
        f"GitHub Actions event {event_name or '(none)'!r} names no commits to judge: "
        "pass --range BASE..HEAD"
    )


def _gitlab(env: Mapping[str, str]) -> Choice:
    head = env.get("CI_COMMIT_SHA", "HEAD")
    base = env.get("CI_MERGE_REQUEST_DIFF_BASE_SHA")
    if base:
        return Choice(f"{base}..{head}", "GitLab CI merge request")
    before = env.get("CI_COMMIT_BEFORE_SHA")
    if before and before != ZERO:
        return Choice(f"{before}..{head}", "GitLab CI push")
    default = env.get("CI_DEFAULT_BRANCH")
    if default:
        return Choice(f"origin/{default}..{head}", "GitLab CI push of a new branch")
    raise UsageError("GitLab CI names no commits to judge: pass --range BASE..HEAD")
