# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The ``ai-training.toml`` that ``init`` writes: every key with a comment saying what it does.

Pure: the chosen values in, TOML text out. The text is validated by the same
code as any other terms file before ``init`` shows or writes it.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass

from tgpl_git.init.reuse_files import literal

TGPL = "LicenseRef-TGPL-1.0"


@dataclass(frozen=True)
class ThirdParty:
    """A folder that ships under its own licence (a vendored library)."""

    folder: str
    license: str  # SPDX id, or the LicenseRef- init made for an unrecognised text
    license_file: str  # the licence file found there
    copyright: tuple[str, ...] = ()

    @property
    def glob(self) -> str:
        """Every file under the folder, as ai-training.toml and REUSE.toml write it."""
        return f"{literal(self.folder)}/**"


@dataclass(frozen=True)
class Choices:
    """What ``init`` decided, from what it detected and what the user said."""

    name: str
    code_license: str
    holder: str
    terms_license: str = TGPL
    repository: str | None = None
    since: str | None = None
    third_party: Sequence[ThirdParty] = ()
    header_skip: Sequence[str] = ()  # globs of files no header can go in
    line_length: tuple[int, str] | None = None  # the project's line limit, and its source


def _q(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _line(code: str, comment: str = "") -> str:
    """``code`` with its comment in the column the others use."""
    return f"{code:<30}{'  ' if len(code) >= 30 else ''}# {comment}" if comment else code


def render_terms(choices: Choices, today: datetime.date) -> str:
    """The commented ``ai-training.toml`` for ``choices``."""
    leap = (today.month, today.day) == (2, 29)
    review = today.replace(year=today.year + 1, day=28 if leap else today.day)
    weights = [choices.terms_license]
    if choices.terms_license == TGPL:
        weights.append("AGPL-3.0-or-later")
    repository = (
        _line(f"repository = {_q(choices.repository)}", "where the source can be cloned")
        if choices.repository
        else _line('# repository = "https://example.org/x.git"', "where the source can be cloned")
    )
    lines = [
        "# Training terms of this project: AI training on its files is allowed on condition",
        "# that trained models are released as free software. Read by tgpl-git (hooks and CI)",
        "# and by dataset builders; the format is documented with tgpl-git (ai-training.toml).",
        "version = 1",
        "",
        "[project]",
        f"name = {_q(choices.name)}",
        repository,
        _line('# contact = "mailto:you@example.org"', "who to ask about the terms"),
        "",
        "[terms]",
        _line(f"license = {_q(choices.terms_license)}", "the training terms; text in LICENSES/"),
        _line(f"code-license = {_q(choices.code_license)}", "the code's own licence (SPDX)"),
        _line('training = "conditional"', "allowed | conditional | disallowed"),
        _line('inference = "allowed"', "use as model input at run time (RAG)"),
        _line('search = "allowed"', "indexing for search"),
        _line('fallback = "allow"', 'what "conditional" becomes in yes-or-no formats'),
        _line(f"review-by = {review.isoformat()}", "after it, `tgpl-git check` says: review"),
        "",
        _line("[terms.conditions]", "what a model trained on this project must do"),
        _line(f"weights-license = [{', '.join(_q(w) for w in weights)}]", "for its weights"),
        _line('openness = "OSAID-1.0"', "the open-source AI definition it meets"),
        _line('data-disclosure = "listing"', "none | description | listing | full"),
        _line("code-release = true", "its training and inference code is released"),
        _line("derivatives-inherit = true", "fine-tunes carry the same duty"),
        _line("network-use-is-distribution = true", "serving it counts as distributing"),
        _line('attribution = "dataset-citation"', "none | dataset-citation | output-citation"),
        "",
        _line("[headers]", "the licence header at the top of each file"),
        f"holder = {_q(choices.holder)}",
        _line('year = "first"', "first | range | none (the check takes any year)"),
        _line('uncommentable = "skip"', "skip | sidecar (FILE.license beside JSON, images)"),
    ]
    if choices.line_length:
        limit, source = choices.line_length
        lines.append(f"# The sentence wraps to keep within {source}.")
        lines.append(f"line-length = {limit}")
    if choices.header_skip:
        lines.append("# No header fits these files as they are (not UTF-8, mixed line endings,")
        lines.append("# read-only...); REUSE.toml covers them. Fix a file, then drop it here.")
        lines.append("skip = [")
        lines += [f"    {_q(glob)}," for glob in choices.header_skip]
        lines.append("]")
    lines += [
        "",
        _line("[consent]", "every commit carries its author's consent"),
        _line('trailer = "Training-Consent"', '"Training-Consent: Name <email>"'),
        _line('scope = "commit"', "commit | contributor (one consenting commit covers all)"),
        _line('co-authors = "require"', "Co-authored-by people consent too"),
    ]
    if choices.since:
        lines.append(f"since = {_q(choices.since)}  # adoption: older commits need no consent")
    lines.append(_line('exempt = ["*[bot]@users.noreply.github.com"]', "authors who need none"))
    for party in choices.third_party:
        lines += [
            "",
            _line("[[overrides]]", "third-party code with a licence of its own"),
            f"path = {_q(party.glob)}",
            _line('terms = "none"', "the training terms do not apply; no header"),
            _line(f"code-license = {_q(party.license)}", f"from {literal(party.license_file)}"),
        ]
    lines += [
        "",
        _line("# [export]", "files generated from this one and kept in sync"),
        '# "AI-TRAINING.md" = "markdown"',
    ]
    return "\n".join(lines) + "\n"
