# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Round-trip edits keep the user's comments, order and layout."""

from __future__ import annotations

import datetime
from pathlib import Path

from tests.conftest import MINIMAL_TERMS
from tgpl_git.terms import load_terms
from tgpl_git.terms.edit import append_table, load_document, save_document, set_value

COMMENTED = (
    MINIMAL_TERMS.replace(
        "[terms]\n",
        "# Our terms, agreed on the list in 2026.\n[terms]  # keep in sync with README\n",
    )
    + "\n[consent]\n# Who may skip consent.\nexempt = [\n  'bot@e.org',  # the release bot\n]\n"
)


def test_append_and_set_keep_everything_else(project: Path) -> None:
    path = project / "ai-training.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    doc = load_document(path)
    append_table(
        doc,
        "consent.grants",
        {"name": "Jane", "email": "jane@e.org", "date": datetime.date(2026, 11, 20)},
    )
    append_table(
        doc,
        "consent.grants",
        {"name": "Joe", "email": "joe@e.org", "date": datetime.date(2026, 11, 21)},
    )
    set_value(doc, "headers.holder", "The Example Authors")
    assert save_document(path, doc) is True
    text = path.read_text(encoding="utf-8")
    assert text.startswith(COMMENTED.rstrip("\n"))
    assert "# the release bot" in text and "# keep in sync with README" in text
    terms = load_terms(path)
    assert [g.name for g in terms.consent.grants] == ["Jane", "Joe"]
    assert terms.headers.holder == "The Example Authors"


def test_saving_an_unchanged_document_writes_nothing(project: Path) -> None:
    path = project / "ai-training.toml"
    before = path.stat().st_mtime_ns
    assert save_document(path, load_document(path)) is False
    assert path.stat().st_mtime_ns == before
