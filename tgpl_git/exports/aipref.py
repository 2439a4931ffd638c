# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``aipref``: the IETF AI-preferences ``Content-Usage`` field, for HTTP and robots.txt.

Labels from the vocabulary draft (``train-ai``, ``search``, values ``y``/``n``);
placement from the attachment draft: one site-wide rule, then one rule per
path pattern where an override says something else. A reader combines every
rule that matches a path and the more restrictive value wins, so only an
exception that says ``n`` can be stated; one that says ``y`` under a site-wide
``n`` is written as a comment.
"""

from __future__ import annotations

from collections.abc import Mapping

from tgpl_git.exports.yesno import Difference, differences, site_root, verdicts
from tgpl_git.terms import Terms

VOCABULARY = "draft-ietf-aipref-vocab-05"
ATTACHMENT = "draft-ietf-aipref-attach-05"
LABELS = {"training": "train-ai", "search": "search"}


def field_value(values: Mapping[str, bool]) -> str:
    """``train-ai=y, search=n``: a structured-field dictionary of the given verdicts."""
    return ", ".join(f"{LABELS[use]}={'y' if yes else 'n'}" for use, yes in values.items())


def usage_rules(terms: Terms) -> list[str]:
    """The ``Content-Usage`` lines of a robots.txt group, comments for what cannot be said."""
    site = verdicts(terms.project_terms())
    root = site_root(terms)
    scope = "" if root == "/" else f"{root} "
    lines = [f"Content-Usage: {scope}{field_value(site)}"]
    for difference in differences(terms):
        lines.append(_rule(difference))
    return lines


def _rule(difference: Difference) -> str:
    stated = {use: yes for use, yes in difference.verdicts.items() if not yes}
    lost = {use: yes for use, yes in difference.verdicts.items() if yes}
    parts = []
    if stated:
        parts.append(f"Content-Usage: {difference.pattern} {field_value(stated)}")
    if lost:
        parts.append(f"# not stated, a site-wide n wins: {difference.glob} {field_value(lost)}")
    return "\n".join(parts)


def render_aipref(terms: Terms) -> str:
    """The rules, with the HTTP header they imply; the first rule line is the header line."""
    header = [
        f"# AI usage preferences of {terms.project.name}, generated from ai-training.toml",
        f"# by tgpl-git, after {VOCABULARY} and {ATTACHMENT}.",
        "# The first Content-Usage line is also the HTTP response header for files no",
        "# later line matches. The lines belong in a robots.txt group; the robots export",
        "# writes a whole file.",
    ]
    return "\n".join([*header, *usage_rules(terms)]) + "\n"
