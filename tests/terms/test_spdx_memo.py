# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The memo of valid SPDX expressions: it answers as the checker does, and never wrongly."""

from __future__ import annotations

import json
from pathlib import Path

from tgpl_git.terms.spdx import check_expression
from tgpl_git.terms.spdx_memo import Memo


def test_valid_expressions_are_remembered_and_invalid_ones_are_not(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    memo = Memo(path)
    assert memo("MIT AND LicenseRef-x") == check_expression("MIT AND LicenseRef-x")
    assert memo("MTI").problem is not None
    memo.save()
    data = json.loads(path.read_text())
    assert data["valid"] == {"MIT AND LicenseRef-x": ["MIT", "LicenseRef-x"]}
    again = Memo(path)
    assert again.valid == data["valid"]
    assert again("MIT AND LicenseRef-x").keys == ("MIT", "LicenseRef-x")
    assert again.changed is False


def test_another_library_version_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    path.write_text(json.dumps({"license-expression": "other", "valid": {"Foo": ["Foo"]}}))
    assert Memo(path).valid == {}


def test_a_broken_memo_costs_time_only(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    path.write_text("{not json")
    memo = Memo(path)
    assert memo("MIT").problem is None
    memo.save()
    assert "MIT" in json.loads(path.read_text())["valid"]
    blocked = Memo(tmp_path / "file" / "memo.json")
    (tmp_path / "file").write_text("a file where a folder should be")
    blocked("Apache-2.0")
    blocked.save()  # nothing raised
