# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Exports: the terms in the formats other programs and people read. One pure module per
format, each a function of the terms alone."""

from __future__ import annotations

from collections.abc import Callable

from tgpl_git.exports.aipref import render_aipref
from tgpl_git.exports.json_terms import render_json
from tgpl_git.exports.markdown import render_markdown
from tgpl_git.exports.robots import render_robots
from tgpl_git.exports.rsl import render_rsl
from tgpl_git.exports.tdm_policy import render_tdm_policy
from tgpl_git.exports.tdmrep import render_tdmrep
from tgpl_git.terms import Terms

RENDERERS: dict[str, Callable[[Terms], str]] = {
    "json": render_json,
    "markdown": render_markdown,
    "aipref": render_aipref,
    "robots": render_robots,
    "tdmrep": render_tdmrep,
    "tdm-policy": render_tdm_policy,
    "rsl": render_rsl,
}


def render(fmt: str, terms: Terms) -> str | None:
    """The export of ``terms`` in ``fmt``; None for a format this version does not write."""
    renderer = RENDERERS.get(fmt)
    return renderer(terms) if renderer is not None else None
