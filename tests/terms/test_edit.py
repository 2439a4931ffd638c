# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Round-trip edits keep the user's comments, order and layout."""

from __future__ import annotations

import datetime
from pathlib import Path

from tests.conftest import MINIMAL_TERMS
from tgpl_git.terms import load_terms
from tgpl_git.terms.edit import append_table, keep_untouched, load_document, save_document

COMMENTED = (
    MINIMAL_TERMS.replace(
        "[terms]\n",
        "# Our terms, agreed on the list in 2026.\n[terms]  # keep in sync with README\n",
    )
    + "\n[consent]\n# Who may skip consent.\nexempt = [\n  'bot@e.org',  # the release bot\n]\n"
)


def test_appending_keeps_everything_else(project: Path) -> None:
    path = project / "ai-training.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    doc, text = load_document(path)
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
    assert save_document(path, doc, text) is True
    text = path.read_text(encoding="utf-8")
    assert text.startswith(COMMENTED.rstrip("\n"))
    assert "# the release bot" in text and "# keep in sync with README" in text
    terms = load_terms(path)
    assert [g.name for g in terms.consent.grants] == ["Jane", "Joe"]


def test_saving_an_unchanged_document_writes_nothing(project: Path) -> None:
    path = project / "ai-training.toml"
    before = path.stat().st_mtime_ns
    assert save_document(path, *load_document(path)) is False
    assert path.stat().st_mtime_ns == before


def test_lines_tomlkit_rewrites_keep_their_bytes(project: Path) -> None:
    # tomlkit reads `{ ..., date = 2026-01-01 }` and writes it back without the space,
    # and writes what it adds with LF: in a CRLF file, every other byte stays.
    path = project / "ai-training.toml"
    inline = (
        '[consent]\r\ngrants = [\r\n  { name = "Ann", email = "a@e.org", date = 2026-01-01 },\r\n]'
    )
    path.write_bytes(("\ufeff" + MINIMAL_TERMS.replace("\n", "\r\n") + inline + "\r\n").encode())
    before = path.read_bytes()
    doc, text = load_document(path)
    append_table(
        doc,
        "consent.grants",
        {"name": "Bo", "email": "bo@e.org", "date": datetime.date(2026, 11, 21)},
    )
    assert save_document(path, doc, text) is True
    after = path.read_bytes()
    assert after.startswith(before.removesuffix(b"]\r\n"))
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert [g.name for g in load_terms(path).consent.grants] == ["Ann", "Bo"]


def test_an_edit_that_does_not_map_line_for_line_is_taken_whole() -> None:
    assert keep_untouched("a = 1\n", "a = 1\nb = 2\n") == "a = 1\nb = 2\n"
    # (a reading that changed the number of lines maps nothing back)
    assert keep_untouched("a = 1", "a = 1\nb = 2\n") == "a = 1\nb = 2\n"


def test_grants_written_as_an_inline_array_get_one_more(project: Path) -> None:
    # `grants = []` (or with entries) is as valid as [[consent.grants]] tables; appending
    # to it once ended in an internal error.
    path = project / "ai-training.toml"
    for grants in ("[]", '[{ name = "Ann", email = "a@e.org", date = 2026-01-01 }]'):
        path.write_text(MINIMAL_TERMS + f"\n[consent]\ngrants = {grants}  # by mail\n")
        doc, text = load_document(path)
        entry = {"name": "Bo", "email": "bo@e.org", "date": datetime.date(2026, 11, 21)}
        append_table(doc, "consent.grants", entry)
        assert save_document(path, doc, text) is True
        assert "# by mail" in path.read_text()
        assert [g.name for g in load_terms(path).consent.grants][-1] == "Bo"
