# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Round-trip edits of ``ai-training.toml`` that keep the user's comments, order and spacing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, InlineTable, Table
from tomlkit.toml_document import TOMLDocument

from tgpl_git.fsio import atomic_write
from tgpl_git.terms.source import read_source


def load_document(path: Path) -> tuple[TOMLDocument, str]:
    """The file as an editable tomlkit document, and its text as written, a byte order
    mark included (``ConfigError`` if unreadable)."""
    text = read_source(path, path.name, keep_bom=True)
    return tomlkit.parse(text.removeprefix(BOM)), text


BOM = "\ufeff"


def save_document(path: Path, doc: TOMLDocument, before: str) -> bool:
    """Write ``doc``, loaded from the text ``before``, back atomically; False when nothing
    changed. Lines the edit did not touch keep their bytes, a byte order mark stays, and
    new lines take the file's line ending: tomlkit rewrites some lines as it reads them
    (``{ d = 2026-01-01 }`` loses its space) and writes what it adds with LF."""
    bom = BOM if before.startswith(BOM) else ""
    text = keep_untouched(before.removeprefix(BOM), tomlkit.dumps(doc))
    return atomic_write(path, (bom + text).encode("utf-8"))


def keep_untouched(before: str, after: str) -> str:
    """``after``, with each line it has unchanged from tomlkit's reading of ``before``
    taken from ``before`` as written."""
    import difflib

    old = _LINES.findall(before)
    echo = _LINES.findall(tomlkit.dumps(tomlkit.parse(before)))
    new = _LINES.findall(after)
    crlf = bool(old) and all(line.endswith("\r\n") for line in old)
    if len(echo) != len(old):  # not line for line: nothing to map back
        return after
    kept: list[str] = []
    matcher = difflib.SequenceMatcher(None, echo, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            kept += old[i1:i2]
        else:
            kept += [_ending(line, crlf) for line in new[j1:j2]]
    return "".join(kept)


_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")  # LF ends a line in TOML, nothing else


def _ending(line: str, crlf: bool) -> str:
    if crlf and line.endswith("\n") and not line.endswith("\r\n"):
        return line[:-1] + "\r\n"
    return line


def append_table(doc: TOMLDocument, dotted: str, values: Mapping[str, Any]) -> None:
    """Append one ``[[a.b]]`` entry, after the existing ones."""
    *tables, last = dotted.split(".")
    container: Any = doc
    for name in tables:
        if name not in container:
            container[name] = tomlkit.table(is_super_table=True)
        container = container[name]
    if last not in container:
        container[last] = tomlkit.aot()
    array = container[last]
    # As the file writes it: [[a.b]] tables, or an inline array (`grants = []`, or
    # `grants = [{ name = ... }]`) that gets one more inline table.
    entry: Table | InlineTable = (
        tomlkit.table() if isinstance(array, AoT) else tomlkit.inline_table()
    )
    entry.update(values)
    array.append(entry)
