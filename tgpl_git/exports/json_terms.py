# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``json``: the terms normalised and fully resolved (every default filled in), for programs."""

from __future__ import annotations

import datetime
import json
from typing import Any

from tgpl_git.terms import Terms

FORMAT_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, tuple) and hasattr(value, "_asdict"):  # the terms' records
        return {k.replace("_", "-"): _plain(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {str(k).replace("_", "-"): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def render_json(terms: Terms) -> str:
    """``{"version": 1, "project", "terms", "overrides", "headers", "consent", ...}``."""
    doc = {
        "version": FORMAT_VERSION,
        "project": _plain(terms.project),
        "terms": _plain(terms.terms),
        "expression": terms.project_terms().expression,
        "overrides": [
            {"path": list(o.paths), **{k: _plain(v) for k, v in o.values.items()}}
            for o in terms.overrides
        ],
        "consent": {
            "trailer": terms.consent.trailer,
            "scope": terms.consent.scope,
            "co-authors": terms.consent.co_authors,
            "signoff-counts": terms.consent.signoff_counts,
        },
        "crawlers": {"block": list(terms.crawlers_block)},
    }
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
