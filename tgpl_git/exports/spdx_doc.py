# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``spdx``: an SPDX 2.3 tag-value document of the repository's files and their licences.

Pure: the terms, the files (path and SHA-1) and the creation time in, the text
out; the command layer lists and hashes the files. One package, the project,
declared under the project's expression; each file concluded under the
expression its header states (what ``ai-training.toml`` says applies to it),
licence texts and sidecars under NOASSERTION. Every ``LicenseRef-`` is
carried as extracted text, as SPDX requires.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import NamedTuple
from urllib.parse import quote

from tgpl_git import __version__
from tgpl_git.errors import ConfigError
from tgpl_git.headers.context import is_licensing_file
from tgpl_git.terms import Terms
from tgpl_git.terms.spdx import LICENSE_REF, check_expression

SPEC = "SPDX-2.3"
CREATED_TAG = "Created: "


class FileEntry(NamedTuple):
    """A tracked file: its path (with ``/``) and the SHA-1 of its bytes."""

    path: str
    sha1: str


def verification_code(files: Sequence[FileEntry]) -> str:
    """SPDX's package verification code: SHA-1 of the files' sorted SHA-1s, concatenated."""
    return hashlib.sha1("".join(sorted(f.sha1 for f in files)).encode()).hexdigest()


def _text(value: str) -> str:
    # Multi-line values go between <text> tags, which the value itself cannot close.
    return "<text>" + value.replace("</text>", "< /text>") + "</text>"


def _namespace(terms: Terms, code: str) -> str:
    # Unique per file set, and the same each time for the same files (drift is judged on it).
    base = (terms.project.website or terms.project.repository or "").split("#")[0].rstrip("/")
    base = (
        f"{base}/spdx" if base.startswith(("https://", "http://")) else "https://spdx.org/spdxdocs"
    )
    return f"{base}/{quote(terms.project.name, safe='')}-{code}"


def render_spdx(
    terms: Terms,
    files: Sequence[FileEntry],
    created: str,
    texts: Mapping[str, str],
    excluded: Sequence[str] = (),
) -> str:
    """The document; ``texts`` holds the text of each ``LicenseRef-`` the files use,
    ``excluded`` the tracked files left out of it (the document itself)."""
    code = verification_code(files)
    project = terms.project_terms().expression
    holder = terms.headers.holder or f"The {terms.project.name} Authors"
    download = f"git+{terms.project.repository}" if terms.project.repository else "NOASSERTION"
    excludes = f" (excludes: {' '.join('./' + p for p in excluded)})" if excluded else ""
    out = [
        f"SPDXVersion: {SPEC}",
        "DataLicense: CC0-1.0",
        "SPDXID: SPDXRef-DOCUMENT",
        f"DocumentName: {terms.project.name}",
        f"DocumentNamespace: {_namespace(terms, code)}",
        f"Creator: Tool: tgpl-git-{__version__}",
        f"{CREATED_TAG}{created}",
        "DocumentComment: "
        + _text("Generated from ai-training.toml and the tracked files by tgpl-git."),
        "",
        f"PackageName: {terms.project.name}",
        "SPDXID: SPDXRef-Package",
        f"PackageDownloadLocation: {download}",
        "FilesAnalyzed: true",
        f"PackageVerificationCode: {code}{excludes}",
        "PackageLicenseConcluded: NOASSERTION",
        f"PackageLicenseDeclared: {project}",
        f"PackageCopyrightText: {_text(holder)}",
        "PackageComment: "
        + _text(
            f"AI training on these files: {terms.terms.training} under {terms.terms.license}; "
            "the terms are declared in ai-training.toml."
        ),
        "Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package",
    ]
    used: set[str] = set()
    for number, entry in enumerate(sorted(files), 1):
        if is_licensing_file(entry.path):
            expression = "NOASSERTION"
        else:
            expression = terms.effective_terms(entry.path).expression
            used.update(k for k in check_expression(expression).keys if LICENSE_REF.match(k))
        out += [
            "",
            f"FileName: ./{entry.path}",
            f"SPDXID: SPDXRef-File-{number}",
            f"FileChecksum: SHA1: {entry.sha1}",
            f"LicenseConcluded: {expression}",
            "Relationship: SPDXRef-Package CONTAINS " + f"SPDXRef-File-{number}",
        ]
    missing = sorted(used - set(texts))
    if missing:
        raise ConfigError(f"the spdx export carries the text of {missing[0]}: none at LICENSES/")
    for identifier in sorted(used):
        first_line = texts[identifier].strip().splitlines()[0] if texts[identifier].strip() else ""
        out += [
            "",
            f"LicenseID: {identifier}",
            f"ExtractedText: {_text(texts[identifier])}",
            f"LicenseName: {first_line or identifier}",
        ]
    return "\n".join(out) + "\n"


def without_created(text: str) -> str:
    """The document less its creation time: what drift is judged on."""
    return "\n".join(line for line in text.split("\n") if not line.startswith(CREATED_TAG))
