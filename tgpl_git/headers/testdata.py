# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Files that tests read or compare as they are, known by their paths.

A header in one changes what the test sees: an expected output no longer matches
what the code writes (home-manager compares 309 generated configurations with
such files, byte for byte), and an input renders, parses or round-trips to
something else (Jekyll's test site, mvdan/sh's `testdata/roundtrip/file.sh`).
"""

from __future__ import annotations

import functools
import re

EXPECTED = "test expectation (compared byte for byte)"
TEST_DATA = "test data (tests read it as it is)"


# Expected output: a file or folder named "expected" as a word (`expected.conf`,
# `foo-expected.toml`, `b.expected`, `expected/help`) or "golden" (`x.golden`, `golden/`,
# not `golden-rules.md`), Jest's and Vitest's `__snapshots__`, ApprovalTests'
# `Name.approved.txt`; but not the tests themselves (test_golden.py, expected_test.go,
# golden.spec.ts). Test data: Go's `testdata/` (the go tool leaves it to the tests), and
# the fixture folders of most other test frameworks. (Compiled when a path first has one
# of the words: most runs never need them, and each start would pay.)
@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    expected = re.compile(
        r"(?:^|/)__snapshots__/|\.approved\.[^/]*$"
        r"|(?:^|[/_.-])(?:expected(?:[/_.-]|$)|golden(?:[/.]|$))",
        re.IGNORECASE,
    )
    test_source = re.compile(r"test[_.-]|.*[_.-](?:test|spec)\.\w+$", re.IGNORECASE)
    data_folder = re.compile(
        r"(?:^|/)(?:testdata|test[-_]data|fixtures|__fixtures__|__testfixtures__)/",
        re.IGNORECASE,
    )
    return expected, test_source, data_folder


def test_data(path: str) -> str | None:
    """Why ``path`` is read by tests as it is (expected output, or test data), if it is."""
    # Asked of every file that needs a header: plain searches first (a tenth of the
    # patterns' cost), the patterns only for the few paths that have one of the words.
    lowered = path.lower()
    if (
        "fixtures" in lowered
        or "testdata" in lowered
        or "test-data" in lowered
        or "test_data" in lowered
    ) and _patterns()[2].search(path):
        return TEST_DATA
    if not (
        "expected" in lowered
        or "golden" in lowered
        or "__snapshots__" in lowered
        or ".approved." in lowered
    ):
        return None
    expected, test_source, _ = _patterns()
    if expected.search(path) is None or test_source.match(path.rpartition("/")[2]):
        return None
    return EXPECTED
