# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Reading and parsing ``ai-training.toml``: file-system failures, syntax errors, line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tgpl_git.errors import ConfigError
from tgpl_git.terms.source import MAX_BYTES, LineIndex, parse, read_source


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "no such file (run `tgpl-git init`"),
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b'version = 1\nname = "caf\xe9"\n', ":2: not valid UTF-8 (byte 23)"),
        (b"\xff\xfev\x00", "not valid UTF-8"),
        (b"#" * (MAX_BYTES + 1), "larger than 1024 KiB"),
    ],
)
def test_unusable_files_raise_one_line_errors(
    tmp_path: Path, content: bytes | None, fragment: str
) -> None:
    path = tmp_path / "ai-training.toml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ConfigError) as info:
        read_source(path, "ai-training.toml")
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a directory"):
        read_source(tmp_path, "here")


def test_an_unreadable_path_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(ConfigError, match="cannot read: Not a directory"):
        read_source(tmp_path / "file" / "t.toml", "t.toml")


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_bytes(b"\xef\xbb\xbfversion = 1\n")
    assert parse(read_source(path, "t.toml"), "t.toml") == {"version": 1}


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("version = 1\n[terms\n", 2, 7),
        ("version = \n", 1, 11),
        ('a = "unterminated\n', 1, 18),
        ("a = 1\na = 2\n", 2, 6),
    ],
)
def test_syntax_errors_carry_line_and_column(text: str, line: int, column: int) -> None:
    with pytest.raises(ConfigError) as info:
        parse(text, "t.toml")
    (finding,) = info.value.findings
    assert finding.rule == "terms-syntax"
    assert (finding.path, finding.line, finding.column) == ("t.toml", line, column)
    assert "(at line" not in finding.message


LINES = """\
version = 1            # 1
[project]              # 2
name = "x"             # 3
[terms]                # 4
"code-license" = "MIT" # 5
conditions.weights-license = [  # 6
  "a = 1",
  "b",
]                      # 9
after = 1              # 10
[[overrides]]          # 11
path = "a"             # 12
[[overrides]]          # 13
path = '''b            # 14
c = 3'''
[overrides.conditions] # 16
weights-license = []   # 17
[ "headers" . styles ] # 18
"*.tpl" = "html"       # 19
'a.b' = { x = 1 }      # 20
"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("version",), 1),
        (("project",), 2),
        (("project", "name"), 3),
        (("terms", "code-license"), 5),
        (("terms", "conditions", "weights-license"), 6),
        (("terms", "conditions", "weights-license", 1), 6),
        (("terms", "after"), 10),
        (("overrides", 0), 11),
        (("overrides", 0, "path"), 12),
        (("overrides", 1, "path"), 14),
        (("overrides", 1, "conditions", "weights-license"), 17),
        (("headers", "styles", "*.tpl"), 19),
        (("headers", "styles", "a.b", "x"), 20),
        (("c",), None),
        (("overrides", 1, "c"), 13),
    ],
)
def test_line_index_finds_keys_as_toml_lays_them_out(path: tuple[object, ...], line: int) -> None:
    assert LineIndex(LINES).line_of(path) == line
