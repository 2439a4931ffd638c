# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The json and markdown exports, from a rich terms file, read back by real parsers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_TERMS
from tgpl_git.cli import EXPORT_CHOICES
from tgpl_git.errors import ConfigError
from tgpl_git.exports import render
from tgpl_git.terms import load_terms
from tgpl_git.terms.schema import EXPORT_FORMATS

RICH = (
    MINIMAL_TERMS.replace('name = "example"', 'name = "example"\ncontact = "mailto:m@e.org"')
    + """\
data-disclosure = "full"
attribution = "output-citation"

[[overrides]]
path = ["vendor/**"]
terms = "none"
code-license = "MIT"

[[overrides]]
path = "assets/**"
training = "disallowed"
"""
)


def terms(project: Path):  # type: ignore[no-untyped-def]
    (project / "ai-training.toml").write_text(RICH)
    (project / "LICENSES" / "MIT.txt").write_text("MIT")
    return load_terms(project / "ai-training.toml")


def test_json_is_the_resolved_terms(project: Path) -> None:
    doc = json.loads(render("json", terms(project)) or "")
    assert doc["version"] == 1 and doc["project"]["contact"] == "mailto:m@e.org"
    assert doc["terms"]["training"] == "conditional" and doc["terms"]["inference"] == "allowed"
    assert doc["terms"]["conditions"]["weights-license"] == ["LicenseRef-TGPL-1.0"]
    assert doc["terms"]["conditions"]["derivatives-inherit"] is True  # a default, filled in
    assert doc["expression"] == "GPL-3.0-or-later AND LicenseRef-TGPL-1.0"
    assert doc["overrides"][0] == {"path": ["vendor/**"], "terms": "none", "code-license": "MIT"}
    assert doc["overrides"][1] == {"path": ["assets/**"], "training": "disallowed"}


def test_markdown_says_the_terms_in_words(project: Path) -> None:
    page = render("markdown", terms(project)) or ""
    assert page.startswith("# AI training terms of example\n")
    assert "| Training AI models on this code | allowed on the conditions below |" in page
    assert "- its weights are released under `LicenseRef-TGPL-1.0`;" in page
    assert "- its training data is released;" in page
    assert "- it cites this project in its output." in page
    assert "- `vendor/**`: the training terms do not apply; code-license MIT" in page
    assert "- `assets/**`: training disallowed" in page
    assert "Questions about these terms: mailto:m@e.org" in page


def test_the_cli_offers_the_formats_the_schema_names() -> None:
    assert set(EXPORT_CHOICES) == set(EXPORT_FORMATS)


def test_tdm_policy_is_an_odrl_offer_whose_duties_carry_the_conditions(project: Path) -> None:
    text = RICH.replace('name = "example"', 'name = "example"\nrepository = "https://e.org/x.git"')
    (project / "ai-training.toml").write_text(text)
    (project / "LICENSES" / "MIT.txt").write_text("MIT")
    policy = json.loads(render("tdm-policy", load_terms(project / "ai-training.toml")) or "")
    assert policy["@context"] == [
        "http://www.w3.org/ns/odrl.jsonld",
        "http://www.w3.org/ns/tdmrep.jsonld",
    ]
    assert (policy["@type"], policy["profile"]) == ("Offer", "http://www.w3.org/ns/tdmrep")
    assert policy["uid"] == "https://e.org/x.git#ai-training-terms"
    assert policy["assigner"]["vcard:hasEmail"] == "mailto:m@e.org"
    [permission] = policy["permission"]
    assert permission["action"] == "tdm:mine" and permission["target"] == "https://e.org/x.git"
    assert permission["duty"] == [{"action": "shareAlike"}, {"action": "attribute"}]


def test_tdm_policy_without_a_repository_is_a_config_error(project: Path) -> None:
    with pytest.raises(ConfigError, match="set repository in \\[project\\]"):
        render("tdm-policy", terms(project))
