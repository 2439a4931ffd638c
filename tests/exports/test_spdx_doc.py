# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The spdx export, parsed and validated by spdx-tools (the SPDX project's own library)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from spdx_tools.spdx.model import Document
from spdx_tools.spdx.parser.parse_anything import parse_file
from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document

from tests.conftest import MINIMAL_TERMS, git
from tgpl_git.cli import main
from tgpl_git.exports.spdx_doc import FileEntry, render_spdx, verification_code
from tgpl_git.terms import load_terms

OVERRIDE = '\n[[overrides]]\npath = "vendor/**"\nterms = "none"\ncode-license = "MIT"\n'


def parsed(path: Path) -> Document:
    document = parse_file(str(path))
    problems = [m.validation_message for m in validate_full_spdx_document(document)]
    assert problems == []
    return document


def test_a_document_of_files_and_their_licences(project: Path, tmp_path: Path) -> None:
    (project / "ai-training.toml").write_text(MINIMAL_TERMS + OVERRIDE)
    terms = load_terms(project / "ai-training.toml")
    files = [
        FileEntry("src/a b.py", "a" * 40),
        FileEntry("vendor/lib.c", "b" * 40),
        FileEntry("LICENSES/GPL-3.0-or-later.txt", "c" * 40),
    ]
    tgpl = (project / "LICENSES/LicenseRef-TGPL-1.0.txt").read_text()
    text = render_spdx(terms, files, "2026-11-26T00:00:00Z", {"LicenseRef-TGPL-1.0": tgpl})
    out = tmp_path / "doc.spdx"
    out.write_text(text)
    document = parsed(out)
    concluded = {f.name: str(f.license_concluded) for f in document.files}
    assert concluded == {
        "./src/a b.py": "GPL-3.0-or-later AND LicenseRef-TGPL-1.0",
        "./vendor/lib.c": "MIT",
        "./LICENSES/GPL-3.0-or-later.txt": "NOASSERTION",
    }
    package = document.packages[0]
    assert str(package.license_declared) == "GPL-3.0-or-later AND LicenseRef-TGPL-1.0"
    expected = hashlib.sha1(("a" * 40 + "b" * 40 + "c" * 40).encode()).hexdigest()
    assert package.verification_code.value == expected == verification_code(files)
    [extracted] = document.extracted_licensing_info
    assert extracted.license_id == "LicenseRef-TGPL-1.0"
    assert "Training GPL" in extracted.extracted_text


def test_a_licence_text_missing_is_said(project: Path) -> None:
    from tgpl_git.errors import ConfigError

    terms = load_terms(project / "ai-training.toml")
    with pytest.raises(ConfigError, match=r"LicenseRef-TGPL-1\.0"):
        render_spdx(terms, [FileEntry("a.py", "a" * 40)], "2026-11-26T00:00:00Z", {})


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["-C", str(project), *args])
    return code, capsys.readouterr().out


def test_the_export_hashes_the_tracked_files_and_keeps_in_sync(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS + '\n[export]\n"site/files.spdx" = "spdx"\n'
    )
    (project / "main.py").write_text("print(1)\n")
    (project / "data.bin").write_bytes(bytes(range(256)))
    os.symlink("main.py", project / "link.py")
    git(project, "add", "-A")
    code, out = run(project, capsys, "check", "--only", "exports")
    assert code == 1 and "site/files.spdx: export-stale missing" in out
    assert run(project, capsys, "terms", "validate", "--sync")[0] == 1
    document = parsed(project / "site/files.spdx")
    checksums = {f.name: f.checksums[0].value for f in document.files}
    assert checksums["./data.bin"] == hashlib.sha1(bytes(range(256))).hexdigest()
    assert "./link.py" not in checksums and "./site/files.spdx" not in checksums
    git(project, "add", "-A")  # the document is tracked now, and left out of itself
    assert run(project, capsys, "terms", "validate", "--sync")[0] == 0  # the time aside, same
    assert run(project, capsys, "check", "--only", "exports")[0] == 0
    (project / "main.py").write_text("print(2)\n")
    code, out = run(project, capsys, "check", "--only", "exports")
    assert code == 1 and "out of date with the tracked files" in out
