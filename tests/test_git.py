# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""git started ahead of its answer: the same answer and the same errors as a plain run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import git
from tgpl_git import git as tgit
from tgpl_git.errors import GitError


def test_a_started_listing_larger_than_a_pipe_arrives_whole(git_repo: Path) -> None:
    # About 200 KiB of names: more than a pipe holds by default, so git writes ahead
    # into a widened pipe and the rest once asked; nothing is lost either way.
    names = [f"{'d' * 40}/{n:05d}-{'x' * 60}.txt" for n in range(2000)]
    (git_repo / ("d" * 40)).mkdir()
    for name in names:
        (git_repo / name).write_text("x\n")
    git(git_repo, "add", "-A")
    answer = tgit.start_tracked_files(git_repo)
    (git_repo / "late.txt").write_text("x\n")  # other work goes on meanwhile
    assert answer() == names == tgit.tracked_files(git_repo)


def test_a_started_command_that_fails_says_which_and_why(git_repo: Path) -> None:
    answer = tgit.start(["rev-parse", "--verify", "no-such-branch"], git_repo)
    with pytest.raises(GitError, match=r"`git rev-parse --verify no-such-branch` failed: fatal"):
        answer()


def test_attributes_of_every_file_match_those_asked_per_path(git_repo: Path) -> None:
    (git_repo / ".gitattributes").write_text("*.gen linguist-generated\nv/** linguist-vendored\n")
    (git_repo / "v").mkdir()
    for name in ("a.gen", "b.py", "v/c.py", "v/d.gen"):
        (git_repo / name).write_text("x\n")
    git(git_repo, "add", "-A")
    names = ["linguist-generated", "linguist-vendored"]
    expected = {
        "a.gen": {"linguist-generated"},
        "v/c.py": {"linguist-vendored"},
        "v/d.gen": {"linguist-generated", "linguist-vendored"},
    }
    assert tgit.start_attributes(git_repo, None, names)() == expected
    paths = tgit.tracked_files(git_repo)
    assert tgit.start_attributes(git_repo, paths, names)() == expected
    assert tgit.start_attributes(git_repo, [], names)() == {}
