# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""What ``init`` can learn from a repository before asking anything: the code's licence,
its texts, the project's name and home, third-party folders, the CI in use.

This is the reading edge: git and files in, one ``Detected`` record out.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from identify.identify import tags_from_filename

from tgpl_git import git
from tgpl_git.errors import GitError
from tgpl_git.fsio import read_if_there
from tgpl_git.init.licenses import (
    base_id,
    copyright_lines,
    holder,
    project_holder,
    recognise,
    recognise_notice,
    spdx_id,
)
from tgpl_git.init.line_limit import line_limit
from tgpl_git.init.terms_text import ThirdParty
from tgpl_git.terms import spdx

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

# LICENSE, LICENCE.md, COPYING, COPYING.LESSER, LICENSE-MIT, MIT-LICENSE (Rails'
# convention), UNLICENSE: licence files. Not a list of the notices of bundled code
# (LICENSE-3RD-PARTY.txt, THIRD_PARTY_LICENSES): the folder holding one is not itself
# third-party.
LICENSE_NAME = re.compile(
    r"(?![^/]*(?:3rd|third)[-_. ]?part)(?:[\w.+]+[-_])?(?:(?:UN)?LICEN[CS]E|COPYING)"
    r"(?:[-.][^/]*)?\Z",
    re.IGNORECASE,
)
# A licence's text named after it, as some projects ship it at the top when they have no
# licence file: Clojure's epl-v10.html, gpl-3.0.txt, apache-2.0.md.
_NAMED_AFTER = re.compile(
    r"(?:[AL]?GPL|EPL|MPL|CDDL|EUPL|APACHE)[-_]?V?\d[\d.]*(?:\.(?:txt|md|html?))?\Z",
    re.IGNORECASE,
)
LICENSING_NAME = re.compile(r"(?:LICEN[CS]E|COPYING)(?:[-.][^/]*)?\Z")
_NOTICE_NAME = re.compile(r"NOTICE(?:\.(?:txt|md))?\Z", re.IGNORECASE)
_CHOICE_NAME = re.compile(r"(?:LICEN[CS]E-|UNLICEN[CS]E)", re.IGNORECASE)
MAX_TEXT = 512 * 1024  # a licence text is tens of KiB; a larger file is something else
# Written in two parts so that REUSE does not read this file's own source as a header.
_TAG = "-".join(("SPDX", "License", "Identifier:"))
_IGNORE = ("REUSE-" + "IgnoreStart", "REUSE-" + "IgnoreEnd")
_SNIPPET = ("SPDX-" + "SnippetBegin", "SPDX-" + "SnippetEnd")
_SPDX_LINE = re.compile(_TAG.encode() + rb"[ \t]*([^\r\n]*)")
_CLOSERS = re.compile(r"\s*(?:\*/|-->|\*\)|-\}|#\}|%>|\}\}|\])\s*$")


@dataclass(frozen=True)
class LicenseText:
    """A licence file of the project: where, what it is, its bytes."""

    path: str
    base: str | None  # recognised base id (GPL-3.0, MIT), None if not recognised
    data: bytes
    notice: bool = False  # names the licence without its text: nothing to copy


@dataclass(frozen=True)
class Detected:
    """Everything ``init`` found out on its own."""

    name: str
    repository: str | None
    user_name: str | None
    head: str | None
    tracked: tuple[str, ...]
    texts: tuple[LicenseText, ...]  # licence files at the top of the repository
    # beside them, texts named after their licence: of some part (git's LGPL-2.1), whose
    # text a header may ask for, but not the project's licence
    part_texts: tuple[LicenseText, ...]
    declared: tuple[tuple[str, str], ...]  # (expression, which manifest says it)
    in_headers: tuple[tuple[str, str], ...]  # the most common SPDX header expression
    header_keys: tuple[str, ...]  # every licence id that a file's SPDX header names
    third_party: tuple[ThirdParty, ...]
    third_party_texts: dict[str, bytes] = field(default_factory=dict)  # their licence texts, by id
    platforms: tuple[str, ...] = ()
    line_limit: tuple[int, str] | None = None  # the longest line the linters allow, and where


def detect(root: Path) -> Detected:
    """Read the repository at ``root``."""
    tracked = tuple(git.tracked_files(root))
    top = [p for p in tracked if "/" not in p]
    # A text named after its licence is the project's only when no licence file is there
    # (Clojure's epl-v10.html); beside one, it is the licence of some part (git's LGPL-2.1).
    texts = tuple(_texts(root, [p for p in top if _licence_file(p)]))
    named_after = tuple(_texts(root, [p for p in top if _NAMED_AFTER.match(p)]))
    texts, parts = (texts, named_after) if texts else (named_after, ())
    manifests = _manifests(root)
    third_party, refs = _third_party(root, tracked, texts)
    in_headers, header_keys = _header_expressions(root, third_party)
    remote = _remote(root)
    return Detected(
        name=manifests.name or root.name,
        repository=remote or manifests.repository,
        user_name=_config(root, "user.name"),
        head=_head(root),
        tracked=tracked,
        texts=texts,
        part_texts=parts,
        declared=tuple(manifests.licenses),
        in_headers=tuple(in_headers),
        header_keys=header_keys,
        third_party=third_party,
        third_party_texts=refs,
        platforms=_platforms(root, remote),
        line_limit=line_limit(root),
    )


