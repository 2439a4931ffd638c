# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Override globs mean what they mean in REUSE.toml; reuse itself is the oracle."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reuse.global_licensing import AnnotationsItem

from tgpl_git.terms.globs import compile_globs


def reuse_matches(glob: str, path: str) -> bool:
    return bool(AnnotationsItem(paths={glob}).matches(path))


@pytest.mark.parametrize(
    ("glob", "path", "expected"),
    [
        ("*.py", "setup.py", True),
        ("*.py", "src/setup.py", False),
        ("**.py", "src/setup.py", True),
        ("**/*.py", "setup.py", True),
        ("**/*.py", "a/b/c.py", True),
        ("vendor/**", "vendor/x/y.c", True),
        ("vendor/**", "vendor", False),
        ("vendor/**", "vendored/x.c", False),
        ("src/*/x", "src/a/x", True),
        ("src/*/x", "src/a/b/x", False),
        ("a.b", "axb", False),
        ("\\*.md", "*.md", True),
        ("\\*.md", "x.md", False),
        ("docs", "docs", True),
        ("docs", "docs/a", False),
        ("(x)+[y]?", "(x)+[y]?", True),
    ],
)
def test_glob_table(glob: str, path: str, expected: bool) -> None:
    assert bool(compile_globs([glob]).match(path)) is expected
    assert reuse_matches(glob, path) is expected


def test_any_of_several_globs() -> None:
    pattern = compile_globs(["vendor/**", "third_party/**"])
    assert pattern.match("third_party/a.c") and pattern.match("vendor/b")
    assert not pattern.match("src/vendor/b")


@settings(max_examples=1000, deadline=None)
@given(
    glob=st.text(alphabet="ab/.*\\", min_size=1, max_size=8),
    path=st.text(alphabet="ab/.*\\", min_size=0, max_size=8),
)
def test_agrees_with_reuse(glob: str, path: str) -> None:
    assert bool(compile_globs([glob]).match(path)) == reuse_matches(glob, path)
