# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git check``: every check at once, for CI, in the formats CI systems show."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from tgpl_git import git
from tgpl_git.ci_range import Choice, detect
from tgpl_git.commands.consent import check_range, default_range
from tgpl_git.commands.export import stale_exports
from tgpl_git.commands.headers import start_selection
from tgpl_git.consent import history
from tgpl_git.consent.settings import policy_for, read_settings
from tgpl_git.errors import EXIT_CLEAN, EXIT_FINDINGS, ConfigError, UsageError
from tgpl_git.findings import Finding, count_errors, format_json, format_text, plural
from tgpl_git.formats import format_github, format_sarif, github_summary
from tgpl_git.headers.context import Context
from tgpl_git.headers.files import handle_all
from tgpl_git.terms import FILE_NAME, Terms, check_file, load_terms
from tgpl_git.terms.source import LineIndex, read_source

CHECKS = ("terms", "headers", "consent", "exports")


def check_command(
    range_text: str | None,
    only: Sequence[str],
    skip: Sequence[str],
    fmt: str,
    write: Callable[[str], object],
    env: Mapping[str, str] | None = None,
    today: datetime.date | None = None,
) -> int:
    """Run the selected checks and report their union; exit 1 on any error finding."""
    env = os.environ if env is None else env
    selected = [c for c in (only or CHECKS) if c not in skip]
    root = git.toplevel(Path.cwd())
    summary: dict[str, object] = {}
    findings = _terms(root, today or datetime.date.today())
    terms = None if count_errors(findings) else load_terms(root / FILE_NAME, FILE_NAME)
    if "terms" in selected:
        summary["terms"] = {"findings": len(findings)}
    else:
        findings = []
    if terms is None and any(c in selected for c in ("headers", "consent")):
        findings.append(
            Finding(
                "terms-file",
                "headers and consent were not checked: ai-training.toml has errors",
                path=FILE_NAME,
            )
        )
        if "terms" not in selected:
            findings += _terms(root, today or datetime.date.today())
    if terms is not None and "headers" in selected:
        found, checked, tracked = _headers(root, terms)
        findings += found
        summary["headers"] = {"files": checked, "findings": len(found)}
        if FILE_NAME not in tracked:  # the list is at hand: no git call in the usual case
            findings += _ignored_terms(root)
    if terms is not None and "exports" in selected and terms.export:
        found = stale_exports(root, terms)
        findings += found
        summary["exports"] = {"files": len(terms.export), "findings": len(found)}
    if terms is not None and "consent" in selected:
        choice = _range(root, range_text, env, terms.consent.since)
        found, judged = _consent(root, terms, choice)
        findings += found
        summary["consent"] = {
            "range": choice.text,
            "source": choice.source,
            "commits": judged,
            "findings": len(found),
        }
    write(_render(findings, fmt, summary, env))
    return EXIT_FINDINGS if count_errors(findings) else EXIT_CLEAN


def _terms(root: Path, today: datetime.date) -> list[Finding]:
    path = root / FILE_NAME
    try:
        doc, findings = check_file(path, FILE_NAME)
    except ConfigError as exc:
        return list(exc.findings) or [Finding("terms-file", str(exc), path=FILE_NAME)]
    section = doc.get("terms")
    review = section.get("review-by") if isinstance(section, dict) else None
    if isinstance(review, str):
        review = datetime.date.fromisoformat(review)
    if isinstance(review, datetime.date) and review < today:
        line = LineIndex(read_source(path, FILE_NAME)).line_of(("terms", "review-by"))
        findings.append(
            Finding(
                "terms-review-due",
                f"the terms were due for review on {review}",
                "warning",
                path=FILE_NAME,
                line=line,
            )
        )
    return findings


def _headers(root: Path, terms: Terms) -> tuple[list[Finding], int, list[str]]:
    """The header findings, how many files were checked, and every tracked file."""
    listing, attributes = start_selection(root, (), all_files=True)
    context = Context.create(terms)
    files = listing()
    outcomes = handle_all(root, files, context, "check", attributes)
    checked = len(files) - sum(1 for o in outcomes if o.skipped)
    return [o.finding for o in outcomes if o.finding is not None], checked, files


def _ignored_terms(root: Path) -> list[Finding]:
    """A warning when git ignores ai-training.toml: commits leave it out, CI cannot read it."""
    rule = git.ignored(root, [FILE_NAME]).get(FILE_NAME)
    if rule is None:
        return []
    message = f"git ignores {FILE_NAME} ({rule}): commit it with `git add -f`, or CI cannot read it"
    return [Finding("terms-ignored", message, "warning", path=FILE_NAME)]


def _range(root: Path, given: str | None, env: Mapping[str, str], since: str | None) -> Choice:
    if given:
        return Choice(given, "--range")
    detected = detect(env)
    if detected is not None:
        return detected
    try:
        return default_range(root, since)
    except UsageError:
        raise UsageError(
            "no range of commits for the consent check: pass --range BASE..HEAD "
            "(in CI it is found by itself), or --skip consent"
        ) from None


def _consent(root: Path, terms: Terms, choice: Choice) -> tuple[list[Finding], int]:
    policy = policy_for(terms, read_settings(root))
    revisions = history.resolve(
        root, choice.text, terms.consent.since, whole_history=policy.scope == "contributor"
    )
    findings: list[Finding] = []
    judged = 0
    for verdict in check_range(root, revisions, policy):
        judged += 1
        findings += verdict.findings
    return findings, judged


def _headline(summary: Mapping[str, object]) -> str:
    parts = []
    for name in CHECKS:
        data = summary.get(name)
        if not isinstance(data, dict):
            continue
        found = plural(data["findings"], "finding")
        if name == "headers":
            parts.append(f"headers: {plural(data['files'], 'file')}, {found}")
        elif name == "exports":
            parts.append(f"exports: {plural(data['files'], 'file')}, {found}")
        elif name == "consent":
            commits = plural(data["commits"], "commit")
            parts.append(f"consent: {commits} in {data['range']} ({data['source']}), {found}")
        else:
            parts.append(f"terms: {found}")
    return "; ".join(parts)


def _render(
    findings: list[Finding], fmt: str, summary: dict[str, object], env: Mapping[str, str]
) -> str:
    headline = _headline(summary)
    if fmt == "json":
        return format_json(findings, {"checks": summary})
    if fmt == "sarif":
        return format_sarif(findings, {"checks": summary})
    if fmt == "github":
        step_summary = env.get("GITHUB_STEP_SUMMARY")
        if step_summary:
            with open(step_summary, "a", encoding="utf-8") as handle_:
                handle_.write(github_summary(findings, headline))
        return format_github(findings) + f"tgpl-git check: {headline}\n"
    return format_text(findings) + f"tgpl-git check: {headline}\n"
