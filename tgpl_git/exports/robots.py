# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``robots``: a robots.txt: the ``[crawlers]`` block list, then everyone else with the
``Content-Usage`` rules of the ``aipref`` export, and a ``License:`` line pointing at the
``rsl`` export where the website serves one."""

from __future__ import annotations

from tgpl_git.exports.aipref import ATTACHMENT, VOCABULARY, usage_rules
from tgpl_git.exports.yesno import export_url, site_root
from tgpl_git.terms import Terms


def render_robots(terms: Terms) -> str:
    """Blocked user agents may fetch nothing; every other agent may fetch everything."""
    lines = [
        f"# robots.txt for {terms.project.name}, generated from ai-training.toml by tgpl-git.",
        f"# Content-Usage lines follow {ATTACHMENT} and {VOCABULARY}.",
        "",
    ]
    if terms.crawlers_block:
        lines.extend(f"User-Agent: {agent}" for agent in terms.crawlers_block)
        lines.extend([f"Disallow: {site_root(terms)}", ""])
    lines.extend(["User-Agent: *", "Allow: /", *usage_rules(terms)])
    rsl = export_url(terms, "rsl")
    if rsl:  # RSL's discovery line (rslstandard.org/rsl, section on robots.txt)
        lines.append(f"License: {rsl}")
    return "\n".join(lines) + "\n"
