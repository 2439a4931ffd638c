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
    tracked = [
        "odd*dir/a.x",
        "odd*dir/b.x",
        "c*.x",
        "d.py",
        "we*ird/a.q",
        "we*ird/b.q",
        "we*ird/c.py",
    ]
    gaps = {"odd*dir/a.x", "odd*dir/b.x", "c*.x", "we*ird/a.q", "we*ird/b.q"}
    assert _collapsed(gaps, gaps, tracked) == {"odd\\*dir/**", "c\\*.x", "we\\*ird/*.q"}


def test_the_files_of_one_extension_in_a_folder_are_written_once() -> None:
    tracked = [
        "samples/b/one.foo",
        "samples/b/two.foo",
        "samples/b/sub/three.foo",  # below: not matched by samples/b/*.foo, named alone
        "samples/b/code.py",  # has a header
        "samples/c/one.bar",
        "samples/c/two.bar",  # has a header: samples/c/*.bar would cover it
        "samples/d/only.baz",  # one file: its name is as short as a glob
        "samples/d/code.py",
    ]
    gaps = {
        "samples/b/one.foo",
        "samples/b/two.foo",
        "samples/b/sub/three.foo",
        "samples/c/one.bar",
        "samples/d/only.baz",
    }
    assert _collapsed(gaps, gaps, tracked) == {
        "samples/b/*.foo",
        "samples/b/sub/**",
        "samples/c/one.bar",
        "samples/d/only.baz",
    }
