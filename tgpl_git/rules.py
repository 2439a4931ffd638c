# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Every rule a check can report, with the one line that says what it means.

Data for the formats that describe their rules (SARIF) and for the docs.
"""

from __future__ import annotations

RULES: dict[str, str] = {
    "terms-syntax": "ai-training.toml is not valid TOML",
    "terms-version": "ai-training.toml has a schema version this tgpl-git does not read",
    "terms-unknown-key": "a key that ai-training.toml does not have",
    "terms-missing-key": "a required key of ai-training.toml is missing",
    "terms-type": "a value of the wrong type in ai-training.toml",
    "terms-value": "a value outside the allowed ones in ai-training.toml",
    "terms-spdx": "an SPDX licence id or expression that is unknown, malformed or not canonical",
    "terms-license-text": "a licence named in ai-training.toml has no text under LICENSES/",
    "terms-file": "ai-training.toml cannot be read",
    "terms-review-due": "the terms' review-by date has passed",
    "terms-ignored": "git ignores ai-training.toml, so commits leave it out",
    "header-missing": "the file has no licence header",
    "header-foreign-only": "the file has a foreign notice but not the project's header",
    "header-outdated-year": "the header's year is not a valid year or range",
    "header-outdated-text": "the header says something other than ai-training.toml",
    "header-wrong-position": "the header is below other comments",
    "header-wrong-style": "the header is written in another language's comments",
    "header-duplicate": "the file has the header more than once",
    "header-mixed-line-endings": "the file mixes line endings, so no header is written",
    "header-unreadable-encoding": "the file is not UTF-8, so no header is written",
    "header-unwritable": "the header text cannot be a comment in this file's language",
    "header-prolog-too-long": "the lines that must stay first run too long to place a header",
    "header-read-only": "the file is read-only, so its header was not changed",
    "header-unreadable": "the file cannot be read",
    "header-write-failed": "the file system refused the fix, so the file was not changed",
    "consent-missing": "a commit lacks its author's consent to the training terms",
    "consent-missing-coauthor": "a commit lacks a co-author's consent to the training terms",
    "consent-foreign": "a consent trailer names someone who is not the author or a co-author",
    "consent-malformed": "a consent trailer has no <email>",
    "consent-bad-message": "the commit message cannot be committed as it is",
    "export-stale": "a file listed under [export] is missing or out of date with the terms",
    "export-unsupported": "a file listed under [export] has a format this version cannot write",
    "export-impossible": "a file listed under [export] cannot be written from these terms",
}


def describe(rule: str) -> str:
    """The rule's one-line meaning (its id, for a rule not in the table)."""
    return RULES.get(rule, rule)
