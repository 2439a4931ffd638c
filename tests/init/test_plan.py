# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The REUSE coverage init plans for files without a header of their own."""

from __future__ import annotations

from tgpl_git.init.plan import _collapsed


def test_a_folder_with_no_header_anywhere_is_written_once() -> None:
    tracked = [
        "samples/a/x.foo",
        "samples/a/deep/y.bar",
        "samples/b/z.foo",
        "samples/b/code.py",  # has a header: samples/b and samples stay by name
        "top.foo",
    ]
    gaps = {"samples/a/x.foo", "samples/a/deep/y.bar", "samples/b/z.foo", "top.foo"}
    assert _collapsed(gaps, gaps, tracked) == {"samples/a/**", "samples/b/z.foo", "top.foo"}


def test_names_with_stars_stay_literal() -> None:
    tracked = ["odd*dir/a.x", "odd*dir/b.x", "c*.x", "d.py"]
    gaps = {"odd*dir/a.x", "odd*dir/b.x", "c*.x"}
    assert _collapsed(gaps, gaps, tracked) == {"odd\\*dir/**", "c\\*.x"}
