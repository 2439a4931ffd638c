# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The CI job that runs ``tgpl-git check``: a GitHub workflow, or a job in ``.gitlab-ci.yml``."""

from __future__ import annotations

import re

from tgpl_git.errors import ConfigError

GITHUB_FILE = ".github/workflows/tgpl.yml"
GITLAB_FILE = ".gitlab-ci.yml"
GITLAB_JOB = "tgpl-check"


def github_workflow(install: str) -> str:
    """A workflow that runs the check on pull requests and pushes."""
    return f"""\
# Checks the training terms, the licence headers and the consent of new commits.
name: tgpl-git
on: [pull_request, push]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # the consent check reads the commits of the range
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: python -m pip install --quiet "{install}"
      - run: tgpl-git check --format github
"""


def gitlab_job(install: str) -> str:
    """The ``tgpl-check`` job, as text to add at the end of ``.gitlab-ci.yml``."""
    return f"""\
# Checks the training terms, the licence headers and the consent of new commits.
{GITLAB_JOB}:
  image: python:3.12
  variables:
    GIT_DEPTH: "0"  # the consent check reads the commits of the range
  script:
    - pip install --quiet "{install}"
    - tgpl-git check
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH
"""


def merge_gitlab(text: str | None, install: str) -> str | None:
    """``.gitlab-ci.yml`` with the job appended (None: a job of that name is there)."""
    if text is None:
        return gitlab_job(install)
    if re.search(rf"^{GITLAB_JOB}[ \t]*:", text, re.MULTILINE):
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    separator = "" if not text or text.endswith(("\n", "\r")) else newline
    merged = text + separator + newline + gitlab_job(install).replace("\n", newline)
    _verify(text, merged)
    return merged


def _verify(old_text: str, new_text: str) -> None:
    """Appending a top-level job must leave every other key as it was."""
    import yaml

    class Loader(yaml.SafeLoader):
        """GitLab's ``!reference`` tags, read as plain values."""

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        old = yaml.load(old_text, Loader) or {}  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ConfigError(f"{GITLAB_FILE}: not valid YAML: {exc}") from None
    try:
        new = yaml.load(new_text, Loader) if isinstance(old, dict) else None
    except yaml.YAMLError:
        new = None
    if not isinstance(new, dict) or {k: v for k, v in new.items() if k != GITLAB_JOB} != old:
        raise ConfigError(
            f"{GITLAB_FILE}: cannot add the {GITLAB_JOB} job without changing what is there; "
            "add it by hand (see the tgpl-git docs) and run init again"
        )
