# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git consent`` on real repositories: ranges, the message being written, the opt-in,
grants, and the remedy command actually working."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import git, make_commit
from tgpl_git.cli import main

JANE = ("Jane Doe", "jane@example.org")
BOB = ("Bob", "bob@example.org")
OK = "Fix\n\nTraining-Consent: Jane Doe <jane@example.org>\n"


def run(capsys: pytest.CaptureFixture[str], repo: Path, *args: str) -> tuple[int, str, str]:
    code = main(["-C", str(repo), "consent", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(project: Path) -> Path:
    git(project, "config", "user.name", JANE[0])
    git(project, "config", "user.email", JANE[1])
    git(project, "add", "-A")
    make_commit(project, "Adopt the training terms\n", author=JANE)
    git(project, "tag", "base")
    return project


def test_a_clean_range(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_commit(repo, OK, author=JANE)
    code, out, _ = run(capsys, repo, "check", "--range", "base..HEAD")
    assert code == 0
    assert out == "0 errors, 0 warnings\nconsent: judged 1 commit in base..HEAD\n"


def test_forged_consent_never_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_commit(repo, "Bob's work\n\nTraining-Consent: Jane Doe <jane@example.org>\n", author=BOB)
    make_commit(
        repo,
        "In the body\n\nTraining-Consent: Jane Doe <jane@example.org>\nmore text\n",
        author=JANE,
    )
    make_commit(
        repo,
        "Committer only\n\nTraining-Consent: Jane Doe <jane@example.org>\n",
        author=BOB,
        committer=JANE,
    )
    make_commit(repo, OK + "Co-authored-by: Bob <bob@example.org>\n", author=JANE)
    code, out, _ = run(capsys, repo, "check", "--range", "base..HEAD", "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert doc["range"] == {"text": "base..HEAD", "commits": 4}
    rules = sorted(f["rule"] for f in doc["findings"] if f["severity"] == "error")
    assert rules == [
        "consent-missing",
        "consent-missing",
        "consent-missing",
        "consent-missing-coauthor",
    ]


def test_remedy_for_your_own_commits_works(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_commit(repo, "First\n", author=JANE)
    make_commit(repo, "Bob's\n\nTraining-Consent: Bob <bob@example.org>\n", author=BOB)
    make_commit(repo, "Second\n", author=JANE)
    code, out, _ = run(capsys, repo, "check", "--range", "base..HEAD")
    assert code == 1 and "your own 2 commits" in out
    command = next(
        line.strip() for line in out.splitlines() if line.strip().startswith("git rebase")
    )
    # As the contributor runs it: no author overrides in the environment.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_AUTHOR_")}
    subprocess.run(command, shell=True, cwd=repo, check=True, capture_output=True, env=env)
    code, out, _ = run(capsys, repo, "check", "--range", "base..HEAD")
    assert code == 0, out
    bobs = git(repo, "log", "-1", "--format=%B", "HEAD~1")
    assert "Jane" not in bobs  # never added to someone else's commit


def test_grant_records_consent_keeping_comments(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terms = repo / "ai-training.toml"
    terms.write_text("# Our terms.\n" + terms.read_text())
    make_commit(repo, "Old work\n", author=BOB)
    code, out, _ = run(
        capsys,
        repo,
        "grant",
        "Bob",
        "bob@example.org",
        "--evidence",
        "https://example.org/issues/1",
        "--date",
        "2026-11-20",
    )
    assert code == 0 and "Recorded consent of Bob" in out
    text = terms.read_text()
    assert text.startswith("# Our terms.\n")
    assert (
        '[[consent.grants]]\nname = "Bob"\nemail = "bob@example.org"\ndate = 2026-11-20\n' in text
    )
    assert run(capsys, repo, "check", "--range", "base..HEAD")[0] == 0
    code, _, err = run(capsys, repo, "grant", "Bob", "BOB@example.org")
    assert code == 2 and "already has a grant" in err
    code, _, err = run(capsys, repo, "grant", "X", "not-an-email")
    assert code == 2 and "not an email address" in err


def test_a_grant_the_terms_refuse_leaves_the_file_byte_for_byte(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terms = repo / "ai-training.toml"
    before = b"\xef\xbb\xbf" + terms.read_bytes().replace(b"\n", b"\r\n")
    terms.write_bytes(before)
    code, _, err = run(capsys, repo, "grant", "", "bob@example.org")
    assert code == 2 and "must not be empty" in err
    assert terms.read_bytes() == before
    code, _, err = run(capsys, repo, "grant", "Bo\x1b[2Jb", "bob@example.org")
    assert code == 2 and "without control characters" in err
    assert terms.read_bytes() == before


def message_check(repo: Path, text: str | bytes, **env: str) -> subprocess.CompletedProcess[str]:
    path = repo / ".git" / "COMMIT_EDITMSG"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return subprocess.run(
        [sys.executable, "-m", "tgpl_git", "consent", "check", "--message-file", str(path)],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )


def test_message_file_with_comments_and_scissors(repo: Path) -> None:
    done = message_check(
        repo,
        OK + "# Please enter the commit message\n"
        "# ------------------------ >8 ------------------------\nTraining-Consent: X <x@e.org>\n",
        GIT_AUTHOR_NAME=JANE[0],
        GIT_AUTHOR_EMAIL=JANE[1],
    )
    assert done.returncode == 0, done.stdout + done.stderr
    done = message_check(
        repo,
        "Fix\n# Training-Consent: Jane Doe <jane@example.org>\n",
        GIT_AUTHOR_NAME=JANE[0],
        GIT_AUTHOR_EMAIL=JANE[1],
    )
    assert done.returncode == 1
    assert 'add the line "Training-Consent: Jane Doe <jane@example.org>"' in done.stdout


def test_message_file_judges_the_author_git_will_record(repo: Path) -> None:
    done = message_check(repo, OK, GIT_AUTHOR_NAME=BOB[0], GIT_AUTHOR_EMAIL=BOB[1])
    assert done.returncode == 1 and "by Bob <bob@example.org>" in done.stdout


@pytest.mark.parametrize(
    ("content", "code", "fragment"),
    [
        (None, 2, "no such message file"),
        (b"Fix\0\n", 1, "NUL byte"),
        (
            "Fix\n\n" + "x" * 1_000_000 + "\n\nTraining-Consent: Jane Doe <jane@example.org>\n",
            0,
            "",
        ),
        (b"Caf\xe9\n\nTraining-Consent: Jane Doe <jane@example.org>\n", 0, ""),
    ],
)
def test_odd_messages(repo: Path, content: bytes | str | None, code: int, fragment: str) -> None:
    if content is None:
        done = subprocess.run(
            [sys.executable, "-m", "tgpl_git", "consent", "check", "--message-file", "nope"],
            cwd=repo,
            capture_output=True,
            text=True,
        )
    else:
        done = message_check(repo, content, GIT_AUTHOR_NAME=JANE[0], GIT_AUTHOR_EMAIL=JANE[1])
    assert done.returncode == code, done.stdout + done.stderr
    assert fragment in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_no_range_and_no_upstream(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, repo, "check")
    assert code == 2 and "pass --range" in err


def test_detached_head_with_an_explicit_range(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_commit(repo, OK, author=JANE)
    git(repo, "checkout", "-q", "--detach")
    assert run(capsys, repo, "check", "--range", "base..HEAD")[0] == 0


def test_since_is_the_adoption_point(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_commit(repo, "Before adoption\n", author=BOB)
    terms = repo / "ai-training.toml"
    terms.write_text(
        terms.read_text() + f'\n[consent]\nsince = "{git(repo, "rev-parse", "HEAD").strip()}"\n'
    )
    git(repo, "add", "-A")
    make_commit(repo, OK, author=JANE)
    code, out, _ = run(capsys, repo, "check", "--range", "base..HEAD")
    assert code == 0 and "judged 1 commit" in out


def test_sign_and_the_trailer_hook(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_AUTHOR_NAME", JANE[0])
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", JANE[1])
    code, _, err = run(capsys, repo, "sign")  # not a terminal, no --yes
    assert code == 2 and "explicit yes" in err
    code, out, _ = run(capsys, repo, "sign", "--yes")
    assert code == 0 and 'will carry "Training-Consent: Jane Doe <jane@example.org>"' in out
    assert git(repo, "config", "tgpl.consent.identity").strip() == "Jane Doe <jane@example.org>"
    message = repo / ".git" / "COMMIT_EDITMSG"
    message.write_text("Fix\n\n# comment\n")
    for _ in range(2):
        assert main(["-C", str(repo), "consent-trailer", str(message)]) == 0
    assert message.read_text().count("Training-Consent: Jane Doe <jane@example.org>") == 1
    other = repo / ".git" / "OTHER_MSG"
    other.write_text("Fix\n")
    monkeypatch.setenv("GIT_AUTHOR_NAME", BOB[0])
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", BOB[1])
    assert main(["-C", str(repo), "consent-trailer", str(other)]) == 0
    assert other.read_text() == "Fix\n"  # Bob's commit never gets Jane's consent
    monkeypatch.setenv("GIT_AUTHOR_NAME", JANE[0])
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", JANE[1])
    assert run(capsys, repo, "sign", "--revoke")[0] == 0
    other.write_text("Fix\n")
    main(["-C", str(repo), "consent-trailer", str(other)])
    assert other.read_text() == "Fix\n"


def test_contributor_scope_in_the_commit_msg_hook(repo: Path) -> None:
    terms = repo / "ai-training.toml"
    terms.write_text(terms.read_text() + '\n[consent]\nscope = "contributor"\n')
    git(repo, "add", "-A")
    make_commit(repo, OK, author=JANE)  # Jane consented, under LicenseRef-TGPL-1.0
    jane = {"GIT_AUTHOR_NAME": JANE[0], "GIT_AUTHOR_EMAIL": JANE[1]}
    assert message_check(repo, "Later work\n", **jane).returncode == 0
    bob = {"GIT_AUTHOR_NAME": BOB[0], "GIT_AUTHOR_EMAIL": BOB[1]}
    assert message_check(repo, "Bob's work\n", **bob).returncode == 1
    # New terms: consent to the old ones does not cover commits under these.
    (repo / "LICENSES" / "LicenseRef-TGPL-2.0.txt").write_text("draft 2\n")
    terms.write_text(terms.read_text().replace("LicenseRef-TGPL-1.0", "LicenseRef-TGPL-2.0"))
    git(repo, "add", "-A")
    make_commit(
        repo,
        "Adopt version 2 of the terms\n\nTraining-Consent: Ada <x@e.org>\n",
        author=("Ada", "x@e.org"),
    )
    assert message_check(repo, "Even later\n", **jane).returncode == 1
