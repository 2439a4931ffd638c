# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The shipped JSON Schema equals the generated one, and judges the corpus as the validator does."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tgpl_git.terms.schema_json import json_schema, to_json_value
from tgpl_git.terms.source import LineIndex
from tgpl_git.terms.validate import validate

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PACKAGE = Path(__file__).resolve().parents[2] / "tgpl_git"
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "terms"
TEXTS = {
    "LicenseRef-TGPL-1.0",
    "MIT",
    "Apache-2.0",
    "GPL-3.0-or-later",
    "AGPL-3.0-only",
    "GPL-2.0-only",
    "Classpath-exception-2.0",
}


def shipped() -> dict[str, Any]:
    return json.loads((PACKAGE / "data" / "ai-training.schema.json").read_text(encoding="utf-8"))


def test_shipped_schema_is_the_generated_one() -> None:
    assert shipped() == json_schema(), (
        "regenerate: python -m tgpl_git.terms.schema_json > tgpl_git/data/ai-training.schema.json"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(shipped())


def judge(path: Path) -> tuple[bool, bool]:
    """(validator accepts, schema accepts) for one corpus file."""
    text = path.read_text(encoding="utf-8")
    doc = tomllib.loads(text)
    errors = [
        f
        for f in validate(doc, LineIndex(text), path.name, TEXTS.__contains__)
        if f.severity == "error"
    ]
    schema_errors = list(jsonschema.Draft202012Validator(shipped()).iter_errors(to_json_value(doc)))
    return not errors, not schema_errors


@pytest.mark.parametrize("path", sorted(CORPUS.glob("good/*.toml")), ids=lambda p: p.stem)
def test_good_documents_pass_both(path: Path) -> None:
    assert judge(path) == (True, True)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("bad/*.toml")), ids=lambda p: p.stem)
def test_bad_documents_fail_both(path: Path) -> None:
    assert judge(path) == (False, False)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("semantic/*.toml")), ids=lambda p: p.stem)
def test_problems_beyond_json_schema_fail_the_validator_only(path: Path) -> None:
    # The licence list, licence texts on disk and calendar dates are past what a schema can say;
    # docs/ai-training-toml.md lists these checks.
    assert judge(path) == (False, True)


def test_corpus_is_not_empty() -> None:
    counts = [len(list(CORPUS.glob(f"{kind}/*.toml"))) for kind in ("good", "bad", "semantic")]
    assert min(counts) >= 5
