# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Streaming commits from real repositories: encodings, mailmap, and failing closed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import git, make_commit
from tgpl_git.consent import history
from tgpl_git.errors import UsageError


def test_stream_reads_every_field(git_repo: Path) -> None:
    base = make_commit(git_repo, "Root\n")
    sha = make_commit(
        git_repo,
        "Fix\n\nBody\n\nTraining-Consent: A <a@e.org>\n",
        author=("Zo\u00eb", "zoe@example.org"),
        committer=("Cy", "cy@example.org"),
    )
    (commit,) = history.commits(git_repo, history.resolve(git_repo, f"{base}..HEAD"))
    assert commit.sha == sha and commit.parents == 1
    assert (commit.author.name, commit.author.email) == ("Zo\u00eb", "zoe@example.org")
    assert commit.committer.email == "cy@example.org"
    assert commit.message == "Fix\n\nBody\n\nTraining-Consent: A <a@e.org>\n"
    assert commit.subject == "Fix"


def test_latin1_commits_with_and_without_an_encoding_header(git_repo: Path) -> None:
    make_commit(git_repo, "Root\n")
    make_commit(
        git_repo,
        "Caf\xe9 with header\n".encode("latin-1"),
        encoding="ISO-8859-1",
        author=("Ren\xe9", "rene@example.org"),
    )
    make_commit(git_repo, b"Caf\xe9 without header\n")
    messages = [c.message for c in history.commits(git_repo, history.resolve(git_repo, "HEAD"))]
    assert messages == ["Caf\xe9 without header\n", "Caf\xe9 with header\n", "Root\n"]


def test_mailmap_gives_the_canonical_identity(git_repo: Path) -> None:
    (git_repo / ".mailmap").write_text("Jane Doe <jane@example.org> <jd@old.example.org>\n")
    make_commit(git_repo, "Old address\n", author=("jd", "jd@old.example.org"))
    (commit,) = history.commits(git_repo, history.resolve(git_repo, "HEAD"))
    assert commit.author.email == "jd@old.example.org"
    assert (commit.mapped_author.name, commit.mapped_author.email) == (
        "Jane Doe",
        "jane@example.org",
    )


def test_oldest_first_and_merges(git_repo: Path) -> None:
    make_commit(git_repo, "one\n")
    git(git_repo, "checkout", "-q", "-b", "side")
    make_commit(git_repo, "side\n")
    git(git_repo, "checkout", "-q", "main")
    make_commit(git_repo, "two\n")
    git(git_repo, "merge", "-q", "--no-edit", "side")
    stream = list(history.commits(git_repo, history.resolve(git_repo, "HEAD"), oldest_first=True))
    assert stream[0].subject == "one" and stream[-1].parents == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nope..HEAD", "unknown revision 'nope'"),
        ("HEAD..nope", "unknown revision 'nope'"),
        ("a...b", "use A..B"),
    ],
)
def test_bad_ranges(git_repo: Path, text: str, message: str) -> None:
    make_commit(git_repo, "Root\n")
    with pytest.raises(UsageError, match=message):
        history.resolve(git_repo, text)


def test_empty_repository(git_repo: Path) -> None:
    with pytest.raises(UsageError, match="no commits yet"):
        history.resolve(git_repo, "HEAD")


def test_an_empty_range_has_no_commits(git_repo: Path) -> None:
    make_commit(git_repo, "Root\n")
    assert list(history.commits(git_repo, history.resolve(git_repo, "HEAD..HEAD"))) == []


def test_shallow_clones_are_explained_not_misjudged(git_repo: Path, tmp_path: Path) -> None:
    first = make_commit(git_repo, "one\n")
    for n in range(4):
        make_commit(git_repo, f"c{n}\n")
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{git_repo}", str(clone)], check=True
    )
    # A commit the clone lacks: named, with what to do about it.
    with pytest.raises(UsageError, match=r"unknown revision .*shallow.*--unshallow"):
        history.resolve(clone, f"{first}..HEAD")
    with pytest.raises(UsageError, match=r"'HEAD~3'; this clone is shallow"):
        history.resolve(clone, "HEAD~3..HEAD")
    subprocess.run(["git", "fetch", "-q", "--depth", "1", "origin", first], cwd=clone, check=True)
    with pytest.raises(UsageError, match=r"shallow.*fetch-depth: 0"):
        history.resolve(clone, f"{first}..HEAD")
    with pytest.raises(UsageError, match="shallow"):
        history.resolve(clone, "HEAD")
    with pytest.raises(UsageError, match="needs all history"):
        history.resolve(clone, "HEAD~1..HEAD", whole_history=True)
    assert history.resolve(clone, "HEAD~1..HEAD").include


def test_terms_in_force_at_each_commit(git_repo: Path) -> None:
    make_commit(git_repo, "before terms\n")
    (git_repo / "ai-training.toml").write_text('version = 1\n[terms]\nlicense = "LicenseRef-A"\n')
    git(git_repo, "add", "-A")
    a = make_commit(git_repo, "terms A\n")
    (git_repo / "ai-training.toml").write_text("broken = [\n")
    git(git_repo, "add", "-A")
    broken = make_commit(git_repo, "broken terms\n")
    shas = history.commit_ids(git_repo, history.resolve(git_repo, "HEAD"))
    stamps = history.terms_at(git_repo, shas, "ai-training.toml")
    assert stamps[a] == "LicenseRef-A" and stamps[broken] == ""
    assert sorted(stamps.values()) == ["", "", "LicenseRef-A"]


def test_a_record_git_cannot_give_whole_is_an_error() -> None:
    import io

    from tgpl_git.errors import GitError

    with pytest.raises(GitError, match="unreadable commit record"):
        list(history._records(io.BytesIO(b"a\0b\0c"), 2))
