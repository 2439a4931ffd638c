# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""A commit message as git will store it: the scissors section, comment lines and
surplus blank lines removed (``git commit``'s default clean-up), as a pure function."""

from __future__ import annotations

from tgpl_git.consent.trailers import CUT_LINE, GIT_SPACE


def clean_message(text: str, comment: str = "#") -> str:
    """What ``git commit`` keeps of an edited message (``--cleanup=strip``, with scissors)."""
    cut = f"{comment} {CUT_LINE}"
    if text.startswith(cut):
        text = ""
    else:
        at = text.find("\n" + cut)
        if at >= 0:
            text = text[: at + 1]
    lines = [line.rstrip(GIT_SPACE) for line in text.split("\n") if not line.startswith(comment)]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept) + "\n" if kept else ""
