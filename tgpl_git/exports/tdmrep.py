# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tdmrep``: the W3C TDM Reservation Protocol's ``/.well-known/tdmrep.json``.

An array of rules, each a robots.txt-style ``location`` pattern and a
``tdm-reservation`` (1: rights reserved, 0: not reserved). A reader uses the
first rule whose location matches, so the rules run from the last override
to the first and end with ``/`` for the project's own terms: in
ai-training.toml, too, a later override wins. A glob's lone ``*`` stops at
``/`` and a location's does not, so a rule that lifts the reservation is
preceded by rules that keep it where its location reaches further than its glob.
"""

from __future__ import annotations

import json

from tgpl_git.exports.yesno import (
    allows,
    export_url,
    robots_pattern,
    site_root,
    spill_patterns,
)
from tgpl_git.terms import Terms
from tgpl_git.terms.model import EffectiveTerms

# An override that sets neither leaves training as the entries before it left it.
DECIDING_KEYS = ("training", "fallback")


def reservation(terms: EffectiveTerms) -> int:
    """1 where training is not allowed outright (``conditional`` as ``fallback`` says)."""
    return 0 if allows(terms.training, terms.fallback) else 1


def render_tdmrep(terms: Terms) -> str:
    """The JSON array, most specific rule first."""
    deciding = [
        (index, reservation(terms.terms_for((index,))))
        for index, override in enumerate(terms.overrides)
        if any(key in override.values for key in DECIDING_KEYS)
    ]
    base = reservation(terms.project_terms())
    root = site_root(terms)
    rules: list[dict[str, str | int]] = []
    for position in reversed(range(len(deciding))):
        index, value = deciding[position]
        # Where the location reaches beyond the glob, the rules below would decide;
        # if one of them reserves, keep the reservation there.
        guard = value == 0 and (base == 1 or any(v == 1 for _, v in deciding[:position]))
        for glob in terms.overrides[index].paths:
            if guard:
                rules.extend(
                    {"location": p, "tdm-reservation": 1} for p in spill_patterns(glob, root)
                )
            rules.append({"location": robots_pattern(glob, root), "tdm-reservation": value})
    rules.append({"location": root, "tdm-reservation": base})
    policy = export_url(terms, "tdm-policy")
    if policy:  # how to ask for what is reserved
        for rule in rules:
            if rule["tdm-reservation"] == 1:
                rule["tdm-policy"] = policy
    return json.dumps(rules, indent=2) + "\n"
