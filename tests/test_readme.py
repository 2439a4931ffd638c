# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The README's promises: its example output is real, its commands and hooks exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO_ROOT
from tgpl_git.cli import cli, main

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")

EXAMPLE = """\
version = 1

[project]
name = "example"

[terms]
license = "LicenseRef-TGPL-1.0"
code-license = "GPL-3.0-or-later"
training = "yes"

[terms.conditions]
weights-license = ["LicenseRef-TGPL-1.0", "AGPL-3.0-or-later"]

[consent]
trailr = "Training-Consent"

[[overrides]]
path = "vendor/**"
terms = "none"
code-license = "Zlib"
"""


def console_block() -> str:
    match = re.search(r"```console\n(.*?)```", README, re.S)
    assert match
    return match.group(1)


def test_console_example_is_what_the_tool_prints(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "LICENSES" / "Zlib.txt").write_text("zlib licence text")
    (project / "ai-training.toml").write_text(EXAMPLE)
    transcript = ""
    for command, fix in (
        ("tgpl-git terms validate", None),
        ("tgpl-git terms show vendor/zlib/inflate.c", ('"yes"', '"conditional"')),
    ):
        if fix:
            text = (project / "ai-training.toml").read_text().replace(*fix)
            (project / "ai-training.toml").write_text(text.replace("trailr", "trailer"))
        main(["-C", str(project), *command.split()[1:]])
        transcript += f"$ {command}\n{capsys.readouterr().out}"
    assert console_block() == transcript


def test_every_listed_command_exists() -> None:
    listed = re.findall(r"^\| `tgpl-git ([a-z -]+?)(?: \[|`)", README, re.M)
    assert listed
    for words in listed:
        command = cli
        for word in words.split():
            command = command.commands[word]  # type: ignore[attr-defined]


def test_every_hook_has_a_readme_section_and_runs_a_command() -> None:
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        assert f"\n### {hook['id']}\n" in README
        program, *words = hook["entry"].split()
        assert program == "tgpl-git"
        command = cli
        for word in words:
            if word.startswith("-"):
                assert any(word in p.opts for p in command.params)
                break
            command = command.commands[word]  # type: ignore[attr-defined]


def test_action_runs_the_cli_with_its_own_options() -> None:
    action = yaml.safe_load((REPO_ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"range", "checks"}
    script = action["runs"]["steps"][-1]["run"]
    options = {opt for p in cli.commands["check"].params for opt in p.opts}  # type: ignore[attr-defined]
    assert {"--format", "--range", "--only"} <= options
    assert script.startswith("tgpl-git check --format github")


def test_gitlab_template_is_a_job() -> None:
    job = yaml.safe_load((REPO_ROOT / "docs" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert job["tgpl-check"]["script"][-1] == "tgpl-git check"
    assert job["tgpl-check"]["variables"]["GIT_DEPTH"] == "0"


def test_gitlab_template_is_the_job_init_writes() -> None:
    from tgpl_git.init.ci import GITLAB_JOB, gitlab_job

    template = yaml.safe_load((REPO_ROOT / "docs" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    written = yaml.safe_load(gitlab_job("tgpl-git"))
    assert template[GITLAB_JOB] == written[GITLAB_JOB]
