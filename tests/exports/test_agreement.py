# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""One terms file with overrides and conditional training, exported to every per-path
format and read back by independent parsers (http-sfv and protego for aipref and
robots.txt, protego for tdmrep locations and RSL URLs, xml.etree for RSL).

The yes-or-no formats say conditional as ``fallback`` says; RSL says it as "permitted
under the linked licence". So wherever ``fallback`` is ``allow``, every format gives
every path the same training and search decision; where it is ``deny``, the yes-or-no
formats say no and RSL says permitted-with-the-licence, as docs/exports.md records.
"""

from __future__ import annotations

from pathlib import Path

from tests.exports.test_rsl import load as load_with_website
from tests.exports.test_rsl import permitted
from tests.exports.test_yes_no_exports import PATHS, SPILLED, read_tdmrep, read_usage, url_path
from tgpl_git.exports import render
from tgpl_git.exports.yesno import allows

USES = {"training": "train-ai", "search": "search"}


def test_every_format_decides_every_path_as_documented(project: Path) -> None:
    terms = load_with_website(project)
    texts = {fmt: render(fmt, terms) or "" for fmt in ("aipref", "robots", "tdmrep", "rsl")}
    agreeing = 0
    for path in PATHS:
        url = "/code" + url_path(path)
        effective = terms.effective_terms(path)
        yes_no = {use: allows(getattr(effective, use), effective.fallback) for use in USES}
        licensed = {use: getattr(effective, use) != "disallowed" for use in USES}
        assert read_usage(texts["aipref"], url) == yes_no, ("aipref", path)
        assert read_usage(texts["robots"], url) == yes_no, ("robots", path)
        rsl = {use: permitted(texts["rsl"], url, token) for use, token in USES.items()}
        assert rsl == licensed, ("rsl", path)
        tdmrep = read_tdmrep(texts["tdmrep"], url)
        assert tdmrep == yes_no["training"] or (path in SPILLED and tdmrep is False), path
        if effective.fallback == "allow":
            assert yes_no == licensed, path  # one decision, whatever the format
            agreeing += 1
    assert agreeing >= len(PATHS) - 2  # the vendor/ paths alone set fallback = "deny"
