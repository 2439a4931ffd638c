# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The longest line a project's linters and formatters let through, from their settings.

The header's sentence is one line of 100 characters with `# `; flake8 at 79 (or
Black's B950 at 88) reports it in every Python file, and clang-format at 80 columns
rewraps it in every C file, which the next check calls outdated. Init writes the
lowest limit it finds to `[headers] line-length`, and the sentence wraps to fit.
"""

from __future__ import annotations

import configparser
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from tgpl_git.fsio import read_if_there
from tgpl_git.terms.schema import MIN_LINE_LENGTH

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

# The longest header line with the default sentence: 100 characters and the widest markers.
WIDEST_HEADER_LINE = 112

Found = tuple[int, str]  # a limit, and where it was read ("max-line-length in .flake8")


def line_limit(root: Path) -> Found | None:
    """The lowest limit the project's settings give, if one is below what the header
    needs; None when the header fits as it is, or nothing sets one."""
    found = [
        (limit, where)
        for reader in _READERS
        for limit, where in reader(root)
        if MIN_LINE_LENGTH <= limit < WIDEST_HEADER_LINE
    ]
    return min(found) if found else None


def _text(root: Path, name: str) -> str | None:
    data = read_if_there(root / name, 1 << 20)
    return data.decode("utf-8", "replace") if data is not None else None


def _flake8(root: Path) -> Iterator[Found]:
    """flake8 and pycodestyle read max-line-length from these files (E501 is on by default)."""
    for name in (".flake8", "setup.cfg", "tox.ini"):
        text = _text(root, name)
        if text is None:
            continue
        parser = configparser.RawConfigParser(strict=False)
        try:
            parser.read_string(text)
        except configparser.Error:
            continue
        for section in ("flake8", "pycodestyle", "pep8"):
            for key in ("max-line-length", "max_line_length"):
                value = parser.get(section, key, fallback=None)
                if value is not None and value.strip().isdigit():
                    yield int(value), f"{key} in {name} [{section}]"


def _pyproject(root: Path) -> Iterator[Found]:
    """pylint's max-line-length, flake8's (through Flake8-pyproject), and ruff's
    line-length where the rules select E501."""
    text = _text(root, "pyproject.toml")
    try:
        tool = tomllib.loads(text).get("tool", {}) if text else {}
    except tomllib.TOMLDecodeError:
        return
    places = (
        (("pylint", "format"), "max-line-length"),
        (("pylint", "FORMAT"), "max-line-length"),
        (("flake8",), "max-line-length"),
    )
    for path, key in places:
        table = _table(tool, path)
        value = table.get(key)
        if isinstance(value, int):
            yield value, f"{key} in pyproject.toml [tool.{'.'.join(path)}]"
    ruff = _table(tool, ("ruff",))

    def codes(*keys: str) -> set[str]:
        tables = (ruff, _table(tool, ("ruff", "lint")))
        return {code for table in tables for key in keys for code in _strings(table.get(key))}

    value = ruff.get("line-length", 88)
    selected = not _SELECTS_E501.isdisjoint(codes("select", "extend-select"))
    if isinstance(value, int) and selected and "E501" not in codes("ignore", "extend-ignore"):
        yield value, "line-length in pyproject.toml [tool.ruff] (E501 selected)"


_SELECTS_E501 = frozenset({"E", "E5", "E50", "E501", "ALL"})


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _table(tool: dict[str, object], path: tuple[str, ...]) -> dict[str, object]:
    table: object = tool
    for key in path:
        table = table.get(key, {}) if isinstance(table, dict) else {}
    return table if isinstance(table, dict) else {}


def _editorconfig(root: Path) -> Iterator[Found]:
    """max_line_length for every file (`[*]`) or for source code (ktlint enforces the one
    of `[*.{kt,kts}]`); not a section of prose alone (`[*.md]`), whose limit is for
    paragraphs."""
    text = _text(root, ".editorconfig")
    section = ""
    for line in (text or "").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif (match := _EDITORCONFIG_LIMIT.match(line)) and not _for_prose(section):
            yield int(match[1]), f"max_line_length in .editorconfig {section}"


_EDITORCONFIG_LIMIT = re.compile(r"max_line_length\s*=\s*(\d+)\s*$", re.IGNORECASE)
# Globs of prose: Markdown and the like, and the messages git has edited (git's own
# .editorconfig limits [COMMIT_EDITMSG] to 72).
_PROSE = re.compile(
    r"(?:.*/)?(?:\*\.(?:md|markdown|txt|rst|adoc)"
    r"|COMMIT_EDITMSG|MERGE_MSG|TAG_EDITMSG|SQUASH_MSG|NOTES_EDITMSG|EDIT_DESCRIPTION)",
    re.IGNORECASE,
)


def _for_prose(section: str) -> bool:
    """Whether every file a section's glob names is prose (or there is no section yet:
    the preamble holds `root = true` only)."""
    return all(_PROSE.fullmatch(glob) for glob in _alternatives(section[1:-1]))


def _alternatives(glob: str) -> list[str]:
    """``{a,b}`` spelled out, inner braces first: ``{*.{c,h},Makefile}`` is four globs."""
    inner = re.search(r"\{([^{}]*)\}", glob)
    if inner is None:
        return [glob] if glob else []
    return [
        spelled
        for part in inner[1].split(",")
        for spelled in _alternatives(glob[: inner.start()] + part + glob[inner.end() :])
    ]


def _clang_format(root: Path) -> Iterator[Found]:
    """ColumnLimit, or the one of the style it is based on: clang-format rewraps longer
    comments (ReflowComments is on unless the file turns it off)."""
    text = _text(root, ".clang-format") or _text(root, "_clang-format")
    if text is None or re.search(r"(?m)^\s*ReflowComments:\s*false", text):
        return
    match = re.search(r"(?m)^\s*ColumnLimit:\s*(\d+)", text)
    if match:
        yield int(match[1]), "ColumnLimit in .clang-format"
        return
    based = re.search(r"(?m)^\s*BasedOnStyle:\s*(\w+)", text)
    style = based[1] if based else "LLVM"
    limit = _CLANG_STYLES.get(style.lower())
    if limit:
        yield limit, f"the {style} style of .clang-format"


# The column limits of clang-format's predefined styles (WebKit sets none).
_CLANG_STYLES = {
    "llvm": 80,
    "google": 80,
    "chromium": 80,
    "mozilla": 80,
    "gnu": 79,
    "microsoft": 120,
}


def _yamllint(root: Path) -> Iterator[Found]:
    """yamllint's line-length rule: 80 unless the project's file sets a maximum, on in
    its default configuration (its relaxed one only warns)."""
    import yaml  # only init reads YAML settings

    for name in (".yamllint", ".yamllint.yaml", ".yamllint.yml"):
        text = _text(root, name)
        if text is None:
            continue
        try:
            config = yaml.safe_load(text)
        except yaml.YAMLError:
            return
        if not isinstance(config, dict):
            return
        rules = config.get("rules")
        rule = rules.get("line-length") if isinstance(rules, dict) else None
        if rule in ("disable", False) or (
            isinstance(rule, dict) and rule.get("level") == "warning"
        ):
            return
        if isinstance(rule, dict) or rule == "enable":
            limit = rule.get("max", 80) if isinstance(rule, dict) else 80
            if isinstance(limit, int):
                yield limit, f"line-length in {name}"
        elif config.get("extends") == "default":
            yield 80, f"yamllint's default line-length ({name})"
        return


def _checkstyle(root: Path) -> Iterator[Found]:
    """Checkstyle's LineLength module (80 unless its max is set), where Maven and
    Gradle projects keep the configuration. Google's checks skip lines with a URL, not
    comments."""
    for name in ("checkstyle.xml", "config/checkstyle/checkstyle.xml"):
        text = _text(root, name)
        module = _LINE_LENGTH_MODULE.search(text or "")
        if module is None:
            continue
        value = _MAX_PROPERTY.search(module[1] or "")
        limit = int(value[1]) if value else 80
        yield limit, f"LineLength in {name}"


_LINE_LENGTH_MODULE = re.compile(r'<module\s+name="LineLength"\s*(?:/>|>(.*?)</module>)', re.DOTALL)
_MAX_PROPERTY = re.compile(r'<property\s+name="max"\s+value="(\d+)"')

_READERS: tuple[Callable[[Path], Iterator[Found]], ...] = (
    _flake8,
    _pyproject,
    _editorconfig,
    _clang_format,
    _yamllint,
    _checkstyle,
)
