# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Every built export of one rich terms file, byte for byte against the files beside it.

After an intended change of an export, regenerate them with
``TGPL_GOLDEN=write python -m pytest tests/exports/test_golden.py`` and read the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tgpl_git.exports import RENDERERS, render
from tgpl_git.terms import load_terms

CORPUS = REPO_ROOT / "tests" / "corpus" / "exports"
SUFFIX = {"markdown": "md", "aipref": "txt", "robots": "txt", "rsl": "xml"}  # others: JSON


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_export_matches_its_golden_file(project: Path, fmt: str) -> None:
    shutil.copy(CORPUS / "ai-training.toml", project / "ai-training.toml")
    (project / "LICENSES" / "MIT.txt").write_text("MIT")
    text = render(fmt, load_terms(project / "ai-training.toml")) or ""
    golden = CORPUS / f"expected.{fmt}.{SUFFIX.get(fmt, 'json')}"
    if os.environ.get("TGPL_GOLDEN") == "write":
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text


def test_spdx_matches_its_golden_file(project: Path) -> None:
    from tgpl_git.exports.spdx_doc import FileEntry, render_spdx

    shutil.copy(CORPUS / "ai-training.toml", project / "ai-training.toml")
    (project / "LICENSES" / "MIT.txt").write_text("MIT")
    files = [
        FileEntry(path, f"{n:040x}")
        for n, path in enumerate(
            ["src/main.c", "docs/guide.md", "vendor/zlib/inflate.c", "assets/photos/a.jpg"]
        )
    ]
    texts = {"LicenseRef-TGPL-1.0": "Training GPL, version 1.0 (a stand-in text)\n"}
    terms = load_terms(project / "ai-training.toml")
    text = render_spdx(terms, files, "2026-11-26T00:00:00Z", texts, ["site/files.spdx"])
    golden = CORPUS / "expected.spdx.spdx"
    if os.environ.get("TGPL_GOLDEN") == "write":
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
