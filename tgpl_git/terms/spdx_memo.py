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
    """A ``check_expression`` that answers from the memo where it can."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or memo_path()
        self.version = library_stamp()
        self.valid: dict[str, list[str]] = {}
        self.changed = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("license-expression") == self.version:
                self.valid = {str(k): list(v) for k, v in data.get("valid", {}).items()}
        except (OSError, ValueError, AttributeError):
            pass

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
        """Write the memo back if it learnt something; failures are ignored."""
        if not self.changed:
            return
        from tgpl_git.fsio import atomic_write

        data = {"license-expression": self.version, "valid": self.valid}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps(data, indent=0, sort_keys=True).encode())
        except OSError:
            pass
