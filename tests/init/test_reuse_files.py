# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""REUSE coverage for files without a header: REUSE.toml or dep5, extended, never rewritten."""

from __future__ import annotations

import sys

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from tgpl_git.init.reuse_files import (
    Annotation,
    covered_by,
    extend_dep5,
    extend_reuse_toml,
    literal,
)

DATA = Annotation(("**/*.json", literal("odd*name.bin")), ("2026 Us",), "MIT", "data")
VENDOR = Annotation(("vendor/x/**",), ("Copyright 2010 A", "Copyright 2012 B"), "BSD-3-Clause", "x")

THEIRS = """\
version = 1
# our own annotation, with a comment
[[annotations]]
path = "docs/**"
precedence = "override"
SPDX-FileCopyrightText = "2020 Docs People"
SPDX-License-Identifier = "CC-BY-4.0"
"""


def test_a_new_reuse_toml_holds_the_annotations_in_order() -> None:
    text = extend_reuse_toml(None, [DATA, VENDOR])
    assert text is not None
    doc = tomllib.loads(text)
    assert doc["version"] == 1
    assert [a["path"] for a in doc["annotations"]] == [
        ["**/*.json", "odd\\*name.bin"],
        "vendor/x/**",
    ]
    assert doc["annotations"][1]["SPDX-FileCopyrightText"] == [
        "Copyright 2010 A",
        "Copyright 2012 B",
    ]


def test_an_existing_reuse_toml_keeps_every_byte_and_gets_no_duplicates() -> None:
    text = extend_reuse_toml(THEIRS, [DATA])
    assert text is not None and text.startswith(THEIRS)
    assert extend_reuse_toml(text, [DATA]) is None


def test_covered_by_uses_reuse_globs_and_dep5_globs() -> None:
    covered = covered_by(THEIRS, "Files: assets/*\nCopyright: x\nLicense: MIT\n")
    assert covered("docs/a/b.md") and covered("assets/deep/logo.png")
    assert not covered("src/a.py")
    literal_only = covered_by(extend_reuse_toml(None, [DATA]), None)
    assert literal_only("odd*name.bin") and not literal_only("oddXname.bin")
    assert literal_only("a.json") and literal_only("x/y/a.json")


def test_dep5_gets_paragraphs_in_its_own_glob_language() -> None:
    dep5 = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
    text = extend_dep5(dep5, [DATA, VENDOR])
    assert text is not None and text.startswith(dep5)
    assert "Files: *.json odd*name.bin\nCopyright: 2026 Us\nLicense: MIT\n" in text
    assert "Files: vendor/x/*\nCopyright: Copyright 2010 A\n Copyright 2012 B\n" in text
    assert extend_dep5(text, [DATA, VENDOR]) is None


@pytest.mark.parametrize("path", ["a*b", "back\\slash", "plain.txt"])
def test_literal_globs_match_only_their_path(path: str) -> None:
    match = covered_by(
        extend_reuse_toml(None, [Annotation((literal(path),), ("x",), "MIT", "c")]), None
    )
    assert match(path)
