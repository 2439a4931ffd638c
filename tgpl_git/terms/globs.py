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
    """The regular expression (without anchors) for one glob."""
    out: list[str] = []
    i = 0
    while i < len(glob):
        char = glob[i]
        if char == "\\" and i + 1 < len(glob) and glob[i + 1] in "*\\":
            out.append(re.escape(glob[i + 1]))
            i += 2
        elif glob.startswith("**", i):
            i += 2
            # As in REUSE.toml, the slash after ** is part of it: **/*.py also matches setup.py.
            if glob.startswith("/", i):
                i += 1
            out.append(".*")
        elif char == "*":
            out.append("[^/]*")
            i += 1
        else:
            out.append(re.escape(char))
            i += 1
    return "".join(out)


def compile_globs(globs: Iterable[str]) -> re.Pattern[str]:
    """One pattern that matches a path when any of ``globs`` does."""
    return re.compile("|".join(f"(?:{translate(g)})" for g in globs) + r"\Z")
