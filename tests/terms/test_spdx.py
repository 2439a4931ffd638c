# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""SPDX expression checks, from a table, and never an exception on odd input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tgpl_git.terms.spdx import check_expression, check_identifier


@pytest.mark.parametrize(
    ("expression", "problem", "keys"),
    [
        ("MIT", None, ("MIT",)),
        (
            "GPL-3.0-or-later AND LicenseRef-TGPL-1.0",
            None,
            ("GPL-3.0-or-later", "LicenseRef-TGPL-1.0"),
        ),
        ("(MIT OR Apache-2.0) AND LicenseRef-x", None, ("MIT", "Apache-2.0", "LicenseRef-x")),
        (
            "GPL-2.0-only WITH Classpath-exception-2.0",
            None,
            ("GPL-2.0-only", "Classpath-exception-2.0"),
        ),
        ("MIT AND", "not a valid SPDX expression", ()),
        ("MIT AND (", "not a valid SPDX expression", ()),
        ("Classpath-exception-2.0", "not a valid SPDX expression", ()),
        ("MIT WITH GPL-3.0-only", "not a valid SPDX expression", ()),
        ("MTI", "unknown SPDX licence id 'MTI' (did you mean 'MIT'?)", ()),
        ("LicenseRef-a_b", "unknown SPDX licence id 'LicenseRef-a_b'", ()),
        ("GPL-3.0+", "write it as 'GPL-3.0-or-later'", ("GPL-3.0-or-later",)),
        ("GPL-3.0", "write it as 'GPL-3.0-only'", ("GPL-3.0-only",)),
        ("MIT and Apache-2.0", "write it as 'MIT AND Apache-2.0'", ("MIT", "Apache-2.0")),
    ],
)
def test_expression_table(expression: str, problem: str | None, keys: tuple[str, ...]) -> None:
    verdict = check_expression(expression)
    if problem is None:
        assert verdict.problem is None
    else:
        assert verdict.problem is not None and problem in verdict.problem
    assert verdict.keys == keys


def test_license_refs_are_the_projects_own_ids() -> None:
    assert check_expression("MIT AND LicenseRef-a").license_refs == ("LicenseRef-a",)


@pytest.mark.parametrize("identifier", ["MIT OR Apache-2.0", "(MIT)", "MIT AND"])
def test_an_identifier_is_one_id(identifier: str) -> None:
    assert check_identifier(identifier).problem


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "MIT",
                " AND ",
                " OR ",
                " WITH ",
                "(",
                ")",
                "x",
                "-",
                "+",
                "LicenseRef-",
                "\u00e9",
                "\x00",
                " ",
                "Classpath-exception-2.0",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_never_raises(expression: str) -> None:
    verdict = check_expression(expression)
    assert verdict.problem is None or isinstance(verdict.problem, str)
