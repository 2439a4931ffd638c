# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The rsl export read back by xml.etree and by protego's RFC 9309 matcher: every path
gets the uses its terms permit, and conditional training carries its licence."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from protego import Protego

from tests.conftest import MINIMAL_TERMS
from tests.exports.test_yes_no_exports import OVERRIDES, PATHS, url_path
from tgpl_git.errors import ConfigError
from tgpl_git.exports import render
from tgpl_git.exports.rsl import licence_url
from tgpl_git.terms import Terms, load_terms

NS = {"rsl": "https://rslstandard.org/rsl"}
TOKENS = {"train-ai": "training", "search": "search"}
WEBSITE = 'name = "example"\nwebsite = "https://e.org/code/"\ncontact = "mailto:a&b@e.org"'


def load(project: Path, extra: str = "", website: bool = True) -> Terms:
    text = MINIMAL_TERMS.replace('name = "example"', WEBSITE) if website else MINIMAL_TERMS
    (project / "ai-training.toml").write_text(text + OVERRIDES + extra)
    return load_terms(project / "ai-training.toml")


def contents(text: str) -> list[ET.Element]:
    root = ET.fromstring(text)
    assert root.tag == "{https://rslstandard.org/rsl}rsl"
    return root.findall("rsl:content", NS)


def permitted(text: str, path: str, token: str) -> bool:
    """Whether ``token`` is permitted at ``path``: each content's url as an Allow or a
    Disallow line, and protego picks the longest match, as RFC 9309 (and RSL) say."""
    lines = ["User-agent: *"]
    for content in contents(text):
        for kind, verb in (("permits", "Allow"), ("prohibits", "Disallow")):
            for element in content.findall(f"rsl:license/rsl:{kind}[@type='usage']", NS):
                if token in element.text.split(","):
                    lines.append(f"{verb}: {content.get('url')}")
    return Protego.parse("\n".join(lines) + "\n").can_fetch(path, "bot")


def test_every_path_gets_the_uses_its_terms_permit(project: Path) -> None:
    terms = load(project)
    text = render("rsl", terms) or ""
    for path in PATHS:
        effective = terms.effective_terms(path)
        for token, use in TOKENS.items():
            meant = getattr(effective, use) != "disallowed"
            assert permitted(text, "/code" + url_path(path), token) == meant, (path, token)


def test_conditional_training_links_its_licence_and_the_declaration(project: Path) -> None:
    text = render("rsl", load(project)) or ""
    site = contents(text)[0]
    assert site.get("url") == "/code/"
    assert site.findtext("rsl:terms", namespaces=NS) == "https://e.org/code/ai-training.toml"
    standard = site.findtext("rsl:license/rsl:payment[@type='free']/rsl:standard", namespaces=NS)
    assert standard == "https://e.org/code/LICENSES/LicenseRef-TGPL-1.0.txt"
    copyright_ = site.find("rsl:copyright", NS)
    assert copyright_ is not None and copyright_.get("contactEmail") == "a&b@e.org"
    # docs/*.md allows training outright: permitted there, and without the condition.
    docs = next(c for c in contents(text) if c.get("url") == "/code/docs/*.md$")
    assert docs.find("rsl:license/rsl:payment", NS) is None


def test_a_pattern_reaching_past_its_glob_gives_those_paths_back(project: Path) -> None:
    text = render("rsl", load(project)) or ""
    urls = [c.get("url") for c in contents(text)]
    assert urls.index("/code/docs/*/*.md$") < urls.index("/code/docs/*.md$")
    spilled = next(c for c in contents(text) if c.get("url") == "/code/docs/*/*.md$")
    assert spilled.find("rsl:license/rsl:payment/rsl:standard", NS) is not None


def test_the_licence_text_needs_a_url(project: Path) -> None:
    with pytest.raises(ConfigError, match="set website in \\[project\\]"):
        render("rsl", load(project, website=False))
    terms = load(project, website=False)
    assert licence_url(terms, "GPL-3.0-or-later") == (
        "https://spdx.org/licenses/GPL-3.0-or-later.html"
    )


def test_robots_points_at_the_published_licence(project: Path) -> None:
    terms = load(project, '\n[export]\n"public/license.xml" = "rsl"\n')
    robots = render("robots", terms) or ""
    assert robots.rstrip().endswith("License: https://e.org/code/public/license.xml")
    assert "License:" not in (render("robots", load(project)) or "")
