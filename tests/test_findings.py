# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Findings and their text and JSON renderings."""

from __future__ import annotations

import json

from tgpl_git.findings import Finding, format_json, format_text

FINDINGS = [
    Finding("terms-value", "terms.training: bad", path="ai-training.toml", line=7, column=2),
    Finding("consent-missing", "no consent", commit="abc1234", hint="git commit --amend"),
    Finding("terms-license-text", "no text", severity="warning", path="ai-training.toml"),
    Finding("x-general", "nowhere"),
]


def test_text() -> None:
    assert format_text(FINDINGS) == (
        "ai-training.toml:7:2: terms-value terms.training: bad\n"
        "commit abc1234: consent-missing no consent\n"
        "  hint: git commit --amend\n"
        "ai-training.toml: terms-license-text warning: no text\n"
        "x-general nowhere\n"
        "3 errors, 1 warning\n"
    )


def test_json_drops_empty_fields_and_counts() -> None:
    doc = json.loads(format_json(FINDINGS))
    assert doc["version"] == 1
    assert doc["findings"][0] == {
        "rule": "terms-value",
        "message": "terms.training: bad",
        "severity": "error",
        "path": "ai-training.toml",
        "line": 7,
        "column": 2,
    }
    assert doc["summary"] == {"errors": 3, "warnings": 1}


def test_empty() -> None:
    assert format_text([]) == "0 errors, 0 warnings\n"


def test_every_kind_of_finding_as_a_text_line() -> None:
    from itertools import product

    from tgpl_git.findings import text_line

    for path, line, column, severity, hint in product(
        [None, "a.py"], [None, 3], [None, 7], ["error", "warning"], [None, "", "do this"]
    ):
        finding = Finding("rule", "says", severity, path, line, column, None, hint)
        place = ":".join(str(p) for p in (path, line, column) if p is not None) if path else ""
        if path and line is None:
            place = path
        expected = (f"{place}: " if place else "") + "rule "
        expected += ("" if severity == "error" else f"{severity}: ") + "says\n"
        expected += f"  hint: {hint}\n" if hint else ""
        assert text_line(finding) == expected, finding
