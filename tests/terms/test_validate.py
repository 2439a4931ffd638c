# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The validator, from tables of documents: every problem, with key path and line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tgpl_git.terms.source import LineIndex
from tgpl_git.terms.validate import key_path, validate

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

BASE = """\
version = 1
[project]
name = "p"
[terms]
license = "LicenseRef-TGPL-1.0"
code-license = "GPL-3.0-or-later"
training = "conditional"
[terms.conditions]
weights-license = ["LicenseRef-TGPL-1.0"]
"""

TEXTS = {"LicenseRef-TGPL-1.0", "GPL-3.0-or-later", "MIT"}


def run(text: str, texts: set[str] = TEXTS) -> list[tuple[str, str, int | None]]:
    findings = validate(tomllib.loads(text), LineIndex(text), "t.toml", texts.__contains__)
    return [(f.rule, f.message, f.line) for f in findings]


def test_minimal_document_is_valid() -> None:
    assert run(BASE) == []


def test_every_key_of_the_design_example_is_accepted() -> None:
    full = Path(__file__).resolve().parents[1] / "corpus" / "terms" / "good" / "full.toml"
    assert run(full.read_text(encoding="utf-8"), TEXTS | {"AGPL-3.0-or-later"}) == []


# (what is added to BASE, or a replacement of a BASE line; rule; message fragment; line)
CASES = [
    (
        'training = "conditional"',
        'training = "yes"',
        "terms-value",
        'terms.training: expected one of allowed, conditional, disallowed; got "yes"',
        7,
    ),
    ('name = "p"', 'nme = "p"', "terms-unknown-key", "did you mean 'name'", 3),
    ('name = "p"', 'nme = "p"', "terms-missing-key", "project: missing required key 'name'", 2),
    (
        'name = "p"',
        "name = 3",
        "terms-type",
        "project.name: expected a string, got an integer (3)",
        3,
    ),
    ('name = "p"', 'name = "  "', "terms-value", "project.name: must not be empty", 3),
    ("version = 1", "version = 1\nzzz = 2", "terms-unknown-key", "unknown key at the top level", 2),
    (
        'code-license = "GPL-3.0-or-later"',
        'code-license = "GPL-3.0-or-later AND Foo"',
        "terms-spdx",
        "unknown SPDX licence id 'Foo'",
        6,
    ),
    (
        'code-license = "GPL-3.0-or-later"',
        'code-license = "MIT-0ish"',
        "terms-spdx",
        "did you mean",
        6,
    ),
    (
        'code-license = "GPL-3.0-or-later"',
        'code-license = "MIT AND ("',
        "terms-spdx",
        "not a valid SPDX expression",
        6,
    ),
    (
        'code-license = "GPL-3.0-or-later"',
        'code-license = "GPL-3.0+"',
        "terms-spdx",
        "'GPL-3.0-or-later'",
        6,
    ),
    ('code-license = "GPL-3.0-or-later"', 'code-license = "mit"', "terms-spdx", "'MIT'", 6),
    (
        'code-license = "GPL-3.0-or-later"',
        'code-license = "MIT OR LicenseRef-Mine"',
        "terms-license-text",
        "LicenseRef-Mine has no text at LICENSES/LicenseRef-Mine.txt",
        6,
    ),
    (
        'license = "LicenseRef-TGPL-1.0"',
        'license = "MIT OR Apache-2.0"',
        "terms-spdx",
        "expected a single SPDX licence id",
        5,
    ),
    (
        'license = "LicenseRef-TGPL-1.0"',
        'license = "LicenseRef-TGPL-2.0"',
        "terms-license-text",
        "LicenseRef-TGPL-2.0 has no text",
        5,
    ),
    (
        '[terms.conditions]\nweights-license = ["LicenseRef-TGPL-1.0"]\n',
        "",
        "terms-missing-key",
        '"conditional" but [terms.conditions] is missing',
        7,
    ),
    (
        'weights-license = ["LicenseRef-TGPL-1.0"]',
        "weights-license = []",
        "terms-value",
        "needs at least 1 entry",
        9,
    ),
    (
        'weights-license = ["LicenseRef-TGPL-1.0"]',
        'weights-license = "AGPL-3.0-or-later"',
        "terms-type",
        "expected an array",
        9,
    ),
    ("", 'data-disclosure = "some"', "terms-value", "expected one of none, description", 10),
    ("", 'code-release = "yes"', "terms-type", 'expected a boolean, got "yes"', 10),
    (
        'training = "conditional"',
        'training = "conditional"\nreview-by = "next year"',
        "terms-type",
        "terms.review-by: expected a date",
        8,
    ),
    (
        'training = "conditional"',
        'training = "conditional"\nreview-by = 2027-01-01T10:00:00',
        "terms-type",
        "got a date-time",
        8,
    ),
    (
        'training = "conditional"',
        'training = "conditional"\nreview-by = "2027-02-30"',
        "terms-type",
        "expected a date",
        8,
    ),
    ("", '[consent]\ntrailer = "Training Consent"', "terms-value", "not a usable trailer key", 11),
    ("", '[consent]\nexempt = "bot"', "terms-type", "consent.exempt: expected an array", 11),
    (
        'name = "p"',
        'name = "p"\nwebsite = "https://e.org/code?x=1"',
        "terms-value",
        "project.website: not an http(s) URL without query or fragment",
        4,
    ),
    (
        "",
        '[[consent.grants]]\nname = "J"\nemail = "nope"\ndate = 2026-01-01',
        "terms-value",
        "consent.grants[0].email: not an email address",
        12,
    ),
    (
        "",
        '[[consent.grants]]\nname = "J"\nemail = "j@e.org"',
        "terms-missing-key",
        "consent.grants[0]: missing required key 'date'",
        10,
    ),
    ("", "[[overrides]]\npath = []", "terms-value", "overrides[0].path: needs at least 1", 11),
    (
        "",
        '[headers]\nholder = "Acme\\u0000Inc."',  # a NUL in every header: binary files
        "terms-value",
        "headers.holder: must be one line of text without control characters",
        11,
    ),
    (
        "",
        '[[overrides]]\ntraining = "disallowed"',
        "terms-missing-key",
        "overrides[0]: missing required key 'path'",
        10,
    ),
    (
        "",
        '[[overrides]]\npath = "a/**"\n[[overrides]]\npath = "b"\nterms = "nope"',
        "terms-spdx",
        "overrides[1].terms: unknown SPDX licence id 'nope'",
        14,
    ),
    (
        "",
        '[[overrides]]\npath = "a"\nlicence = "MIT"',
        "terms-unknown-key",
        "did you mean 'code-license'",
        12,
    ),
    ("", '[export]\n"a.json" = "jsonn"', "terms-value", 'export."a.json": expected one of', 11),
    ("", "[headers]\nyear = 2026", "terms-type", "headers.year: expected a string", 11),
    ("", "[headers]\nline-length = 20", "terms-value", "expected 0 or 40 to 1000, got 20", 11),
    ("", '[headers]\nline-length = "80"', "terms-type", "expected an integer", 11),
    ("", '[crawlers]\nblock = ["a", 3]', "terms-type", "crawlers.block[1]: expected a string", 11),
    ("version = 1", 'version = "1"', "terms-type", "version: expected an integer", 1),
    ("version = 1\n", "", "terms-missing-key", "missing required key 'version'", None),
]


