# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git export``, ``terms validate --sync`` and stale exports in ``check``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_TERMS
from tgpl_git.cli import main


def run(capsys: pytest.CaptureFixture[str], repo: Path, *args: str) -> tuple[int, str, str]:
    code = main(["-C", str(repo), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_to_stdout_and_to_a_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, project, "export", "json")
    assert code == 0 and json.loads(out)["project"]["name"] == "example"
    code, out, _ = run(capsys, project, "export", "markdown", "-o", str(project / "AI.md"))
    assert (code, out) == (0, f"wrote {project / 'AI.md'}\n")
    assert (project / "AI.md").read_text().startswith("# AI training terms of example")
    code, out, _ = run(capsys, project, "export", "spdx")
    assert code == 0 and out.startswith("SPDXVersion: SPDX-2.3\n")
    code, out, _ = run(capsys, project, "export", "tdmrep", "--base-url", "https://e.org/x/")
    assert code == 0 and json.loads(out)[-1]["location"] == "/x/"
    code, _, err = run(capsys, project, "export", "tdmrep", "--base-url", "e.org/x")
    assert code == 2 and "--base-url: not an http(s) URL" in err  # no scheme


def test_sync_and_drift(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    terms = project / "ai-training.toml"
    terms.write_text(
        MINIMAL_TERMS + '\n[export]\n"AI-TRAINING.md" = "markdown"\n'
        '"site/terms.json" = "json"\n"site/.well-known/tdmrep.json" = "tdmrep"\n'
        '"site/files.spdx" = "spdx"\n'
    )
    code, out, _ = run(capsys, project, "check", "--only", "exports", "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert sorted((f["rule"], f.get("path")) for f in doc["findings"]) == [
        ("export-stale", "AI-TRAINING.md"),
        ("export-stale", "site/.well-known/tdmrep.json"),
        ("export-stale", "site/files.spdx"),
        ("export-stale", "site/terms.json"),
    ]
    code, out, _ = run(capsys, project, "terms", "validate", "--sync")
    assert code == 1 and "wrote AI-TRAINING.md\nwrote site/.well-known/tdmrep.json\n" in out
    assert json.loads((project / "site/.well-known/tdmrep.json").read_text())[-1]["location"] == "/"
    assert run(capsys, project, "terms", "validate", "--sync")[0] == 0  # nothing left to write
    assert run(capsys, project, "check", "--only", "exports")[0] == 0
    code, out, _ = run(capsys, project, "headers", "AI-TRAINING.md", "-v")
    assert (code, out) == (0, "skipped AI-TRAINING.md: generated (export)\n")
    terms.write_text(terms.read_text().replace('"conditional"', '"allowed"', 1))
    code, out, _ = run(capsys, project, "check", "--only", "exports")
    assert code == 1 and "AI-TRAINING.md: export-stale out of date with ai-training.toml" in out


def test_a_file_name_that_is_not_utf8_is_listed_byte_for_byte(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import subprocess

    name = b"caf\xe9.dat"  # Latin-1
    (project / os.fsdecode(name)).write_bytes(b"data\n")
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    terms = project / "ai-training.toml"
    terms.write_text(MINIMAL_TERMS + '\n[export]\n"files.spdx" = "spdx"\n')
    code, out, _ = run(capsys, project, "terms", "validate", "--sync")
    assert code == 1 and "wrote files.spdx" in out
    assert b"FileName: ./" + name + b"\n" in (project / "files.spdx").read_bytes()
    assert run(capsys, project, "check", "--only", "exports")[0] == 0  # and not stale


def test_an_export_the_terms_cannot_give(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS + '\n[export]\n"site/policy.json" = "tdm-policy"\n"AI.md" = "markdown"\n'
    )
    code, out, _ = run(capsys, project, "check", "--only", "exports")
    assert code == 1 and "export-impossible site/policy.json: the tdm-policy export" in out
    code, out, err = run(capsys, project, "terms", "validate", "--sync")
    assert code == 2 and "set repository in [project]" in err
    assert (project / "AI.md").is_file()  # the others are still written
