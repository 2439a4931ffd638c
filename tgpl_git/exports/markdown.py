# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``markdown``: AI-TRAINING.md, the terms in words for the people who read a repository."""

from __future__ import annotations

from collections.abc import Mapping

from tgpl_git.terms import Terms
from tgpl_git.terms.model import Conditions

USES = {
    "training": "Training AI models on this code",
    "inference": "Using this code as model input at run time (RAG)",
    "search": "Indexing this code for search",
}
VERDICTS = {
    "allowed": "allowed",
    "conditional": "allowed on the conditions below",
    "disallowed": "not allowed",
}
DISCLOSURE = {"description": "described", "listing": "listed", "full": "released"}


def render_markdown(terms: Terms) -> str:
    """The whole page, generated: edit ai-training.toml, not this."""
    t = terms.terms
    lines = [
        f"# AI training terms of {terms.project.name}",
        "",
        "<!-- Generated from ai-training.toml by tgpl-git; edit that file, not this one. -->",
        "",
        f"The code is under `{t.code_license}`. Its use for AI is governed by the training "
        f"terms `{t.license}` (text in `LICENSES/{t.license}.txt`), declared in "
        "`ai-training.toml`. These terms are a declaration by the project; this page does "
        "not claim they are enforceable.",
        "",
        "| use | |",
        "| --- | --- |",
        *(f"| {label} | {VERDICTS[getattr(t, key)]} |" for key, label in USES.items()),
        "",
    ]
    if t.conditions is not None:
        lines += ["## Conditions", "", *_conditions(t.conditions), ""]
    if terms.overrides:
        lines += ["## Exceptions", "", "Later entries win.", ""]
        for override in terms.overrides:
            paths = ", ".join(f"`{p}`" for p in override.paths)
            changes = _changes(override.values)
            lines.append(f"- {paths}: {changes}")
        lines.append("")
    lines += [
        "## Contributing",
        "",
        f"Each commit carries its author's consent as a trailer, "
        f"`{terms.consent.trailer}: Name <email>`. Run `tgpl-git consent sign` once to "
        "have it added to your commits, or add it yourself: "
        f'`git commit --trailer "{terms.consent.trailer}: Your Name <you@example.org>"`.',
    ]
    if terms.project.contact:
        lines += ["", f"Questions about these terms: {terms.project.contact}"]
    if t.review_by:
        lines += ["", f"These terms are due for review by {t.review_by.isoformat()}."]
    return "\n".join(lines) + "\n"


def _conditions(c: Conditions) -> list[str]:
    items = [
        "A model trained on this code may be released, or offered to others, only if:",
        "",
        f"- its weights are released under {' or '.join(f'`{w}`' for w in c.weights_license)};",
    ]
    if c.data_disclosure in DISCLOSURE:
        items.append(f"- its training data is {DISCLOSURE[c.data_disclosure]};")
    if c.openness:
        items.append(f"- it meets the open-model definition `{c.openness}`;")
    if c.code_release:
        items.append("- its training and inference code are released too;")
    if c.derivatives_inherit:
        items.append(
            "- models derived from it (fine-tuned, merged, distilled) carry the same conditions;"
        )
    if c.attribution != "none":
        where = (
            "among its training data" if c.attribution == "dataset-citation" else "in its output"
        )
        items.append(f"- it cites this project {where}.")
    if c.network_use_is_distribution:
        items += [
            "",
            "Offering the model through an API or a network service counts as releasing it.",
        ]
    return items


def _changes(values: Mapping[str, object]) -> str:
    words = []
    for key, value in values.items():
        if key == "terms":
            words.append(
                "the training terms do not apply"
                if value == "none"
                else f"training terms `{value}`"
            )
        elif key == "conditions":
            words.append("conditions of their own")
        elif key == "fallback":
            verdict = "allowed" if value == "allow" else "not allowed"
            words.append(f"formats that can only say yes or no say conditional use is {verdict}")
        else:
            words.append(f"{key} {value}")
    return "; ".join(words) or "no change"