def text_for(detected: Detected, license_id: str) -> bytes | None:
    """A text of ``license_id`` the project has (GPL-3.0-or-later is the GPL-3.0 text):
    its own licence file's, else a text at the top named after it, else a third-party
    folder's."""
    base = base_id(license_id)
    own = (t for t in (*detected.texts, *detected.part_texts) if t.base == base and not t.notice)
    bundled = (data for key, data in detected.third_party_texts.items() if base_id(key) == base)
    return (
        next((t.data for t in own), None)
        or detected.third_party_texts.get(license_id)
        or next(bundled, None)
    )


def license_from_texts(texts: Sequence[LicenseText], or_later: bool = False) -> str | None:
    """The code licence the top-level licence files say, as one SPDX expression."""
    bases = {t.base for t in texts if t.base}
    # COPYING (the GPL) beside COPYING.LESSER: the LGPL builds on the GPL text it ships with.
    for lesser, full in (("LGPL-3.0", "GPL-3.0"), ("LGPL-2.1", "GPL-2.0")):
        if lesser in bases:
            bases.discard(full)
    ids = sorted(spdx_id(b, or_later) for b in bases)
    # LICENSE-MIT beside LICENSE-APACHE (or UNLICENSE) is the convention of a choice
    # between them; otherwise several texts all apply.
    names = [t.path.rpartition("/")[2] for t in texts if t.base]
    choice = len(ids) > 1 and all(_CHOICE_NAME.match(n) for n in names)
    return (" OR " if choice else " AND ").join(ids) if ids else None


def holder_from_texts(texts: Sequence[LicenseText]) -> tuple[str, str] | None:
    """The one copyright holder the top-level licence files name, and the file naming it
    (MIT and BSD texts open with the statement); None when they name none or several."""
    named = []
    for text in texts:
        words = text.data.decode("utf-8", "replace")
        who = project_holder(words)
        if who:
            named.append((who, text.path))
        elif copyright_lines(words):  # several, or one that runs on: no guess
            return None
    return named[0] if len({holder(who) for who, _ in named}) == 1 else None


def _licence_file(name: str) -> bool:
    """Whether a file's name makes it a licence file: a LICENSE_NAME, and no source code
    (Chocolatey's infrastructure/licensing/License.cs is a class; identify tags the
    names of licence files, whatever their extension, as plain text)."""
    if not LICENSE_NAME.match(name):
        return False
    tags = tags_from_filename(name)
    return not tags or "plain-text" in tags


def _read(root: Path, path: str) -> bytes | None:
    data = read_if_there(root / path, MAX_TEXT + 1)
    return data if data is not None and len(data) <= MAX_TEXT else None


def _texts(root: Path, paths: Sequence[str]) -> list[LicenseText]:
    found = []
    for path in sorted(paths):
        data = _read(root, path)
        if data is not None:
            text = data.decode("utf-8", "replace")
            base = recognise(text)
            notice = base is None and (base := recognise_notice(text)) is not None
            found.append(LicenseText(path, base, data, notice))
    return found


@dataclass
class _Manifests:
    name: str | None = None
    repository: str | None = None
    licenses: list[tuple[str, str]] = field(default_factory=list)


