# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Shared fixtures: real git repositories in temporary folders, isolated from the machine."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

IDENTITY = {
    "GIT_AUTHOR_NAME": "Ada Tester",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Tester",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
    "GIT_AUTHOR_DATE": "2026-01-02T03:04:05+00:00",
    "GIT_COMMITTER_DATE": "2026-01-02T03:04:05+00:00",
}


@pytest.fixture(autouse=True, scope="session")
def _isolated_git(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No global or system git config, hook templates or identity from the machine leak in."""
    home = tmp_path_factory.mktemp("home")
    saved = dict(os.environ)
    os.environ.update(IDENTITY)
    os.environ.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TEMPLATE_DIR": str(tmp_path_factory.mktemp("git-template")),
            "PRE_COMMIT_HOME": str(home / ".cache" / "pre-commit"),
        }
    )
    for name in ("TGPL_GIT_DEBUG", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        os.environ.pop(name, None)
    yield
    os.environ.clear()
    os.environ.update(saved)


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` and return its stdout (raises on failure)."""
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """An empty git repository on branch main, with the fixed test identity."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    return repo


MINIMAL_TERMS = """\
version = 1

[project]
name = "example"

[terms]
license = "LicenseRef-TGPL-1.0"
code-license = "GPL-3.0-or-later"
training = "conditional"

[terms.conditions]
weights-license = ["LicenseRef-TGPL-1.0"]
"""


@pytest.fixture
def project(git_repo: Path) -> Path:
    """A repository with a valid ``ai-training.toml`` and the licence texts it names."""
    (git_repo / "ai-training.toml").write_text(MINIMAL_TERMS, encoding="utf-8")
    licenses = git_repo / "LICENSES"
    licenses.mkdir()
    for name in ("LicenseRef-TGPL-1.0.txt", "GPL-3.0-or-later.txt"):
        (licenses / name).write_bytes((REPO_ROOT / "LICENSES" / name).read_bytes())
    return git_repo


def make_commit(
    repo: Path,
    message: str | bytes,
    author: tuple[str, str] = ("Ada Tester", "ada@example.org"),
    committer: tuple[str, str] | None = None,
    encoding: str | None = None,
) -> str:
    """An empty commit with this exact message and author; returns its id."""
    env = dict(os.environ)
    env.update({"GIT_AUTHOR_NAME": author[0], "GIT_AUTHOR_EMAIL": author[1]})
    if committer:
        env.update({"GIT_COMMITTER_NAME": committer[0], "GIT_COMMITTER_EMAIL": committer[1]})
    args = ["git", "-c", f"i18n.commitEncoding={encoding}"] if encoding else ["git"]
    data = message.encode() if isinstance(message, str) else message
    subprocess.run(
        [*args, "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", "-"],
        cwd=repo,
        input=data,
        env=env,
        check=True,
        capture_output=True,
    )
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="session")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This working tree (tracked and new files) as a repository with one commit, for
    pre-commit to install the hooks from (once per test session)."""
    snapshot = tmp_path_factory.mktemp("tgpl-git-snapshot")
    listed = git(REPO_ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = REPO_ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git(snapshot, "init", "-q")
    git(snapshot, "add", "-A")
    git(snapshot, "commit", "-q", "-m", "snapshot")
    return snapshot, git(snapshot, "rev-parse", "HEAD").strip()
