# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git consent status``: authors after .mailmap, their consent, their lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_TERMS, git, make_commit
from tgpl_git.cli import main

JANE = ("Jane Doe", "jane@example.org")
OLD_JANE = ("jd", "jd@old.example.org")
BOB = ("Bob", "bob@example.org")
ANN = ("Ann", "ann@example.org")
BOT = ("bot", "ci[bot]@users.noreply.github.com")


@pytest.fixture
def repo(project: Path) -> Path:
    (project / ".mailmap").write_text("Jane Doe <jane@example.org> <jd@old.example.org>\n")
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS
        + '\n[consent]\nexempt = ["*[bot]@users.noreply.github.com"]\n'
        + '[[consent.grants]]\nname = "Ann"\nemail = "ann@example.org"\ndate = 2026-01-01\n'
    )
    git(project, "add", "-A")
    make_commit(project, "Start\n\nTraining-Consent: Jane Doe <jane@example.org>\n", author=JANE)
    for author, text, message in (
        (
            OLD_JANE,
            "a = 1\nb = 2\nc = 3\n",
            "Old address\n\nTraining-Consent: jd <jd@old.example.org>\n",
        ),
        (BOB, "d = 4\n", "Bob's line\n"),
        (ANN, "e = 5\n", "Ann's line\n"),
        (BOT, "f = 6\n", "Bump\n"),
    ):
        with (project / "code.py").open("a") as handle:
            handle.write(text)
        git(project, "add", "code.py")
        make_commit(project, message, author=author)
    return project


def run(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["-C", str(repo), "consent", "status", *args]) == 0
    return capsys.readouterr().out


def test_json_with_blame(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(run(repo, capsys, "--blame", "--format", "json"))
    people = {a["email"]: a for a in doc["authors"]}
    assert set(people) == {
        "jane@example.org",
        "bob@example.org",
        "ann@example.org",
        "ci[bot]@users.noreply.github.com",
    }
    jane = people["jane@example.org"]
    assert (jane["name"], jane["commits"], jane["consent"]) == ("Jane Doe", 2, "trailer")
    assert people["bob@example.org"]["consent"] == "none"
    assert people["ann@example.org"]["consent"] == "grant"
    assert people["ci[bot]@users.noreply.github.com"]["consent"] == "exempt"
    assert people["jane@example.org"]["lines"] >= 3 and people["bob@example.org"]["lines"] == 1
    summary = doc["summary"]
    assert (summary["authors"], summary["consented"], summary["commits"]) == (4, 3, 5)
    assert summary["covered-commits"] == 4
    assert summary["covered-lines"] == summary["lines"] - 1


def test_text_and_csv(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = run(repo, capsys)
    assert text.splitlines()[0].split() == ["author", "commits", "first", "last", "consent"]
    assert text.rstrip().endswith("3 of 4 authors consented, covering 80.0 % of commits.")
    rows = list(csv.DictReader(io.StringIO(run(repo, capsys, "--format", "csv"))))
    assert {r["email"]: r["consent"] for r in rows}["bob@example.org"] == "none"
