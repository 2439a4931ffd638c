# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Remembering which SPDX expressions are valid, across runs, so hooks start fast.

Loading the SPDX licence list costs about a third of a hook's run time. An
expression's verdict depends only on the expression and the version of
``license-expression``, so valid ones are remembered in the user's cache
folder, per library version. A missing or unreadable memo only costs time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

from tgpl_git.terms.spdx import Verdict, check_expression

Check = Callable[[str], Verdict]


def memo_path() -> Path:
    """``$XDG_CACHE_HOME/tgpl-git/spdx-valid.json`` (``~/.cache`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tgpl-git" / "spdx-valid.json"


def library_stamp() -> str:
    """Which ``license-expression`` is installed, cheaply: its location and modification time.

    (``importlib.metadata`` would say its version, but costs more to import than the
    memo saves.)
    """
    spec = find_spec("license_expression")
    origin = spec.origin if spec is not None else None
    try:
        return f"{origin}@{os.stat(origin).st_mtime_ns}" if origin else "missing"
    except OSError:
        return "missing"


class Memo:
    """A ``check_expression`` that answers from the memo where it can.

    The memo keeps a list for each of the last few installations of the library that
    used it: pre-commit's environment and a project's own both run tgpl-git, and with
    one list for the latest, each run after the other's would load the licence list.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or memo_path()
        self.version = library_stamp()
        self.valid: dict[str, list[str]] = {}
        self.changed = False
        ours = _libraries(self.path).get(self.version)
        if isinstance(ours, dict):
            self.valid = {str(k): list(v) for k, v in ours.items() if isinstance(v, list)}

    def __call__(self, expression: str) -> Verdict:
        keys = self.valid.get(expression)
        if keys is not None:
            return Verdict(None, tuple(keys))
        verdict = check_expression(expression)
        if verdict.problem is None:
            self.valid[expression] = list(verdict.keys)
            self.changed = True
        return verdict

    def save(self) -> None:
        """Write the memo back if it learnt something (beside the lists of other
        installations, read again now); failures are ignored."""
        if not self.changed:
            return
        from tgpl_git.fsio import atomic_write

        libraries = _libraries(self.path)
        libraries.pop(self.version, None)
        libraries[self.version] = self.valid  # the latest last; the oldest go first
        kept = dict(list(libraries.items())[-MAX_LIBRARIES:])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps({"libraries": kept}, indent=0).encode())
        except OSError:
            pass


MAX_LIBRARIES = 4


def _libraries(path: Path) -> dict[str, object]:
    """The memo's lists, by installation of the library (none from a missing or broken
    memo, or one in the format of earlier versions)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    libraries = data.get("libraries") if isinstance(data, dict) else None
    return dict(libraries) if isinstance(libraries, dict) else {}