def _manifests(root: Path) -> _Manifests:
    """``license``, ``name`` and repository fields of pyproject.toml, Cargo.toml,
    package.json, composer.json, and the licence and name of a *.gemspec or *.cabal."""
    found = _Manifests()
    for file, table in (("pyproject.toml", "project"), ("Cargo.toml", "package")):
        data = _read(root, file)
        try:
            doc = tomllib.loads(data.decode("utf-8")) if data else {}
        except (UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        section = doc.get(table)
        if isinstance(section, dict):
            _take(found, file, section.get("name"), section.get("license"))
            urls = section.get("urls")
            urls = urls if isinstance(urls, dict) else {}
            for key in ("repository", "Repository", "Source", "source"):
                value = section.get(key) if table == "package" else urls.get(key)
                if isinstance(value, str) and not found.repository:
                    found.repository = value
    for file in ("package.json", "composer.json"):
        data = _read(root, file)
        try:
            package: Any = json.loads(data) if data else {}
        except ValueError:
            package = {}
        if isinstance(package, dict):
            _take(found, file, package.get("name"), package.get("license"))
            repository = package.get("repository")  # npm
            if isinstance(repository, dict):
                repository = repository.get("url")
            support = package.get("support")  # Composer
            if isinstance(support, dict) and not repository:
                repository = support.get("source")
            if isinstance(repository, str) and not found.repository:
                found.repository = repository
    for path in sorted(root.glob("*.gemspec")):  # s.license = 'MIT', s.licenses = [...]
        text = _text(root, path.name)
        name = _GEM_NAME.search(text)
        licenses = [v for m in _GEM_LICENSE.finditer(text) for v in _QUOTED.findall(m[1])]
        _take(found, path.name, name and name[1], licenses or None)
    for path in sorted(root.glob("*.cabal")):  # license: GPL-2.0-or-later (SPDX since 2.2)
        text = _text(root, path.name)
        name, license_ = _CABAL_NAME.search(text), _CABAL_LICENSE.search(text)
        _take(found, path.name, name and name[1], license_ and license_[1].strip())
    return found


_QUOTED = re.compile(r"[\"']([^\"'\n]+)[\"']")
_GEM_NAME = re.compile(r"\.name\s*=\s*[\"']([^\"'\n]+)[\"']")
_GEM_LICENSE = re.compile(r"\.licen[sc]es?\s*=\s*(\[[^\]]*\]|[\"'][^\"'\n]*[\"'])")
_CABAL_NAME = re.compile(r"(?im)^name\s*:\s*(\S+)")
_CABAL_LICENSE = re.compile(r"(?im)^license\s*:[ \t]*(\S[^\n]*)")


def _text(root: Path, path: str) -> str:
    return (_read(root, path) or b"").decode("utf-8", "replace")


def _take(found: _Manifests, file: str, name: object, license_: object) -> None:
    if isinstance(name, str) and name.strip() and not found.name:
        found.name = name.strip()
    if isinstance(license_, dict):  # pyproject's older {text = "MIT"}
        license_ = license_.get("text")
    if isinstance(license_, list) and license_ and all(isinstance(x, str) for x in license_):
        license_ = " OR ".join(license_)  # Composer's and gemspec's list: a choice
    if isinstance(license_, str) and not spdx.check_expression(license_.strip()).problem:
        found.licenses.append((license_.strip(), f"{file} license"))


def _header_expressions(
    root: Path, third_party: Sequence[ThirdParty]
) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    """The most common ``SPDX-License-Identifier`` in the project's own files (if any),
    and every licence id the headers of any file name (their texts must be in LICENSES/)."""
    found = _grep(root, _TAG)
    ignored = _spans(root, *_IGNORE) if found else {}
    # A snippet copied from elsewhere (oh-my-zsh's history-substring-search.zsh quotes
    # BSD-3-Clause code) needs its licence's text, but does not declare the project's.
    snippets = _spans(root, *_SNIPPET) if found else {}
    skip = tuple(f"{p.folder}/" for p in third_party)
    own: Counter[str] = Counter()
    every: set[str] = set()
    for name, number, line in found:
        match = _SPDX_LINE.search(line)
        if not match or name.startswith("LICENSES/"):
            continue
        if any(first <= number <= last for first, last in ignored.get(name, ())):
            continue
        value = _CLOSERS.sub("", match.group(1).decode("utf-8", "replace")).strip()
        every.add(value)
        in_snippet = any(first <= number <= last for first, last in snippets.get(name, ()))
        if not name.startswith(skip) and not in_snippet:
            own[value] += 1
    # As written: REUSE wants each id's text under the name the header gives it.
    keys = {
        k
        for value in every
        if spdx.check_expression(value).keys
        for k in spdx.ids_as_written(value)
    }
    for value, n in own.most_common():
        if value and not spdx.check_expression(value).problem:
            return [(value, f"SPDX headers ({n} file{'s' if n != 1 else ''})")], tuple(sorted(keys))
    return [], tuple(sorted(keys))


def _spans(root: Path, start: str, end: str) -> dict[str, list[tuple[int, float]]]:
    """Per file, the (first, last) line spans from a line with ``start`` to the next with
    ``end``: what REUSE does not read for licensing (REUSE-IgnoreStart ... End, as a test
    quoting a header has), or a snippet (SPDX-SnippetBegin ... End). A span left open
    runs to the end of the file, as REUSE reads it."""
    spans: dict[str, list[tuple[int, float]]] = {}
    opened: dict[str, int] = {}
    for name, number, line in _grep(root, start, end):
        if start.encode() in line:
            opened.setdefault(name, number)
        elif name in opened:
            spans.setdefault(name, []).append((opened.pop(name), number))
    for name, first in opened.items():
        spans.setdefault(name, []).append((first, float("inf")))
    return spans


def _grep(root: Path, *patterns: str) -> list[tuple[str, int, bytes]]:
    """Every tracked text line with one of ``patterns``: (path, line number, line)."""
    args = ["grep", "-I", "-z", "-n", "--no-color"]
    try:
        out = git.run([*args, *(f"-e{p}" for p in patterns)], root)
    except GitError:  # exit 1: no line has them
        return []
    found = []
    for record in out.split(b"\n"):
        path, _, rest = record.partition(b"\0")
        number, _, line = rest.partition(b"\0")
        if number:
            found.append((os.fsdecode(path), int(number), line))
    return found


def _third_party(
    root: Path, tracked: Sequence[str], top: Sequence[LicenseText]
) -> tuple[tuple[ThirdParty, ...], dict[str, bytes]]:
    """Folders below the top that ship a licence file of their own. Not third-party: the
    packages of a monorepo, whose licence file is a copy of the project's or names the
    same licence and the project's copyright holder (Vite's packages/vite/LICENSE.md,
    its MIT text followed by the licences of the code it bundles; Chocolatey's
    src/chocolatey.resources/LICENSE.txt, the Apache notice with the holders of its
    NOTICE file: an Apache project names its holders there, not in the licence text)."""
    own = {t.data for t in top}
    bases = {t.base for t in top if t.base}
    statements = [line for t in top for line in _copyrights(t)]
    for path in tracked:
        if "/" not in path and _NOTICE_NAME.match(path):
            statements += copyright_lines(_text(root, path))
    ours = {(base, holder(line)) for base in bases for line in statements}
    by_folder: dict[str, list[str]] = {}
    for path in tracked:
        folder, _, name = path.rpartition("/")
        if folder and not path.startswith("LICENSES/") and _licence_file(name):
            by_folder.setdefault(folder, []).append(path)
    parties: list[ThirdParty] = []
    refs: dict[str, bytes] = {}
    for folder in sorted(by_folder, key=lambda f: (f.count("/"), f)):
        if any(folder.startswith(f"{p.folder}/") for p in parties):
            continue  # inside a third-party folder already found
        texts = _texts(root, by_folder[folder])
        # docs/license.rst is a page about the licence: an unknown text counts only
        # under the names REUSE itself treats as licence files (upper case).
        texts = [t for t in texts if t.base or LICENSING_NAME.match(t.path.rpartition("/")[2])]
        if not texts or any(t.data in own for t in texts):
            continue
        # The project's licence again in another form (Chocolatey's installer shows the
        # Apache text as RTF): as with a byte-for-byte copy, no holder tells them apart.
        if all(t.base in bases and not t.notice and not _copyrights(t) for t in texts):
            continue
        if ours and all(any((t.base, holder(c)) in ours for c in _copyrights(t)) for t in texts):
            continue
        expression = license_from_texts(texts)
        words = b"\n".join(t.data for t in texts).decode("utf-8", "replace")
        if expression is None or any(t.base is None for t in texts):
            # Not a text we know: copied as the folder's own licence, never guessed.
            expression = "LicenseRef-" + re.sub(r"[^A-Za-z0-9.]+", "-", folder).strip("-")
            refs[expression] = texts[0].data
        else:
            for text in texts:
                assert text.base is not None
                if not text.notice:
                    refs.setdefault(spdx_id(text.base), text.data)
        parties.append(
            ThirdParty(folder, expression, texts[0].path, tuple(copyright_lines(words)[:5]))
        )
    return tuple(parties), refs


def _copyrights(text: LicenseText) -> list[str]:
    return copyright_lines(text.data.decode("utf-8", "replace"))


def _remote(root: Path) -> str | None:
    url = _config(root, "remote.origin.url")
    if not url:
        return None
    # git@github.com:owner/name.git -> https://github.com/owner/name.git
    scp = re.fullmatch(r"[\w.-]+@([\w.-]+):(?!/)(.+)", url)
    if scp:
        url = f"https://{scp.group(1)}/{scp.group(2)}"
    url = re.sub(r"\Assh://[\w.-]+@", "https://", url)
    url = re.sub(r"\A(https?://)[^/@]+@", r"\1", url)  # never write credentials
    return url if re.match(r"https?://", url) else None


def _config(root: Path, key: str) -> str | None:
    try:
        value = git.run(["config", "--get", key], root).decode("utf-8", "replace").strip()
    except GitError:
        return None
    return value or None


def _head(root: Path) -> str | None:
    try:
        return git.run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], root).decode().strip()
    except GitError:
        return None  # no commits yet


def _platforms(root: Path, remote: str | None) -> tuple[str, ...]:
    found = []
    if (root / ".github").is_dir() or (remote and "github" in remote):
        found.append("github")
    if (root / ".gitlab-ci.yml").exists() or (remote and "gitlab" in remote):
        found.append("gitlab")
    return tuple(found)
