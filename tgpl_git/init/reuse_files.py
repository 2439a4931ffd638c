# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""REUSE coverage for the files that carry no header: ``REUSE.toml``, or ``.reuse/dep5``.

Annotations are added after the ones there (in REUSE.toml the last match wins);
nothing that is there is changed or dropped, and a path already listed is not
listed again.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import tomlkit
from tomlkit.exceptions import TOMLKitError

from tgpl_git.errors import ConfigError
from tgpl_git.terms.globs import compile_globs

REUSE_TOML = "REUSE.toml"
DEP5 = ".reuse/dep5"


@dataclass(frozen=True)
class Annotation:
    """Copyright and licence for files matched by ``paths`` (REUSE.toml globs)."""

    paths: tuple[str, ...]
    copyright: tuple[str, ...]
    license: str
    comment: str


_UNDECODED = re.compile("[\udc80-\udcff]+")


def literal(path: str) -> str:
    """A path as a glob (REUSE.toml's, and ai-training.toml's) that matches only itself.

    TOML text is Unicode: bytes of a name that are not UTF-8 (lone surrogates, from
    ``os.fsdecode``) cannot be written in it, so each run of them becomes ``*``, which
    matches them (and, rarely, a name that differs just there).
    """
    escaped = path.replace("\\", "\\\\").replace("*", "\\*")
    return _UNDECODED.sub("*", escaped)


def _toml_globs(text: str) -> list[str]:
    try:
        doc = tomlkit.parse(text).unwrap()
    except TOMLKitError as exc:
        raise ConfigError(f"{REUSE_TOML}: invalid TOML: {exc}") from None
    globs: list[str] = []
    for entry in doc.get("annotations") or ():
        paths = entry.get("path") if isinstance(entry, dict) else None
        globs += (
            [paths] if isinstance(paths, str) else [p for p in paths or () if isinstance(p, str)]
        )
    return globs


def _dep5_globs(text: str) -> list[str]:
    globs: list[str] = []
    for match in re.finditer(r"^Files:(.*(?:\n[ \t].*)*)", text, re.MULTILINE):
        globs += match.group(1).split()
    return globs


def covered_by(reuse_toml: str | None, dep5: str | None) -> Callable[[str], bool]:
    """Whether a path is matched by an annotation already there."""
    toml_globs = _toml_globs(reuse_toml) if reuse_toml else []
    toml_match = compile_globs(toml_globs).match if toml_globs else None
    # dep5 globs are fnmatch-like: * and ? match across folders too.
    dep5_globs = _dep5_globs(dep5) if dep5 else []
    dep5_match = (
        re.compile("|".join(fnmatch.translate(g) for g in dep5_globs)).match if dep5_globs else None
    )

    def covered(path: str) -> bool:
        return bool((toml_match and toml_match(path)) or (dep5_match and dep5_match(path)))

    return covered


def extend_reuse_toml(text: str | None, annotations: Sequence[Annotation]) -> str | None:
    """``REUSE.toml`` with the annotations added (None: nothing new to add)."""
    present = set(_toml_globs(text)) if text else set()
    if text is None:
        doc = tomlkit.document()
        doc.add(tomlkit.comment("Licensing of the files that cannot carry a header of their own."))
        doc.add("version", 1)
    else:
        doc = tomlkit.parse(text)
    added = False
    for annotation in annotations:
        paths = [p for p in annotation.paths if p not in present]
        if not paths:
            continue
        entry = tomlkit.table()
        entry.add(tomlkit.comment(annotation.comment))
        entry.add("path", paths[0] if len(paths) == 1 else _multiline(paths))
        holders = list(annotation.copyright)
        entry.add("SPDX-FileCopyrightText", holders[0] if len(holders) == 1 else holders)
        entry.add("SPDX-License-Identifier", annotation.license)
        if "annotations" not in doc:
            doc.add(tomlkit.nl())
            doc.add("annotations", tomlkit.aot())
        doc["annotations"].append(entry)
        added = True
    return tomlkit.dumps(doc) if added else None


def _multiline(paths: Sequence[str]) -> tomlkit.items.Array:
    array = tomlkit.array()
    array.extend(paths)
    return array.multiline(True)


def extend_dep5(text: str, annotations: Sequence[Annotation]) -> str | None:
    """``.reuse/dep5`` with a paragraph per annotation (None: nothing new)."""
    present = set(_dep5_globs(text))
    paragraphs = []
    for annotation in annotations:
        paths = [_dep5_glob(p) for p in annotation.paths]
        paths = [p for p in paths if p not in present]
        if paths:
            paragraphs.append(
                f"# {annotation.comment}\n"
                f"Files: {' '.join(paths)}\n"
                f"Copyright: {chr(10).join(' ' + c for c in annotation.copyright).strip()}\n"
                f"License: {annotation.license}\n"
            )
    if not paragraphs:
        return None
    separator = "" if text.endswith("\n") else "\n"
    return text + separator + "".join("\n" + p for p in paragraphs)


def _dep5_glob(glob: str) -> str:
    """A REUSE.toml glob in dep5 terms, where ``*`` already crosses folders."""
    return glob.replace("**/", "").replace("**", "*").replace("\\*", "*").replace("\\\\", "\\")
