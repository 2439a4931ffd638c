# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The json and markdown exports, from a rich terms file, read back by real parsers."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import MINIMAL_TERMS
from tgpl_git.cli import EXPORT_CHOICES
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


def test_unbuilt_formats_are_none(project: Path) -> None:
    assert render("rsl", terms(project)) is None


def test_the_cli_offers_the_formats_the_schema_names() -> None:
    assert set(EXPORT_CHOICES) == set(EXPORT_FORMATS)
