# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Findings for CI systems: GitHub workflow commands and a job summary, and SARIF 2.1.0.

Pure: findings in, text out (findings.py holds text and JSON).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tgpl_git import __version__
from tgpl_git.findings import Finding, json_text
from tgpl_git.rules import describe

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding]) -> str:
    """``::error file=...,line=...,title=...::message``, one workflow command per finding."""
    lines = []
    for f in findings:
        props = []
        if f.path is not None:
            props.append(f"file={_escape_property(f.path)}")
            if f.line is not None:
                props.append(f"line={f.line}")
            if f.column is not None:
                props.append(f"col={f.column}")
        props.append(f"title={_escape_property(f.rule)}")
        where = f"commit {f.commit}: " if f.commit and f.path is None else ""
        hint = f"\n{f.hint}" if f.hint else ""
        lines.append(f"::{f.severity} {','.join(props)}::{_escape_data(where + f.message + hint)}")
    return "".join(line + "\n" for line in lines)


def github_summary(findings: Sequence[Finding], headline: str) -> str:
    """A Markdown table for ``$GITHUB_STEP_SUMMARY``."""
    out = [f"### tgpl-git check\n\n{headline}\n"]
    if findings:
        out.append("| | where | rule | message |\n| --- | --- | --- | --- |")
        for f in findings:
            mark = ":x:" if f.severity == "error" else ":warning:"
            message = f.message.replace("|", "\\|").replace("\n", " ")
            out.append(f"| {mark} | `{f.location}` | `{f.rule}` | {message} |")
    return "\n".join(out) + "\n"


def format_sarif(findings: Sequence[Finding], extra: Mapping[str, object] | None = None) -> str:
    """A SARIF 2.1.0 log with one run, the rules it used, and one result per finding."""
    rules = sorted({f.rule for f in findings})
    results = []
    for f in findings:
        result: dict[str, object] = {
            "ruleId": f.rule,
            "ruleIndex": rules.index(f.rule),
            "level": "error" if f.severity == "error" else "warning",
            "message": {"text": f.message + (f"\n{f.hint}" if f.hint else "")},
        }
        if f.path is not None:
            region = {"startLine": f.line} if f.line is not None else None
            location: dict[str, object] = {"artifactLocation": {"uri": f.path}}
            if region:
                if f.column is not None:
                    region["startColumn"] = f.column
                location["region"] = region
            result["locations"] = [{"physicalLocation": location}]
        if f.commit is not None:
            result["partialFingerprints"] = {"commit": f.commit}
        results.append(result)
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "tgpl-git",
                "version": __version__,
                "rules": [
                    {"id": rule, "shortDescription": {"text": describe(rule)}} for rule in rules
                ],
            }
        },
        "results": results,
    }
    if extra:
        run["properties"] = dict(extra)
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_text(log, indent=2) + "\n"
