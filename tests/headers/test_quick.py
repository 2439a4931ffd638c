# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The short ways for current headers and plainly missing ones: when they answer, and when
they leave the engine to."""

from __future__ import annotations

import pytest

from tests.headers.conftest import SPEC, header
from tgpl_git.headers.engine import examine, plainly_missing
from tgpl_git.headers.quick import is_current
from tgpl_git.headers.styles import STYLES

H = header("hash")


@pytest.mark.parametrize(
    ("data", "complete", "expected"),
    [
        (H + "\nx = 1\n", True, True),
        (H + "x = 1\n", True, True),
        (header("hash", year="2019-2024") + "x\n", True, True),
        (header("hash", year="1066") + "x\n", True, False),  # not a valid year: the engine says so
        ("#!/bin/sh\n" + H, True, False),  # a prolog: the engine places the header
        (H.replace("\n", "\r\n"), True, False),  # CRLF: the engine checks the endings
        (H + "# SPDX-FileCopyrightText: 2020 Jane\n", True, False),  # another holder
        (H + "\n" + H, True, False),  # a duplicate
        (H + "# more comments\n", False, False),  # comments run past the head
        (H + "# more comments\nx = 1\n", False, True),
        (H + "x = '\xe9'\n", True, True),
        ("\ufeff" + H, True, False),
    ],
)
def test_is_current(data: str, complete: bool, expected: bool) -> None:
    assert is_current(data.encode(), complete, STYLES["hash"], SPEC) is expected


def test_styles_with_wrapper_lines_always_take_the_engine() -> None:
    php = header("php-html") + "<p/>\n"
    assert is_current(php.encode(), True, STYLES["php-html"], SPEC) is False


# REUSE-IgnoreStart: header lines below are data, not this file's licence.
@pytest.mark.parametrize(
    ("style", "data", "expected"),
    [
        ("hash", "x = 1\n", True),
        ("c", "int x;\n// SPDX-License-Identifier: MIT\n", True),  # below code: not a header
        ("html", "<p>text</p>\n", True),
        ("hash", "# a comment\nx = 1\n", False),  # a comment zone: the engine reads it
        ("c", "/* a block */\nint x;\n", False),
        ("hash", "\nx = 1\n", False),  # a blank first line
        ("hash", "   \nx = 1\n", False),
        ("hash", "x = 1  # SPDX-License-Identifier: MIT\n", False),
        ("hash", "#!/bin/sh\necho\n", False),  # a prolog
        ("c", "//go:build linux\npackage main\n", False),
        ("html", "---\ntitle: x\n---\n", False),
        ("hash", "x = 1\r\n", False),  # line endings: the engine checks them
        ("hash", "x = '\xe9'\n", False),  # not ASCII: the engine decodes it
        ("hash", "\ufeffx = 1\n", False),
        ("hash", "x = 1", False),  # no complete line
        ("php", "echo 1;\n", False),
        ("hash", "", False),
    ],
)
def test_plainly_missing(style: str, data: str, expected: bool) -> None:
    head = data.encode()
    assert plainly_missing(head, STYLES[style], SPEC) is expected
    if expected:
        slow = examine(head, True, STYLES[style], SPEC, quick=False)
        assert (slow.rule, slow.line) == ("header-missing", 1)
