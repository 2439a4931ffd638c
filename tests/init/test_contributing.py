# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The consent section of the contributors' guide: where it goes, and only once."""

from __future__ import annotations

from tgpl_git.init.contributing import HEADING, guide_path, merge_contributing


def test_the_guide_is_the_first_markdown_one_the_forges_look_for() -> None:
    assert guide_path({}) == "CONTRIBUTING.md"
    assert guide_path({".github/CONTRIBUTING.md": b"# Hi\n"}) == ".github/CONTRIBUTING.md"
    both = {"CONTRIBUTING.md": b"", "docs/CONTRIBUTING.md": b"x"}
    assert guide_path(both) == "CONTRIBUTING.md"
    assert guide_path({"CONTRIBUTING.rst": b"Hi\n==\n"}) is None  # not Markdown: said, not written


def test_the_section_is_added_once_in_the_files_own_line_endings() -> None:
    theirs = "# Contributing\r\n\r\nBe kind.\r\n"
    merged = merge_contributing(theirs, "LicenseRef-TGPL-1.0", "Training-Consent")
    assert merged is not None and merged.startswith(theirs)
    assert HEADING in merged and "\n" not in merged.replace("\r\n", "")
    assert merge_contributing(merged, "LicenseRef-TGPL-1.0", "Training-Consent") is None
    fresh = merge_contributing(None, "LicenseRef-X", "Consent")
    assert fresh is not None and "Consent: Your Name <you@example.org>" in fresh
