"""The hooks through the real pre-commit framework, on real repositories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, git

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PRE_COMMIT, *args], cwd=repo, capture_output=True, text=True, env=os.environ.copy()
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


def test_tgpl_terms_hook_end_to_end(project: Path) -> None:
    (project / "README").write_text("hello\n")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "start")
    done = pre_commit(project, "try-repo", str(REPO_ROOT), "tgpl-terms", "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "tgpl-git terms" in done.stdout and "Passed" in done.stdout

    terms = project / "ai-training.toml"
    terms.write_text(terms.read_text().replace('"conditional"', '"sometimes"'))
    git(project, "add", "-A")
    done = pre_commit(project, "try-repo", str(REPO_ROOT), "tgpl-terms")
    assert done.returncode == 1
    assert "terms.training: expected one of allowed, conditional, disallowed" in done.stdout

    # A commit that touches neither the terms nor LICENSES/ does not run the hook.
    git(project, "checkout", "--", ".")
    git(project, "reset", "-q")
    terms.write_text(terms.read_text().replace('"conditional"', '"sometimes"'))
    (project / "README").write_text("changed\n")
    git(project, "add", "README")
    done = pre_commit(project, "try-repo", str(REPO_ROOT), "tgpl-terms")
    assert done.returncode == 0 and "no files to check" in done.stdout.lower()


def test_plain_git_hook(project: Path) -> None:
    hooks = project / ".git" / "hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "pre-commit").write_bytes((REPO_ROOT / "hooks" / "pre-commit").read_bytes())
    (hooks / "pre-commit").chmod(0o755)
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

    git(project, "add", "-A")
    assert commit("valid terms").returncode == 0
    terms = project / "ai-training.toml"
    terms.write_text(terms.read_text().replace("version = 1", "version = 3"))
    git(project, "add", "-A")
    done = commit("broken terms")
    assert done.returncode != 0
    assert "schema version 3 is not supported" in done.stdout + done.stderr
