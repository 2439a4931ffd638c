# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The hooks in .pre-commit-config.yaml: a fresh file, and merges that keep every byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO_ROOT
from tgpl_git.errors import ConfigError
from tgpl_git.init.precommit import (
    HOOKS,
    HookSource,
    fresh_config,
    install_gap,
    merge_config,
)

REMOTE = HookSource("https://example.org/tgpl-git.git", "v0.1.0")
IDS = [h.id for h in HOOKS]

THEIRS = """\
# Our hooks. Keep this comment.
repos:
  # formatting first
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.6.0  # pinned
    hooks:
      - id: trailing-whitespace

  - repo: https://github.com/psf/black
    rev: '24.1.0'
    hooks: [{id: black}]

# pre-commit.ci settings stay where they are
ci:
  autofix_prs: false
"""


def hook_ids(text: str) -> list[str]:
    doc = yaml.safe_load(text)
    return [h["id"] for r in doc["repos"] for h in r["hooks"]]


def validate(tmp_path: Path, text: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(text)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_local_hooks_are_the_manifest_hooks() -> None:
    manifest = {
        h["id"]: h for h in yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text())
    }
    for hook in HOOKS:
        declared = manifest[hook.id]
        assert hook.name == declared["name"] and hook.entry == declared["entry"]
        assert hook.files == declared.get("files")
        assert hook.pass_filenames == declared.get("pass_filenames", True)
        assert list(hook.stages) == declared.get("stages", [])
        assert list(hook.types) == declared.get("types", [])


@pytest.mark.parametrize("source", [HookSource(), REMOTE], ids=["local", "remote"])
def test_a_fresh_config_is_valid_and_installs_commit_msg(
    tmp_path: Path, source: HookSource
) -> None:
    text = fresh_config(source)
    validate(tmp_path, text)
    doc = yaml.safe_load(text)
    assert hook_ids(text) == IDS
    assert doc["default_install_hook_types"] == ["pre-commit", "commit-msg"]
    assert doc["default_stages"] == ["pre-commit"]


def test_a_merge_keeps_every_line_and_adds_one_repository(tmp_path: Path) -> None:
    merged = merge_config(THEIRS, REMOTE)
    assert merged is not None
    validate(tmp_path, merged)
    old_lines = THEIRS.splitlines()
    new_lines = merged.splitlines()
    # Every original line is there, in order; only lines were inserted.
    it = iter(new_lines)
    assert all(any(line == candidate for candidate in it) for line in old_lines)
    assert hook_ids(merged) == ["trailing-whitespace", "black", *IDS]
    assert yaml.safe_load(merged)["ci"] == {"autofix_prs": False}
    # Their hooks name no stage: with commit-msg installed they would run twice a commit.
    assert yaml.safe_load(merged)["default_stages"] == ["pre-commit"]
    assert merge_config(merged, REMOTE) is None  # never a hook twice


def test_only_the_missing_hooks_are_added() -> None:
    partial = fresh_config(HookSource()).replace(
        "      - id: tgpl-consent\n", "      - id: other\n"
    )
    merged = merge_config(partial, REMOTE)
    assert merged is not None
    assert hook_ids(merged).count("tgpl-headers") == 1
    assert hook_ids(merged)[-1:] == ["tgpl-consent"]


@pytest.mark.parametrize(
    "text",
    [
        "repos:\n- repo: local\n  hooks:\n  - id: mine\n    name: m\n"
        "    entry: 'true'\n    language: system\n",
        "repos: []\n",
        "default_install_hook_types: [pre-commit]\nrepos:\n  - repo: local\n    hooks: []\n",
        "repos:\r\n  - repo: local\r\n    hooks: []\r\nminimum_pre_commit_version: '3.0'\r\n",
        "repos:\n    -   repo: local\n        hooks: []\n# trailing comment\n",
    ],
    ids=["indentless", "empty-flow", "own-hook-types", "crlf", "wide-indent"],
)
def test_layouts_seen_in_the_wild(tmp_path: Path, text: str) -> None:
    merged = merge_config(text, REMOTE)
    assert merged is not None
    validate(tmp_path, merged)
    assert hook_ids(merged)[-3:] == IDS
    if "\r\n" in text:
        assert merged.count("\n") == merged.count("\r\n")
    if text.startswith("default_install_hook_types"):
        assert merged.count("default_install_hook_types") == 1  # theirs is kept as it is
        assert "default_stages" not in merged  # what their hooks run at is theirs to say
        gap = install_gap(merged)  # so the plan says how to get the consent hook
        assert gap is not None and "pre-commit install --hook-type commit-msg" in gap
    else:
        assert install_gap(merged) is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("repos: [{repo: local, hooks: []}]\n", "no block-style `repos:`"),
        ("- just\n- a list\n", "expected a mapping"),
        ("repos:\n  - repo: local\n   bad: [\n", "not valid YAML"),
    ],
)
def test_layouts_it_cannot_merge_are_refused(text: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment.replace("[", r"\[")):
        merge_config(text, REMOTE)


@pytest.mark.parametrize("text", ["", "# hooks come later\n", "# no newline at the end"])
def test_an_empty_config_keeps_its_comments_and_gets_the_hooks(tmp_path: Path, text: str) -> None:
    merged = merge_config(text, REMOTE)
    assert merged is not None and merged.startswith(text)
    validate(tmp_path, merged)
    assert hook_ids(merged) == IDS
