# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``rsl``: a Really Simple Licensing 1.0 document (``license.xml``).

RSL states, per URL pattern, which uses a licence permits and prohibits, and
can point at a standard licence agreement. That carries conditional training
whole: training is permitted, and ``<standard>`` names the training licence
whose conditions apply (so ``fallback`` is not needed here). Usage tokens are
the AI-preferences labels RSL 1.0 adopted (``train-ai``, ``search``); run-time
use (``inference``) has no token in either and is not stated.

A ``<content>`` per override glob that says something else than the whole
site, its ``url`` the robots.txt pattern of the glob: RSL matches URLs by
RFC 9309's rules, where the longest matching pattern wins.
"""

from __future__ import annotations

from urllib.parse import quote, urljoin
from xml.sax.saxutils import escape, quoteattr

from tgpl_git.errors import ConfigError
from tgpl_git.exports.yesno import robots_pattern, site_root, spill_patterns
from tgpl_git.terms import Terms
from tgpl_git.terms.model import EffectiveTerms
from tgpl_git.terms.spdx import LICENSE_REF

SPEC = "RSL 1.0 (https://rslstandard.org/rsl, Recommendation of 2025-11-06)"
NAMESPACE = "https://rslstandard.org/rsl"
TOKENS = {"training": "train-ai", "search": "search"}


def licence_url(terms: Terms, identifier: str) -> str:
    """Where the text of ``identifier`` can be read: the project's own copy on its
    website, else the SPDX licence list; a ``LicenseRef-`` needs the website."""
    if terms.project.website:
        base = terms.project.website.rstrip("/") + "/"
        return urljoin(base, f"LICENSES/{quote(identifier)}.txt")
    if LICENSE_REF.match(identifier):
        raise ConfigError(
            f"the rsl export links the text of {identifier}, which only this project has: "
            "set website in [project] of ai-training.toml (where LICENSES/ is served)"
        )
    return f"https://spdx.org/licenses/{quote(identifier)}.html"


def license_element(terms: Terms, effective: EffectiveTerms, indent: str) -> list[str]:
    """The ``<license>`` for one set of effective terms."""
    uses = {"training": effective.training, "search": effective.search}
    permits = [TOKENS[use] for use, value in uses.items() if value != "disallowed"]
    prohibits = [TOKENS[use] for use, value in uses.items() if value == "disallowed"]
    inner = indent + "  "
    lines = [f"{indent}<license>"]
    if permits:
        lines.append(f'{inner}<permits type="usage">{",".join(permits)}</permits>')
    if prohibits:
        lines.append(f'{inner}<prohibits type="usage">{",".join(prohibits)}</prohibits>')
    if effective.training == "conditional" and effective.license:
        standard = escape(licence_url(terms, effective.license))
        lines += [
            f'{inner}<payment type="free">',
            f"{inner}  <standard>{standard}</standard>",
            f"{inner}</payment>",
        ]
    lines.append(f"{indent}</license>")
    return lines


def _copyright(terms: Terms) -> str:
    holder = terms.headers.holder or f"The {terms.project.name} Authors"
    contact = terms.project.contact or ""
    attributes = ' type="organization"'
    if contact.startswith("mailto:"):
        attributes += f" contactEmail={quoteattr(contact.removeprefix('mailto:'))}"
    elif contact.startswith(("https:", "http:")):
        attributes += f" contactUrl={quoteattr(contact)}"
    return f"<copyright{attributes}>{escape(holder)}</copyright>"


def render_rsl(terms: Terms) -> str:
    """The document: the site-wide licence, then the paths where overrides differ."""
    root = site_root(terms)
    site = terms.project_terms()
    site_license = license_element(terms, site, "    ")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<!-- Licensing of {escape(terms.project.name)} for automated use, generated from",
        f"     ai-training.toml by tgpl-git after {SPEC}. -->",
        f'<rsl xmlns="{NAMESPACE}">',
        f"  <content url={quoteattr(root)}>",
    ]
    if terms.project.website:
        declaration = urljoin(terms.project.website.rstrip("/") + "/", "ai-training.toml")
        lines.append(f"    <terms>{escape(declaration)}</terms>")
    lines += [f"    {_copyright(terms)}", *site_license, "  </content>"]
    for index, override in enumerate(terms.overrides):
        mine = license_element(terms, terms.terms_for((index,)), "    ")
        if mine == site_license:
            continue
        for glob in override.paths:
            # A lone "*" of the glob stays in one folder, the pattern's does not: where the
            # pattern reaches further, a longer pattern gives those paths back to the site.
            for spill in spill_patterns(glob, root):
                lines += [f"  <content url={quoteattr(spill)}>", *site_license, "  </content>"]
            url = quoteattr(robots_pattern(glob, root))
            lines += [f"  <content url={url}>", *mine, "  </content>"]
    lines.append("</rsl>")
    return "\n".join(lines) + "\n"
