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
    data = json.loads(path.read_text())["libraries"][memo.version]
    assert data == {"MIT AND LicenseRef-x": ["MIT", "LicenseRef-x"]}
    again = Memo(path)
    assert again.valid == data
    assert again("MIT AND LicenseRef-x").keys == ("MIT", "LicenseRef-x")
    assert again.changed is False


def test_another_library_version_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    path.write_text(json.dumps({"libraries": {"other": {"Foo": ["Foo"]}}}))
    assert Memo(path).valid == {}
    # the format of earlier versions is no memo either
    path.write_text(json.dumps({"license-expression": "x", "valid": {"Foo": ["Foo"]}}))
    assert Memo(path).valid == {}


def test_installations_keep_their_own_lists(tmp_path: Path) -> None:
    # pre-commit's environment and the project's own, in turn: neither undoes the other.
    path = tmp_path / "memo.json"
    path.write_text(json.dumps({"libraries": {"pre-commit env": {"MIT": ["MIT"]}}}))
    memo = Memo(path)
    memo("Apache-2.0")
    memo.save()
    libraries = json.loads(path.read_text())["libraries"]
    assert libraries["pre-commit env"] == {"MIT": ["MIT"]}
    assert libraries[memo.version] == {"Apache-2.0": ["Apache-2.0"]}
    # only the last few installations are kept, the latest last
    many = {f"env {i}": {"MIT": ["MIT"]} for i in range(10)}
    path.write_text(json.dumps({"libraries": many}))
    memo = Memo(path)
    memo("ISC")
    memo.save()
    kept = list(json.loads(path.read_text())["libraries"])
    assert kept == ["env 7", "env 8", "env 9", memo.version]


def test_a_broken_memo_costs_time_only(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    path.write_text("{not json")
    memo = Memo(path)
    assert memo("MIT").problem is None
    memo.save()
    assert "MIT" in json.loads(path.read_text())["libraries"][memo.version]
    blocked = Memo(tmp_path / "file" / "memo.json")
    (tmp_path / "file").write_text("a file where a folder should be")
    blocked("Apache-2.0")
    blocked.save()  # nothing raised
