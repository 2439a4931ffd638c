# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Reading ``ai-training.toml`` from disk and parsing it, with every failure explained.

``read_source`` turns the file-system failures (missing, a directory, too large,
not UTF-8, empty) into one-line errors; ``parse`` turns TOML syntax errors into
findings with line and column; ``LineIndex`` answers which line a key is on,
since ``tomllib`` does not say.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from tgpl_git.errors import ConfigError
from tgpl_git.findings import Finding

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

# A terms file is a page of settings; anything far larger is a mistake, not a declaration.
MAX_BYTES = 1024 * 1024

KeyPath = tuple[Any, ...]


def read_source(path: Path, display: str, keep_bom: bool = False) -> str:
    """The file's text (without a byte order mark, unless ``keep_bom``: an editor that
    writes the file back keeps it), or a ``ConfigError`` saying in one line why it cannot
    be used."""
    try:
        if path.is_dir():
            raise ConfigError(f"{display}: is a directory; expected a TOML file")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError(f"{display}: no such file (run `tgpl-git init` to create one)") from None
    except OSError as exc:
        raise ConfigError(f"{display}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ConfigError(
            f"{display}: larger than {MAX_BYTES // 1024} KiB; is this the right file?"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{display}:{line}: not valid UTF-8 (byte {exc.start}); TOML files must be UTF-8"
        ) from None
    if not text.strip():
        raise ConfigError(f"{display}: empty file; it needs at least `version = 1` and [terms]")
    return text if keep_bom else text.removeprefix("\ufeff")


_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")


def parse(text: str, display: str) -> dict[str, Any]:
    """The TOML document as plain Python values, or a ``ConfigError`` with line and column."""
    try:
        doc: dict[str, Any] = tomllib.loads(text)
        return doc
    except tomllib.TOMLDecodeError as exc:
        message = str(exc.msg if hasattr(exc, "msg") else exc)
        match = _POSITION.search(message)
        line = column = None
        if match and match.group(1):
            line, column = int(match.group(1)), int(match.group(2))
        elif match:  # "at end of document": the position just past the last character
            line = text.count("\n") + 1
            column = len(text) - (text.rfind("\n") + 1) + 1
        if match:
            message = message[: match.start()]
        line = getattr(exc, "lineno", line)
        column = getattr(exc, "colno", column)
        finding = Finding(
            "terms-syntax", f"invalid TOML: {message}", path=display, line=line, column=column
        )
        raise ConfigError(f"{display}: invalid TOML", (finding,)) from None


_BARE = re.compile(r"[A-Za-z0-9_-]+")
_HEADER = re.compile(r"\s*(\[\[?)")
_STRING_ESCAPE = re.compile(r'\\(["\\btnfr]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})')
_ESCAPES = {'"': '"', "\\": "\\", "b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r"}


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    return _ESCAPES.get(code) or chr(int(code[1:], 16))


def _read_key(line: str, pos: int) -> tuple[list[str], int] | None:
    """Parse a dotted TOML key starting at ``pos``; return its parts and the end position."""
    parts: list[str] = []
    while True:
        while pos < len(line) and line[pos] in " \t":
            pos += 1
        if pos >= len(line):
            return None
        quote = line[pos]
        if quote in "\"'":
            end = pos + 1
            while end < len(line) and line[end] != quote:
                end += 2 if quote == '"' and line[end] == "\\" else 1
            if end >= len(line):
                return None
            raw = line[pos + 1 : end]
            parts.append(_STRING_ESCAPE.sub(_unescape, raw) if quote == '"' else raw)
            pos = end + 1
        else:
            bare = _BARE.match(line, pos)
            if not bare:
                return None
            parts.append(bare.group())
            pos = bare.end()
        while pos < len(line) and line[pos] in " \t":
            pos += 1
        if pos < len(line) and line[pos] == ".":
            pos += 1
            continue
        return parts, pos


class LineIndex:
    """Maps key paths (``("terms", "training")``, ``("overrides", 1, "path")``) to line numbers.

    It reads the text line by line as TOML's grammar lays it out: table headers,
    array-of-table headers (counted, so each ``[[overrides]]`` gets its index) and
    ``key = value`` lines. Lines inside multi-line strings and arrays are skipped.
    """

    def __init__(self, text: str) -> None:
        self._lines: dict[KeyPath, int] = {}
        table: KeyPath = ()
        counts: dict[KeyPath, int] = {}
        depth = 0  # open brackets of a multi-line array or inline table
        in_string: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string:
                if line.count(in_string) % 2:
                    in_string = None
                continue
            if depth:
                depth = max(0, depth + _balance(line))
                continue
            header = _HEADER.match(line)
            if header:
                parsed = _read_key(line, header.end())
                if parsed:
                    name = tuple(parsed[0])
                    if header.group(1) == "[[":
                        counts[name] = counts.get(name, -1) + 1
                        table = (*_resolve(name, counts), counts[name])
                    else:
                        table = _resolve(name, counts)
                    self._lines.setdefault(table, number)
                continue
            parsed = _read_key(line, 0)
            if not parsed or not line[parsed[1] :].startswith("="):
                continue
            key = (*table, *parsed[0])
            self._lines.setdefault(key, number)
            value = line[parsed[1] + 1 :]
            for quote in ('"""', "'''"):
                if value.count(quote) % 2:
                    in_string = quote
            depth = max(0, _balance(value))

    def line_of(self, path: KeyPath) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return None


def _resolve(name: KeyPath, counts: dict[KeyPath, int]) -> KeyPath:
    """Insert array-of-table indexes: ``[consent.grants]`` under ``[[x]]`` lands in the last x."""
    resolved: list[Any] = []
    for part in name:
        resolved.append(part)
        prefix = tuple(p for p in resolved if not isinstance(p, int))
        if prefix in counts and prefix != name:
            resolved.append(counts[prefix])
    return tuple(resolved)


def _balance(text: str) -> int:
    """Open minus closed brackets, ignoring those inside simple strings and comments."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', "", text).split("#", 1)[0]
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")
