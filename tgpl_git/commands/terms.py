# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git terms validate`` and ``tgpl-git terms show``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tgpl_git.errors import EXIT_CLEAN, EXIT_USAGE, ConfigError
from tgpl_git.findings import FORMATTERS, Finding, count_errors, json_text
from tgpl_git.paths import relative_path
from tgpl_git.terms import FILE_NAME, EffectiveTerms, Terms, check_file, find_root, load_terms


def validate_command(file: str | None, fmt: str) -> tuple[str, int]:
    """Validate one terms file; exit 2 when it has errors, as for any configuration error."""
    path, display = _terms_file(file)
    try:
        _, findings = check_file(path, display)
    except ConfigError as exc:
        if not exc.findings and fmt == "text":
            raise
        findings = list(exc.findings) or [Finding("terms-file", str(exc), path=display)]
    code = EXIT_USAGE if count_errors(findings) else EXIT_CLEAN
    if fmt == "text" and not findings:
        return f"{display}: valid\n", code
    return FORMATTERS[fmt](findings), code


def show_command(paths: Sequence[str], fmt: str) -> str:
    """The effective terms of each path, or of the project as a whole."""
    path, display = _terms_file(None)
    terms = load_terms(path, display)
    root = path.parent
    if paths:
        entries = [terms.effective_terms(relative_path(root, p)) for p in paths]
    else:
        entries = [terms.project_terms()]
    if fmt == "json":
        return json_text(show_json(terms, entries), indent=2) + "\n"
    return "".join(show_text(terms, e) for e in entries)


def show_json(terms: Terms, entries: Sequence[EffectiveTerms]) -> dict[str, Any]:
    """The documented JSON shape of ``terms show`` (keys spelt as in the TOML file)."""
    return {
        "version": 1,
        "project": _kebab(terms.project._asdict()),
        "files": [_entry_json(e) for e in entries],
    }


def _entry_json(entry: EffectiveTerms) -> dict[str, Any]:
    data = _kebab(entry._asdict())
    data["path"] = entry.path or None
    data["expression"] = entry.expression
    data["overrides"] = list(entry.overrides)
    if entry.conditions is not None:
        data["conditions"] = _kebab(entry.conditions._asdict())
        data["conditions"]["weights-license"] = list(entry.conditions.weights_license)
    return data


def _kebab(values: dict[str, Any]) -> dict[str, Any]:
    return {k.replace("_", "-"): v for k, v in values.items()}


def show_text(terms: Terms, entry: EffectiveTerms) -> str:
    """A short human report of one entry."""
    title = entry.path or f"{terms.project.name} (project-wide [terms])"
    lines = [title]
    if entry.applies:
        lines.append(f"  training terms  {entry.license}")
    else:
        lines.append("  training terms  none (an override excludes this path)")
    lines.append(f"  code licence    {entry.code_license}")
    lines.append(f"  header states   {entry.expression}")
    lines.append(
        f"  training        {entry.training}   inference {entry.inference}   "
        f"search {entry.search}   fallback {entry.fallback}"
    )
    c = entry.conditions
    if (
        entry.applies
        and c is not None
        and "conditional" in (entry.training, entry.inference, entry.search)
    ):
        lines.append(f"  weights under   {' or '.join(c.weights_license)}")
        lines.append(
            f"  conditions      data disclosure {c.data_disclosure}; "
            f"code release {_yes(c.code_release)}; "
            f"derivatives inherit {_yes(c.derivatives_inherit)}; "
            f"network use is distribution {_yes(c.network_use_is_distribution)}; "
            f"attribution {c.attribution}" + (f"; openness {c.openness}" if c.openness else "")
        )
    if entry.overrides:
        matched = ", ".join(f"#{i} ({' '.join(terms.overrides[i].paths)})" for i in entry.overrides)
        lines.append(f"  overrides       {matched}")
    return "\n".join(lines) + "\n"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _terms_file(file: str | None) -> tuple[Path, str]:
    """The terms file to read and how to name it in messages."""
    if file is not None:
        return Path(file), file
    path = find_root(Path.cwd()) / FILE_NAME
    return path, os.path.relpath(path) if path.parent != Path.cwd() else FILE_NAME
