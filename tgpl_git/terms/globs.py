# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Path globs with REUSE.toml semantics.

``*`` matches within one folder, ``**`` matches across folders (and ``**/``
also matches no folder at all, so ``**/*.py`` matches ``setup.py``), ``\\*``
is a literal asterisk and ``\\\\`` a literal backslash. Nothing else is special.
Paths are relative to the folder that holds ``ai-training.toml``, with ``/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def translate(glob: str) -> str:
    """The regular expression (without anchors) for one glob.

    A character-by-character reading that matches reuse's own, quirks included
    (slashes right after ``**`` are dropped until the next ordinary character),
    so a glob means the same here as in the project's REUSE.toml.
    """
    out: list[str] = []
    escaping = globstar = False
    previous = ""
    for char in glob:
        if char == "\\":
            if previous == "\\" and escaping:
                out.append(re.escape("\\"))
                escaping = False
            else:
                escaping = True
        elif char == "*":
            if escaping:
                out.append(re.escape("*"))
                escaping = False
            elif previous == "*" and not globstar:
                globstar = True
                out.append(".*")
        elif char == "/":
            if not globstar:
                if previous == "*":
                    out.append("[^/]*")
                out.append("/")
            escaping = False
        else:
            if previous == "*" and not globstar:
                out.append("[^/]*")
            out.append(re.escape(char))
            escaping = globstar = False
        previous = char
    if previous == "*" and not globstar:
        out.append("[^/]*")
    return "".join(out)


def compile_globs(globs: Iterable[str]) -> re.Pattern[str]:
    """One pattern that matches a path when any of ``globs`` does."""
    return re.compile("|".join(f"(?:{translate(g)})" for g in globs) + r"\Z")
