# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git install-hooks``: where git looks, never losing a hook that was there."""

from __future__ import annotations

import filecmp
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, git
from tgpl_git.cli import main

CONSENT = "\n\nTraining-Consent: Ada Tester <ada@example.org>"


def install(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["-C", str(repo), "install-hooks", *args]) == 0
    return capsys.readouterr().out


def commit(repo: Path, message: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "commit", "-q", "-m", message], cwd=repo, capture_output=True, text=True
    )


def test_the_bundled_hooks_are_the_repositorys() -> None:
    for name in ("pre-commit", "commit-msg", "prepare-commit-msg"):
        assert filecmp.cmp(
            REPO_ROOT / "hooks" / name,
            REPO_ROOT / "tgpl_git" / "data" / "hooks" / name,
            shallow=False,
        )


def test_installed_hooks_work_and_reinstalling_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = install(project, capsys)
    assert out.count("installed ") == 3
    (project / "a.py").write_text("x = 1\n")
    git(project, "add", "-A")
    assert commit(project, "Start" + CONSENT).returncode != 0  # headers were added
    git(project, "add", "-A")
    assert commit(project, "Start" + CONSENT).returncode == 0
    (project / "b.py").write_text((project / "a.py").read_text())
    git(project, "add", "-A")
    refused = commit(project, "No consent")
    assert refused.returncode != 0 and "consent-missing" in refused.stdout + refused.stderr
    assert install(project, capsys).count("unchanged ") == 3


def test_a_foreign_hook_is_chained_not_lost(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hooks = project / ".git" / "hooks"
    hooks.mkdir(exist_ok=True)
    foreign = hooks / "commit-msg"
    foreign.write_text('#!/bin/sh\necho "foreign ran" >> "$(dirname "$0")/ran.log"\n')
    foreign.chmod(0o755)
    out = install(project, capsys)
    assert "running the previous hook first (commit-msg.local)" in out
    assert (hooks / "commit-msg.local").read_text().startswith("#!/bin/sh\necho")
    git(project, "add", "-A")
    commit(project, "Start" + CONSENT)
    git(project, "add", "-A")
    assert commit(project, "Start" + CONSENT).returncode == 0
    assert "foreign ran" in (hooks / "ran.log").read_text()
    assert "unchanged" in install(project, capsys)  # never chained twice
    assert not (hooks / "commit-msg.local.local").exists()


def test_force_replaces_and_hooks_path_is_respected(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(project, "config", "core.hooksPath", ".githooks")
    folder = project / ".githooks"
    folder.mkdir()
    (folder / "pre-commit").write_text("#!/bin/sh\nexit 0\n")
    out = install(project, capsys, "--force")
    assert f"replaced {folder / 'pre-commit'}" in out
    assert (folder / "commit-msg").exists() and not (
        project / ".git" / "hooks" / "commit-msg"
    ).exists()
    assert not (folder / "pre-commit.local").exists()
