# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The CI job init adds: a GitHub workflow, or a job appended to .gitlab-ci.yml."""

from __future__ import annotations

import pytest
import yaml

from tgpl_git.errors import ConfigError
from tgpl_git.init.ci import GITLAB_JOB, github_workflow, gitlab_job, merge_gitlab


def test_the_github_workflow_runs_the_check_with_the_whole_history() -> None:
    doc = yaml.safe_load(github_workflow("tgpl-git==0.1.0"))
    steps = doc["jobs"]["check"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert steps[-1]["run"] == "tgpl-git check --format github"
    assert 'pip install --quiet "tgpl-git==0.1.0"' in steps[-2]["run"]


def test_a_gitlab_job_is_appended_and_nothing_else_changes() -> None:
    theirs = (
        "stages: [test]\n\ntest:\n  script:\n    - make test  # all of it\n"
        "  extends: !reference [.base, script]\n"
    )
    merged = merge_gitlab(theirs, "tgpl-git")
    assert merged is not None and merged.startswith(theirs)
    assert yaml.safe_load(gitlab_job("tgpl-git"))[GITLAB_JOB]["variables"]["GIT_DEPTH"] == "0"
    assert merge_gitlab(merged, "tgpl-git") is None


def test_a_file_without_a_final_newline_gets_one_first() -> None:
    merged = merge_gitlab("test:\n  script: [make]", "tgpl-git")
    assert merged is not None and "script: [make]\n\n#" in merged


def test_a_gitlab_file_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(ConfigError, match="cannot add the tgpl-check job"):
        merge_gitlab("- a\n- list\n", "tgpl-git")
