# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Every rule id the code can report is described."""

from __future__ import annotations

import re

from tests.conftest import REPO_ROOT
from tgpl_git.rules import RULES


def test_every_reported_rule_is_in_the_table() -> None:
    used = set()
    for path in (REPO_ROOT / "tgpl_git").rglob("*.py"):
        used |= set(re.findall(r'"((?:terms|header|consent)-[a-z-]+)"', path.read_text()))
    used -= {"consent-trailer", "terms-id"}  # a command name and a check name, not rules
    assert used <= set(RULES), sorted(used - set(RULES))