@pytest.mark.parametrize(("old", "new", "rule", "fragment", "line"), CASES)
def test_problem_is_reported_with_rule_key_path_and_line(
    old: str, new: str, rule: str, fragment: str, line: int | None
) -> None:
    text = BASE.replace(old, new, 1) if old else BASE + new + "\n"
    found = run(text)
    assert any(
        r == rule and fragment in message and found_line == line for r, message, found_line in found
    ), found


def test_every_problem_is_reported_at_once() -> None:
    text = BASE.replace('name = "p"', 'nme = "p"').replace('"conditional"', '"yes"')
    rules = [rule for rule, _, _ in run(text + '[headers]\nyear = "all"\n')]
    assert rules.count("terms-value") == 2 and "terms-unknown-key" in rules
    assert "terms-missing-key" in rules


def test_unsupported_version_is_the_only_problem_reported() -> None:
    found = run("version = 2\n[whatever]\nnew-key = 1\n")
    assert len(found) == 1
    rule, message, line = found[0]
    assert rule == "terms-version" and "schema version 2 is not supported" in message and line == 1


def test_extension_keys_are_allowed_anywhere() -> None:
    text = BASE.replace("[terms]\n", "[terms]\nx-internal = { a = 1 }\n") + "x-tool = 1\n"
    assert run(text.replace("version = 1\n", "version = 1\nx-top = true\n")) == []


def test_missing_standard_licence_text_is_a_warning() -> None:
    findings = validate(
        tomllib.loads(BASE), LineIndex(BASE), "t", {"LicenseRef-TGPL-1.0"}.__contains__
    )
    assert [(f.rule, f.severity, f.line) for f in findings] == [
        ("terms-license-text", "warning", 6)
    ]
    assert findings[0].hint == "reuse download GPL-3.0-or-later"


def test_override_with_conditional_training_accepts_conditions_of_its_own() -> None:
    text = BASE.replace('"conditional"', '"allowed"').replace(
        '[terms.conditions]\nweights-license = ["LicenseRef-TGPL-1.0"]\n', ""
    )
    text += '[[overrides]]\npath = "x/**"\ntraining = "conditional"\n'
    assert any("neither this entry" in m for _, m, _ in run(text))
    text += '[overrides.conditions]\nweights-license = ["AGPL-3.0-or-later"]\n'
    assert run(text) == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("terms", "training"), "terms.training"),
        (("overrides", 1, "path"), "overrides[1].path"),
        (("export", "a.json"), 'export."a.json"'),
        (("headers", "styles", "*.tpl"), 'headers.styles."*.tpl"'),
    ],
)
def test_key_path_rendering(path: tuple[object, ...], expected: str) -> None:
    assert key_path(path) == expected
