# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Findings, the one currency of every check, and the formatters that print them.

Checks return ``Finding`` records; nothing else in the package decides how a
problem looks on screen. Formatters are pure: findings in, text out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Callable, Literal

Severity = Literal["error", "warning"]

JSON_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, where (a path and line, or a commit), and how to fix it."""

    rule: str
    message: str
    severity: Severity = "error"
    path: str | None = None
    line: int | None = None
    column: int | None = None
    commit: str | None = None
    hint: str | None = None

    @property
    def location(self) -> str:
        """``path:line:column`` or ``commit <sha>``; empty when the finding has no place."""
        if self.path is not None:
            parts = [self.path]
            if self.line is not None:
                parts.append(str(self.line))
                if self.column is not None:
                    parts.append(str(self.column))
            return ":".join(parts)
        if self.commit is not None:
            return f"commit {self.commit}"
        return ""


def count_errors(findings: Iterable[Finding]) -> int:
    """How many findings are errors (warnings do not fail a check)."""
    return sum(1 for f in findings if f.severity == "error")


def format_text(findings: Sequence[Finding]) -> str:
    """``path:line: rule message`` lines, each followed by its hint, then a summary line."""
    lines = []
    for f in findings:
        where = f"{f.location}: " if f.location else ""
        tag = "" if f.severity == "error" else f"{f.severity}: "
        lines.append(f"{where}{f.rule} {tag}{f.message}")
        if f.hint:
            lines.append(f"  hint: {f.hint}")
    errors = count_errors(findings)
    warnings = len(findings) - errors
    lines.append(f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}")
    return "\n".join(lines) + "\n"


def format_json(findings: Sequence[Finding], extra: Mapping[str, object] | None = None) -> str:
    """A versioned JSON document: ``{"version": 1, "findings": [...], "summary": {...}}``.

    ``extra`` adds command-specific keys (files fixed, files skipped).
    """
    errors = count_errors(findings)
    doc = {
        "version": JSON_FORMAT_VERSION,
        "findings": [{k: v for k, v in asdict(f).items() if v is not None} for f in findings],
        "summary": {"errors": errors, "warnings": len(findings) - errors},
        **(extra or {}),
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


FORMATTERS: dict[str, Callable[[Sequence[Finding]], str]] = {
    "text": format_text,
    "json": format_json,
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
