# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The terms model: defaults, and what applies to a path once overrides are laid over."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_TERMS
from tgpl_git.errors import ConfigError
from tgpl_git.terms import load_terms

OVERRIDES = """
[[overrides]]
path = ["vendor/**", "third_party/**"]
terms = "none"
code-license = "MIT"

[[overrides]]
path = "assets/photos/**"
training = "disallowed"

[[overrides]]
path = "vendor/special/**"
terms = "LicenseRef-TGPL-1.0"
training = "allowed"

[[overrides]]
path = "data/*.csv"
training = "conditional"
[overrides.conditions]
weights-license = ["AGPL-3.0-or-later"]
data-disclosure = "full"
"""


def write(project: Path, text: str) -> Path:
    path = project / "ai-training.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_fill_every_optional_key(project: Path) -> None:
    terms = load_terms(project / "ai-training.toml")
    assert terms.root == project
    assert (terms.terms.inference, terms.terms.search, terms.terms.fallback) == (
        "allowed",
        "allowed",
        "allow",
    )
    assert terms.terms.review_by is None
    conditions = terms.terms.conditions
    assert conditions is not None
    assert conditions.weights_license == ("LicenseRef-TGPL-1.0",)
    assert (conditions.data_disclosure, conditions.code_release, conditions.attribution) == (
        "listing",
        True,
        "none",
    )
    assert terms.headers.year == "first" and terms.headers.styles == {}
    assert terms.consent.trailer == "Training-Consent" and terms.consent.grants == ()
    assert terms.consent.scope == "commit" and terms.consent.co_authors == "require"
    assert terms.overrides == () and terms.export == {}


def test_dates_and_grants_become_records(project: Path) -> None:
    text = MINIMAL_TERMS.replace(
        'training = "conditional"', 'training = "conditional"\nreview-by = "2027-11-26"'
    )
    text += '[[consent.grants]]\nname = "Jane"\nemail = "jane@e.org"\ndate = 2026-11-20\n'
    terms = load_terms(write(project, text))
    assert terms.terms.review_by == datetime.date(2027, 11, 26)
    (grant,) = terms.consent.grants
    assert (grant.name, grant.email, grant.date, grant.evidence) == (
        "Jane",
        "jane@e.org",
        datetime.date(2026, 11, 20),
        None,
    )


@pytest.mark.parametrize(
    ("path", "applies", "license", "code", "training", "overrides", "expression"),
    [
        (
            "src/app.py",
            True,
            "LicenseRef-TGPL-1.0",
            "GPL-3.0-or-later",
            "conditional",
            (),
            "GPL-3.0-or-later AND LicenseRef-TGPL-1.0",
        ),
        ("vendor/lib/x.c", False, None, "MIT", "conditional", (0,), "MIT"),
        ("third_party/y.c", False, None, "MIT", "conditional", (0,), "MIT"),
        (
            "assets/photos/cat.jpg",
            True,
            "LicenseRef-TGPL-1.0",
            "GPL-3.0-or-later",
            "disallowed",
            (1,),
            "GPL-3.0-or-later AND LicenseRef-TGPL-1.0",
        ),
        (
            "vendor/special/z.c",
            True,
            "LicenseRef-TGPL-1.0",
            "MIT",
            "allowed",
            (0, 2),
            "MIT AND LicenseRef-TGPL-1.0",
        ),
        (
            "data/a.csv",
            True,
            "LicenseRef-TGPL-1.0",
            "GPL-3.0-or-later",
            "conditional",
            (3,),
            "GPL-3.0-or-later AND LicenseRef-TGPL-1.0",
        ),
        (
            "data/sub/a.csv",
            True,
            "LicenseRef-TGPL-1.0",
            "GPL-3.0-or-later",
            "conditional",
            (),
            "GPL-3.0-or-later AND LicenseRef-TGPL-1.0",
        ),
    ],
)
def test_later_overrides_win(
    project: Path,
    path: str,
    applies: bool,
    license: str | None,
    code: str,
    training: str,
    overrides: tuple[int, ...],
    expression: str,
) -> None:
    effective = load_terms(write(project, MINIMAL_TERMS + OVERRIDES)).effective_terms(path)
    assert (effective.path, effective.applies, effective.license) == (path, applies, license)
    assert (effective.code_license, effective.training, effective.overrides) == (
        code,
        training,
        overrides,
    )
    assert effective.expression == expression


def test_override_conditions_replace_the_projects(project: Path) -> None:
    terms = load_terms(write(project, MINIMAL_TERMS + OVERRIDES))
    conditions = terms.effective_terms("data/a.csv").conditions
    assert conditions is not None
    assert conditions.weights_license == ("AGPL-3.0-or-later",)
    assert conditions.data_disclosure == "full"
    assert terms.effective_terms("src/a.py").conditions == terms.terms.conditions


def test_an_or_code_licence_is_parenthesised(project: Path) -> None:
    text = MINIMAL_TERMS.replace('"GPL-3.0-or-later"', '"MIT OR Apache-2.0"')
    for name in ("MIT", "Apache-2.0"):
        (project / "LICENSES" / f"{name}.txt").write_text(name)
    effective = load_terms(write(project, text)).effective_terms("a.py")
    assert effective.expression == "(MIT OR Apache-2.0) AND LicenseRef-TGPL-1.0"


def test_load_raises_with_every_error_and_keeps_warnings(project: Path) -> None:
    (project / "LICENSES" / "GPL-3.0-or-later.txt").unlink()
    terms = load_terms(project / "ai-training.toml")
    assert [w.rule for w in terms.warnings] == ["terms-license-text"]
    bad = MINIMAL_TERMS.replace('"conditional"', '"maybe"').replace('name = "example"', "")
    with pytest.raises(ConfigError) as info:
        load_terms(write(project, bad))
    assert len(info.value.findings) == 2
