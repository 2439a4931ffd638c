# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The hooks through the real pre-commit framework, on real repositories.

The framework installs tgpl-git from a snapshot of this working tree, committed
once per test session, so every hook test shares one installed environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, git
from tgpl_git.init.precommit import HookSource, merge_config

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PRE_COMMIT, *args], cwd=repo, capture_output=True, text=True, env=os.environ.copy()
    )


def use_hooks(repo: Path, source: tuple[Path, str], *hook_ids: str) -> None:
    hooks = "".join(f"      - id: {hook}\n" for hook in hook_ids)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source[0]}\n    rev: {source[1]}\n    hooks:\n{hooks}"
    )


@pytest.mark.parametrize(
    ("command", "file"),
    [
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ],
)
def test_manifest_and_own_config_are_valid(command: str, file: str) -> None:
    done = pre_commit(REPO_ROOT, command, file)
    assert done.returncode == 0, done.stdout + done.stderr


def test_tgpl_terms_hook_end_to_end(project: Path, hook_source: tuple[Path, str]) -> None:
    use_hooks(project, hook_source, "tgpl-terms")
    (project / "README").write_text("hello\n")
    git(project, "add", "-A")
    done = pre_commit(project, "run", "tgpl-terms", "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "tgpl-git terms" in done.stdout and "Passed" in done.stdout

    terms = project / "ai-training.toml"
    terms.write_text(terms.read_text().replace('"conditional"', '"sometimes"'))
    git(project, "add", "-A")
    done = pre_commit(project, "run", "tgpl-terms")
    assert done.returncode == 1
    assert "terms.training: expected one of allowed, conditional, disallowed" in done.stdout

    # A commit that touches neither the terms nor LICENSES/ does not run the hook.
    git(project, "reset", "-q")
    (project / "README").write_text("changed\n")
    git(project, "add", "README")
    done = pre_commit(project, "run", "tgpl-terms")
    assert done.returncode == 0 and "no files to check" in done.stdout.lower()


def test_tgpl_headers_hook_end_to_end(project: Path, hook_source: tuple[Path, str]) -> None:
    use_hooks(project, hook_source, "tgpl-headers")
    (project / "app.py").write_text("print('hi')\n")
    (project / "run.sh").write_text("#!/bin/sh\necho hi\n")
    (project / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0")
    git(project, "add", "-A")
    done = pre_commit(project, "run", "tgpl-headers", "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "files were modified by this hook" in done.stdout
    assert "fixed app.py: header-missing" in done.stdout
    text = (project / "app.py").read_text()
    assert text.startswith("# SPDX-FileCopyrightText: ") and text.endswith("print('hi')\n")
    assert (project / "run.sh").read_text().startswith("#!/bin/sh\n# SPDX-")
    git(project, "add", "-A")
    done = pre_commit(project, "run", "tgpl-headers", "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr

    # As a real commit: the hook blocks a commit whose file lacks a header, then lets it through.
    (project / "new.py").write_text("x = 1\n")
    git(project, "add", "new.py")
    pre_commit(project, "install")
    commit = subprocess.run(
        ["git", "commit", "-q", "-m", "add new"], cwd=project, capture_output=True, text=True
    )
    assert commit.returncode != 0
    git(project, "add", "new.py")
    commit = subprocess.run(
        ["git", "commit", "-q", "-m", "add new"], cwd=project, capture_output=True, text=True
    )
    assert commit.returncode == 0, commit.stdout + commit.stderr


def test_plain_git_hooks(project: Path) -> None:
    hooks = project / ".git" / "hooks"
    hooks.mkdir(exist_ok=True)
    for name in ("pre-commit", "commit-msg", "prepare-commit-msg"):
        (hooks / name).write_bytes((REPO_ROOT / "hooks" / name).read_bytes())
        (hooks / name).chmod(0o755)
    env_bin = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": env_bin + os.pathsep + os.environ["PATH"]}

    def commit(message: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "commit", "-q", "-m", message],
            cwd=project,
            capture_output=True,
            text=True,
            env=env,
        )

    consent = "\n\nTraining-Consent: Ada Tester <ada@example.org>"
    git(project, "add", "-A")
    first = commit("valid terms" + consent)  # the hook adds the header to ai-training.toml
    assert first.returncode != 0 and "fixed ai-training.toml" in first.stdout + first.stderr
    git(project, "add", "-A")
    assert commit("valid terms" + consent).returncode == 0
    (project / "README").write_text("more\n")
    git(project, "add", "README")
    refused = commit("no consent")
    assert refused.returncode != 0 and "consent-missing" in refused.stdout + refused.stderr
    terms = project / "ai-training.toml"
    terms.write_text(terms.read_text().replace("version = 1", "version = 3"))
    git(project, "add", "-A")
    done = commit("broken terms" + consent)
    assert done.returncode != 0
    assert "schema version 3 is not supported" in done.stdout + done.stderr


def test_consent_hooks_end_to_end(project: Path, hook_source: tuple[Path, str]) -> None:
    use_hooks(project, hook_source, "tgpl-consent", "tgpl-consent-trailer")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Adopt the terms")
    done = pre_commit(
        project, "install", "--hook-type", "commit-msg", "--hook-type", "prepare-commit-msg"
    )
    assert done.returncode == 0, done.stdout + done.stderr

    def commit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "commit", "-q", "--allow-empty", *args],
            cwd=project,
            capture_output=True,
            text=True,
        )

    refused = commit("-m", "No consent")
    assert refused.returncode != 0
    assert 'add the line "Training-Consent: Ada Tester <ada@example.org>"' in refused.stderr
    accepted = commit(
        "-m", "With consent", "--trailer", "Training-Consent: Ada Tester <ada@example.org>"
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr

    signed = subprocess.run(
        [sys.executable, "-m", "tgpl_git", "consent", "sign", "--yes"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert signed.returncode == 0, signed.stderr
    automatic = commit("-m", "Consent added by the hook")
    assert automatic.returncode == 0, automatic.stdout + automatic.stderr
    body = git(project, "log", "-1", "--format=%B")
    assert body.count("Training-Consent: Ada Tester <ada@example.org>") == 1


def test_tgpl_check_hook_at_pre_push(project: Path, hook_source: tuple[Path, str]) -> None:
    use_hooks(project, hook_source, "tgpl-check")
    subprocess.run(
        [sys.executable, "-m", "tgpl_git", "headers", "--all"], cwd=project, capture_output=True
    )
    (project / "app.py").write_text("x = 1\n")
    git(project, "add", "-A")
    subprocess.run([sys.executable, "-m", "tgpl_git", "headers"], cwd=project, capture_output=True)
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Start\n\nTraining-Consent: Ada Tester <ada@example.org>")
    base = git(project, "rev-parse", "HEAD").strip()
    git(project, "commit", "-q", "--allow-empty", "-m", "No consent")
    head = git(project, "rev-parse", "HEAD").strip()
    done = pre_commit(
        project,
        "run",
        "tgpl-check",
        "--hook-stage",
        "pre-push",
        "--from-ref",
        base,
        "--to-ref",
        head,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "consent-missing 'No consent'" in done.stdout
    assert f"1 commit in {base}..{head} (pre-commit (pre-push))" in done.stdout


def test_each_hook_runs_once_per_commit(project: Path, hook_source: tuple[Path, str]) -> None:
    # init adds the hooks to the project's own configuration and installs both hook
    # types; a hook that names no stage (theirs, and ours before) would run at both.
    theirs = "repos:\n  - repo: local\n    hooks:\n      - id: mine\n        name: my own hook\n"
    theirs += "        entry: 'true'\n        language: system\n"
    merged = merge_config(theirs, HookSource(str(hook_source[0]), hook_source[1]))
    assert merged is not None
    (project / ".pre-commit-config.yaml").write_text(merged)
    done = pre_commit(project, "install")
    assert done.returncode == 0, done.stdout + done.stderr
    (project / "app.py").write_text("x = 1\n")
    git(project, "add", "-A")
    subprocess.run([sys.executable, "-m", "tgpl_git", "headers", "app.py"], cwd=project)
    git(project, "add", "-A")
    git(project, "commit", "-q", "--no-verify", "-m", "Adopt the terms")
    (project / "app.py").write_text((project / "app.py").read_text() + "y = 2\n")
    git(project, "add", "app.py")
    commit = subprocess.run(
        [
            "git",
            "commit",
            "-m",
            "More",
            "--trailer",
            "Training-Consent: Ada Tester <ada@example.org>",
        ],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert commit.returncode == 0, commit.stdout + commit.stderr
    said = commit.stdout + commit.stderr
    for hook in ("my own hook", "tgpl-git terms", "tgpl-git headers", "tgpl-git consent"):
        assert said.count(f"{hook}.") == 1, said
