# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The project uses itself: its own terms are valid and its licence texts are the bundled ones."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT
from tgpl_git.cli import main
from tgpl_git.terms import load_terms


def test_own_terms_are_valid_without_warnings() -> None:
    terms = load_terms(REPO_ROOT / "ai-training.toml")
    assert terms.warnings == ()
    assert terms.effective_terms("tgpl_git/cli.py").expression == (
        "GPL-3.0-or-later AND LicenseRef-TGPL-1.0"
    )


def test_own_licence_text_is_the_bundled_draft() -> None:
    name = "LicenseRef-TGPL-1.0.txt"
    bundled = (REPO_ROOT / "tgpl_git" / "data" / "LICENSES" / name).read_bytes()
    assert (REPO_ROOT / "LICENSES" / name).read_bytes() == bundled
    assert b"DRAFT FOR DISCUSSION" in bundled and b"not\nlegal advice" in bundled


def test_own_files_carry_current_headers(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["-C", str(REPO_ROOT), "headers", "--all", "--check"])
    out, _ = capsys.readouterr()
    assert code == 0, out


def test_project_passes_reuse_lint() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reuse", "--root", str(REPO_ROOT), "lint"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_commit_of_the_project_carries_consent(capsys: pytest.CaptureFixture[str]) -> None:
    root = subprocess.run(
        ["git", "rev-list", "--max-parents=0", "HEAD"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[0]
    shallow = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if shallow == "true":
        pytest.skip("a shallow clone has no root commit to start from")
    main(["-C", str(REPO_ROOT), "consent", "check", "--range", f"{root}..HEAD"])
    out, _ = capsys.readouterr()
    assert "0 errors" in out, out


def test_init_has_nothing_left_to_do_here() -> None:
    # This project has no CI service of its own (.ci/run is run for it), hence --ci none.
    done = subprocess.run(
        [sys.executable, "-m", "tgpl_git", "init", "--dry-run", "--ci", "none"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "nothing to do" in done.stdout, done.stdout
