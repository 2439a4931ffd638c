# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Shared helpers for the header tests: one spec, and the header it renders in any style."""

from __future__ import annotations

from tgpl_git.headers.blocks import render_line
from tgpl_git.headers.engine import Verdict, examine
from tgpl_git.headers.styles import STYLES
from tgpl_git.headers.template import HeaderSpec

SPEC = HeaderSpec(
    holder="The Example Authors",
    expression="GPL-3.0-or-later AND LicenseRef-TGPL-1.0",
    training="conditional",
    terms_id="LicenseRef-TGPL-1.0",
    year_policy="first",
    current_year=2026,
)


def header(style: str, eol: str = "\n", year: str = "2026", spec: HeaderSpec = SPEC) -> str:
    """The header lines the engine writes in ``style``, each ended by ``eol``."""
    s = STYLES[style]
    lines = [render_line(t, s) for t in spec.render(year)]
    if s.open_line:
        lines = [s.open_line, *lines, s.close_line or ""]
    return "".join(line + eol for line in lines)


def fix(data: bytes, style: str, spec: HeaderSpec = SPEC) -> tuple[Verdict, bytes]:
    """Run the fixer on a whole file; return the verdict and the file as it would be written."""
    verdict = examine(data, True, STYLES[style], spec, fixing=True)
    if verdict.new_head is None:
        return verdict, data
    return verdict, verdict.new_head + data[verdict.consumed :]


def check(data: bytes, style: str, spec: HeaderSpec = SPEC) -> Verdict:
    return examine(data, True, STYLES[style], spec, fixing=False)
