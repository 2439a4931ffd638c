# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Files that tests read or compare as they are keep no header, unless asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import git
from tgpl_git.cli import main
from tgpl_git.headers import testdata
from tgpl_git.headers.testdata import EXPECTED, TEST_DATA


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        # home-manager compares generated configurations with these, byte for byte
        ("tests/modules/misc/gtk/gtk3-expected.ini", EXPECTED),
        ("tests/modules/programs/git/expected.conf", EXPECTED),
        ("scripts/tests/data/translated_doc_expected.md", EXPECTED),  # FastAPI
        ("test/cases/promote.t/a.expected", EXPECTED),  # dune
        ("t/unit-tests/clar/test/expected/help", EXPECTED),  # git
        ("internal/printer/testdata/comments.golden", TEST_DATA),  # Go
        ("golden/out.json", EXPECTED),
        ("src/__snapshots__/render.test.ts.snap", EXPECTED),
        ("tests/Report.approved.txt", EXPECTED),
        ("syntax/typedjson/testdata/roundtrip/file.sh", TEST_DATA),  # mvdan/sh
        ("test/fixtures/broken_front_matter.erb", TEST_DATA),  # Jekyll
        ("packages/babel-parser/test/fixtures/es2015/input.js", TEST_DATA),
        ("src/__testfixtures__/rename.input.js", TEST_DATA),  # jscodeshift
        ("tests/test_data/config.yaml", TEST_DATA),
        ("src/unexpected.py", None),
        ("src/expectedValues.ts", None),
        ("docs/golden-rules.md", None),
        ("lib/approved_list.rb", None),
        ("tests/fixtures.py", None),  # a module of fixtures, not a folder of them
        ("src/testdata_loader.go", None),
        # the tests themselves
        ("tests/exports/test_golden.py", None),
        ("src/expected_test.go", None),
        ("src/golden.spec.ts", None),
    ],
)
def test_known_by_the_path(path: str, reason: str | None) -> None:
    assert testdata.test_data(path) == reason


def test_skipped_unless_annotated_on_request(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    files = {"tests/expected.conf": "key = value\n", "testdata/round.sh": "echo hi\n"}
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    git(project, "add", "-A")
    main(["headers", "--all", "-v"])
    out = capsys.readouterr().out
    assert f"skipped tests/expected.conf: {EXPECTED}\n" in out
    assert f"skipped testdata/round.sh: {TEST_DATA}\n" in out
    assert all((project / name).read_text() == text for name, text in files.items())

    terms = (project / "ai-training.toml").read_text()
    (project / "ai-training.toml").write_text(terms + '\n[headers]\ntest-data = "annotate"\n')
    main(["headers", "--all"])
    assert all("SPDX-License-Identifier" in (project / name).read_text() for name in files)
