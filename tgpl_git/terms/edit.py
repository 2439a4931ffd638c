# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Round-trip edits of ``ai-training.toml`` that keep the user's comments, order and spacing."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument

from tgpl_git.fsio import atomic_write
from tgpl_git.terms.source import read_source


def load_document(path: Path) -> TOMLDocument:
    """The file as an editable tomlkit document (``ConfigError`` if unreadable)."""
    return tomlkit.parse(read_source(path, path.name))


def save_document(path: Path, doc: TOMLDocument) -> bool:
    """Write ``doc`` back atomically; False when nothing changed."""
    return atomic_write(path, tomlkit.dumps(doc).encode("utf-8"))


def set_value(doc: TOMLDocument, dotted: str, value: Any) -> None:
    """Set ``a.b.c`` to ``value``, creating missing tables; comments elsewhere are kept."""
    *tables, last = dotted.split(".")
    container: Any = doc
    for name in tables:
        if name not in container:
            container[name] = tomlkit.table()
        container = container[name]
    container[last] = value


def append_table(doc: TOMLDocument, dotted: str, values: Mapping[str, Any]) -> None:
    """Append one ``[[a.b]]`` entry, after the existing ones."""
    *tables, last = dotted.split(".")
    container: Any = doc
    for name in tables:
        if name not in container:
            container[name] = tomlkit.table(is_super_table=True)
        container = container[name]
    entry: Table = tomlkit.table()
    entry.update(values)
    if last in container:
        array = container[last]
        assert isinstance(array, AoT)
        array.append(entry)
    else:
        container[last] = tomlkit.aot()
        container[last].append(entry)
