# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The line limit init reads from a project's linters and formatters."""

from __future__ import annotations

from pathlib import Path

import pytest

from tgpl_git.init.line_limit import line_limit


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, None),
        # Black's own: flake8 at 80 (its B950 lets 88 through)
        ({".flake8": "[flake8]\nmax-line-length = 80\nselect = B,E,F,W,B9\n"}, 80),
        ({"setup.cfg": "[metadata]\nname = x\n[flake8]\nmax_line_length = 88\n"}, 88),
        ({"tox.ini": "[pycodestyle]\nmax-line-length = 79\n"}, 79),
        ({".flake8": "[flake8]\nmax-line-length = 120\n"}, None),  # the header fits
        ({"pyproject.toml": "[tool.pylint.format]\nmax-line-length = 99\n"}, 99),
        (
            {"pyproject.toml": '[tool.ruff]\nline-length = 79\n[tool.ruff.lint]\nselect = ["E"]\n'},
            79,
        ),
        ({"pyproject.toml": "[tool.ruff]\nline-length = 79\n"}, None),  # E501 is not selected
        # FastAPI: E selected, E501 ignored ("handled by black")
        ({"pyproject.toml": '[tool.ruff.lint]\nselect = ["E"]\nignore = ["E501"]\n'}, None),
        ({"pyproject.toml": "[tool.black]\nline-length = 79\n"}, None),  # Black leaves comments
        (
            {
                ".editorconfig": (
                    "root = true\n[*]\nmax_line_length = 100\n[*.md]\nmax_line_length = 60\n"
                )
            },
            100,
        ),
        # ktlint reads the limit of the Kotlin files' section
        ({".editorconfig": "[*]\nindent_size = 4\n[*.{kt,kts}]\nmax_line_length = 100\n"}, 100),
        ({".editorconfig": "[*.{md,txt}]\nmax_line_length = 72\n"}, None),
        ({".editorconfig": "max_line_length = 72\n"}, None),  # before any section
        # git's: its commit messages are prose, whatever the code's sections say
        (
            {".editorconfig": "[*.py]\nindent_size = 4\n[COMMIT_EDITMSG]\nmax_line_length = 72\n"},
            None,
        ),
        ({".editorconfig": "[{*.md,docs/*.rst,.git/MERGE_MSG}]\nmax_line_length = 72\n"}, None),
        ({".editorconfig": "[{*.{c,h},Makefile}]\nmax_line_length = 80\n"}, 80),
        ({".editorconfig": "[{*.md,*.py}]\nmax_line_length = 90\n"}, 90),
        ({".clang-format": "BasedOnStyle: Google\nIndentWidth: 2\n"}, 80),
        ({".clang-format": "BasedOnStyle: LLVM\nColumnLimit: 100\n"}, 100),
        ({".clang-format": "ColumnLimit: 80\nReflowComments: false\n"}, None),
        ({".clang-format": "BasedOnStyle: WebKit\n"}, None),
        ({".yamllint": "extends: default\n"}, 80),
        ({".yamllint.yaml": "extends: default\nrules:\n  line-length:\n    max: 100\n"}, 100),
        ({".yamllint": "rules:\n  line-length: disable\n"}, None),
        ({".yamllint": "rules:\n  line-length:\n    max: 80\n    level: warning\n"}, None),
        ({".yamllint": "extends: relaxed\n"}, None),
        ({".yamllint": "rules:\n  line-length: enable\n"}, 80),
        ({".yamllint": "rules:\n  truthy: disable\n"}, None),  # no rule, no default
        ({".yamllint": "rules: [\n"}, None),
        (
            {
                "config/checkstyle/checkstyle.xml": (
                    '<module name="Checker">\n  <module name="LineLength">\n'
                    '    <property name="fileExtensions" value="java"/>\n'
                    '    <property name="max" value="100"/>\n  </module>\n</module>\n'
                )
            },
            100,
        ),
        ({"checkstyle.xml": '<module name="Checker"><module name="LineLength"/></module>'}, 80),
        ({"checkstyle.xml": '<module name="Checker"><module name="Indentation"/></module>'}, None),
        # the lowest of several
        ({".flake8": "[flake8]\nmax-line-length = 99\n", ".clang-format": "{}\n"}, 80),
        # broken settings are no limit
        ({"setup.cfg": "[flake8\nmax-line-length = 80\n", "pyproject.toml": "[tool\n"}, None),
        ({".flake8": "[flake8]\nmax-line-length = 20\n"}, None),  # below any usable header
    ],
)
def test_line_limit(tmp_path: Path, files: dict[str, str], expected: int | None) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    found = line_limit(tmp_path)
    assert (found[0] if found else None) == expected
