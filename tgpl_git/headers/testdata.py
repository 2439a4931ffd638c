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

import re

EXPECTED = "test expectation (compared byte for byte)"
TEST_DATA = "test data (tests read it as it is)"

# Expected output: a file or folder named "expected" as a word (`expected.conf`,
# `foo-expected.toml`, `b.expected`, `expected/help`) or "golden" (`x.golden`, `golden/`,
# not `golden-rules.md`), Jest's and Vitest's `__snapshots__`, ApprovalTests'
# `Name.approved.txt`.
_EXPECTED = re.compile(
    r"(?:^|/)__snapshots__/|\.approved\.[^/]*$"
    r"|(?:^|[/_.-])(?:expected(?:[/_.-]|$)|golden(?:[/.]|$))",
    re.IGNORECASE,
)
# ... but not the tests themselves (test_golden.py, expected_test.go, golden.spec.ts).
_TEST_SOURCE = re.compile(r"test[_.-]|.*[_.-](?:test|spec)\.\w+$", re.IGNORECASE)
# Test data: Go's `testdata/` (the go tool leaves it to the tests), and the fixture
# folders of most other test frameworks.
_DATA_FOLDER = re.compile(
    r"(?:^|/)(?:testdata|test[-_]data|fixtures|__fixtures__|__testfixtures__)/", re.IGNORECASE
)


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
    ) and _DATA_FOLDER.search(path):
        return TEST_DATA
    if not (
        "expected" in lowered
        or "golden" in lowered
        or "__snapshots__" in lowered
        or ".approved." in lowered
    ):
        return None
    if _EXPECTED.search(path) is None or _TEST_SOURCE.match(path.rpartition("/")[2]):
        return None
    return EXPECTED
