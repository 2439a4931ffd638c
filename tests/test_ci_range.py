# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The range a CI run judges, from each system's real variables and event payloads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tgpl_git.ci_range import ZERO, Choice, detect
from tgpl_git.errors import UsageError

A, B = "a" * 40, "b" * 40


def github(tmp_path: Path, name: str, payload: dict[str, object]) -> dict[str, str]:
    event = tmp_path / "event.json"
    event.write_text(json.dumps(payload))
    return {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": str(event)}


def test_github_pull_request(tmp_path: Path) -> None:
    env = github(
        tmp_path, "pull_request", {"pull_request": {"base": {"sha": A}, "head": {"sha": B}}}
    )
    assert detect(env) == Choice(f"{A}..{B}", "GitHub Actions pull_request")


def test_github_push_and_force_push(tmp_path: Path) -> None:
    env = github(tmp_path, "push", {"before": A, "after": B, "forced": True})
    assert detect(env) == Choice(f"{A}..{B}", "GitHub Actions push")


def test_github_new_branch(tmp_path: Path) -> None:
    env = github(
        tmp_path, "push", {"before": ZERO, "after": B, "repository": {"default_branch": "main"}}
    )
    assert detect(env) == Choice(f"origin/main..{B}", "GitHub Actions push of a new branch")


def test_github_event_without_commits(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="pass --range"):
        detect(github(tmp_path, "workflow_dispatch", {}))


def test_github_unreadable_event(tmp_path: Path) -> None:
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "push",
        "GITHUB_EVENT_PATH": str(tmp_path / "missing.json"),
    }
    with pytest.raises(UsageError, match="cannot read the event"):
        detect(env)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"GITLAB_CI": "true", "CI_MERGE_REQUEST_DIFF_BASE_SHA": A, "CI_COMMIT_SHA": B},
            Choice(f"{A}..{B}", "GitLab CI merge request"),
        ),
        (
            {"GITLAB_CI": "true", "CI_COMMIT_BEFORE_SHA": A, "CI_COMMIT_SHA": B},
            Choice(f"{A}..{B}", "GitLab CI push"),
        ),
        (
            {
                "GITLAB_CI": "true",
                "CI_COMMIT_BEFORE_SHA": ZERO,
                "CI_COMMIT_SHA": B,
                "CI_DEFAULT_BRANCH": "main",
            },
            Choice(f"origin/main..{B}", "GitLab CI push of a new branch"),
        ),
        (
            {"PRE_COMMIT_FROM_REF": A, "PRE_COMMIT_TO_REF": B},
            Choice(f"{A}..{B}", "pre-commit (pre-push)"),
        ),
        ({}, None),
    ],
)
def test_other_systems(env: dict[str, str], expected: Choice | None) -> None:
    assert detect(env) == expected
