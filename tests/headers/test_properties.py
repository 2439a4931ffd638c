# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Properties of the engine over generated files: fix then check passes, fixing twice is
fixing once, the bytes after the prolog survive, and no input makes it raise."""

from __future__ import annotations

import io
from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.headers.conftest import SPEC, check, fix
from tgpl_git.errors import ConfigError
from tgpl_git.headers.engine import NeedMore, examine
from tgpl_git.headers.files import _judge
from tgpl_git.headers.styles import STYLES
from tgpl_git.headers.template import HeaderSpec, parse_template
from tgpl_git.terms.validate import CONTROL

# REUSE-IgnoreStart: header lines below are data, not this file's licence.
STYLE_NAMES = sorted(STYLES)
PROLOGS = [
    "",
    "#!/bin/sh\n",
    "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n",
    '<?xml version="1.0"?>\n',
    "---\ntitle: x\n---\n",
    "<?php\n",
    "@echo off\n",
    "//go:build linux\n\n",
    "\ufeff",
]

line = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=40
)
body = st.lists(line, max_size=12).map(lambda ls: "\n".join(ls))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(
    style=st.sampled_from(STYLE_NAMES),
    prolog=st.sampled_from(PROLOGS),
    text=body,
    eol=st.sampled_from(["\n", "\r\n", "\r"]),
)
@example(
    style="hash", prolog="", text="# SPDX-License-Identifier: MIT AND LicenseRef-TGPL-1.0", eol="\n"
)
def test_fix_then_check_passes_and_fix_is_idempotent(
    style: str, prolog: str, text: str, eol: str
) -> None:
    settled_fix((prolog + text).replace("\n", eol).encode("utf-8"), style)


@SETTINGS
@given(
    style=st.sampled_from(STYLE_NAMES),
    prolog=st.sampled_from(PROLOGS),
    text=body,
    width=st.sampled_from([0, 40, 79, 100]),
    first=st.sampled_from([0, 40, 79, 100]),
)
def test_a_wrapped_sentence_settles_and_follows_the_line_length(
    style: str, prolog: str, text: str, width: int, first: int
) -> None:
    # Fixed under one line length, then under another: each settles, and the second
    # leaves no line of the first behind.
    data = (prolog + text).encode("utf-8")
    before = settled_fix(data, style, replace(SPEC, line_length=first))
    after = settled_fix(before, style, replace(SPEC, line_length=width))
    if check(data, style).rule is not None:  # the header went in
        assert after.count(b"ai-training.toml") == data.count(b"ai-training.toml") + 1


def settled_fix(data: bytes, style: str, spec: HeaderSpec = SPEC) -> bytes:
    """The fix of ``data``, having checked that it settles: the check then passes, and
    fixing again changes nothing."""
    verdict, fixed = fix(data, style, spec)
    if verdict.new_head is None:
        assert fixed == data
        return fixed
    assert check(fixed, style, spec).rule is None
    assert fix(fixed, style, spec)[1] == fixed
    return fixed


def assert_only_inserted(data: bytes, fixed: bytes) -> None:
    inserted = len(fixed) - len(data)
    position = next((i for i, (a, b) in enumerate(zip(fixed, data)) if a != b), len(data))
    assert fixed[:position] + fixed[position + inserted :] == data


@SETTINGS
@given(
    style=st.sampled_from(["hash", "c", "html", "dash"]), prolog=st.sampled_from(PROLOGS), text=body
)
def test_bytes_after_the_prolog_are_intact(style: str, prolog: str, text: str) -> None:
    assert_prolog_and_rest_kept(style, prolog, text, SPEC)


# Any holder a licence file or a maintainer may give, with the texts comments end at.
holders = st.one_of(
    line.filter(lambda text: text.strip() and not CONTROL.search(text)),  # as validated
    st.sampled_from(sorted({bad for s in STYLES.values() for bad in s.forbidden})).map(
        lambda bad: f"Acme {bad} Inc."
    ),
)


@SETTINGS
@given(style=st.sampled_from(STYLE_NAMES), prolog=st.sampled_from(PROLOGS), text=body, who=holders)
def test_any_holder_keeps_every_byte_and_settles(
    style: str, prolog: str, text: str, who: str
) -> None:
    spec = replace(SPEC, holder=who.strip())
    assert_prolog_and_rest_kept(style, prolog, text, spec)
    settled_fix((prolog + text).encode("utf-8"), style, spec)


# A maintainer's own template: lines of theirs, the usual ones, empty ones between.
template_lines = st.one_of(
    line.filter(lambda text: not CONTROL.search(text)),
    st.sampled_from(
        [
            "SPDX-FileCopyrightText: {year} {holder}",
            "{sentence}",
            "",
            "Copyright (c) {year} {holder}",
            "This file is part of {holder}'s project.",
            "  {sentence}",
            "  See LICENSE for details.",
        ]
    ),
)


@SETTINGS
@given(
    style=st.sampled_from(STYLE_NAMES),
    prolog=st.sampled_from(PROLOGS),
    text=body,
    lines=st.lists(template_lines, max_size=5),
    at=st.integers(0, 5),
)
def test_any_template_keeps_every_byte_and_settles(
    style: str, prolog: str, text: str, lines: list[str], at: int
) -> None:
    lines.insert(min(at, len(lines)), "SPDX-License-Identifier: {expression}")
    try:
        template = parse_template("\n".join(lines), "header.txt")
    except ConfigError:
        return
    spec = replace(SPEC, template=template)
    assert_prolog_and_rest_kept(style, prolog, text, spec)
    settled_fix((prolog + text).encode("utf-8"), style, spec)


TEMPLATES = [
    SPEC.template,
    (
        "SPDX-FileCopyrightText: {year} {holder}",
        "SPDX-License-Identifier: {expression}",
        "",
        "{sentence}",
    ),
    ("This file is part of Example.", "", *SPEC.template),
    ("SPDX-License-Identifier: {expression}", "{sentence}"),
]
specs = st.builds(
    lambda training, expression, who, width, template, year: replace(
        SPEC,
        training=training,
        expression=expression,
        holder=who,
        line_length=width,
        template=template,
        year_policy=year,
    ),
    st.sampled_from(["conditional", "allowed", "disallowed"]),
    st.sampled_from(
        ["GPL-3.0-or-later AND LicenseRef-TGPL-1.0", "(MIT OR Apache-2.0) AND LicenseRef-TGPL-1.0"]
    ),
    st.sampled_from(["The Example Authors", "Ünïcode Ltd."]),
    st.sampled_from([0, 50, 79]),
    st.sampled_from(TEMPLATES),
    st.sampled_from(["first", "range", "none"]),
)


@SETTINGS
@given(
    style=st.sampled_from(STYLE_NAMES), prolog=st.sampled_from(PROLOGS), text=body, a=specs, b=specs
)
@example(
    style="erb",
    prolog="",
    text="",
    a=replace(SPEC, template=TEMPLATES[2]),
    b=SPEC,
)
def test_changed_terms_or_template_rewrite_the_one_header(
    style: str, prolog: str, text: str, a: HeaderSpec, b: HeaderSpec
) -> None:
    # A header written under one configuration, then fixed under another: it settles,
    # and stays one header (ERB once got a second copy when the template lost a line).
    data = (prolog + text).encode("utf-8")
    before = settled_fix(data, style, a)
    after = settled_fix(before, style, b)
    if before != data:
        assert after.count(b"ai-training.toml") == data.count(b"ai-training.toml") + 1


def assert_prolog_and_rest_kept(style: str, prolog: str, text: str, spec: HeaderSpec) -> None:
    # Code that cannot be mistaken for a header or a prolog: a letter starts every line.
    rest = "".join(f"x{line_}\n" for line_ in text.split("\n"))
    data = (prolog + rest).encode("utf-8")
    verdict, fixed = fix(data, style, spec)
    if verdict.new_head is None:
        return
    assert fixed.endswith(rest.encode("utf-8"))
    kept = prolog.encode("utf-8")
    if verdict.rule == "header-missing" and fixed.startswith(kept):
        assert len(fixed) > len(data)


@settings(max_examples=500, deadline=None)
@given(
    data=st.binary(max_size=300),
    style=st.sampled_from(STYLE_NAMES),
    fixing=st.booleans(),
    complete=st.booleans(),
)
@example(data=b"\r", style="hash", fixing=True, complete=False)
@example(data=b"---\n" * 3, style="html", fixing=True, complete=True)
def test_arbitrary_bytes_never_raise(data: bytes, style: str, fixing: bool, complete: bool) -> None:
    try:
        verdict = examine(data, complete, STYLES[style], SPEC, fixing)
    except NeedMore:
        assert not complete
        return
    assert verdict.rule is None or isinstance(verdict.message, str)


@SETTINGS
@given(
    style=st.sampled_from(["hash", "html", "c"]),
    prolog=st.sampled_from(PROLOGS),
    text=body,
    window=st.integers(min_value=1, max_value=64),
)
def test_reading_a_bounded_head_gives_the_whole_file_answer(
    style: str, prolog: str, text: str, window: int
) -> None:
    data = (prolog + text + "\n").encode("utf-8")
    whole, fixed = fix(data, style)
    stream = io.BytesIO(data)
    verdict, head = _judge(stream.read, stream.read(window), len(data), STYLES[style], SPEC, True)
    assert verdict.rule == whole.rule
    if verdict.new_head is not None:
        assert verdict.new_head + head[verdict.consumed :] + stream.read() == fixed


@SETTINGS
@given(
    prolog=st.sampled_from(PROLOGS),
    comments=st.integers(min_value=0, max_value=30),
    text=body,
    limit=st.integers(min_value=8, max_value=200),
)
def test_a_head_cut_short_never_loses_a_byte(
    prolog: str, comments: int, text: str, limit: int
) -> None:
    data = (prolog + "# note\n" * comments + text + "\n").encode("utf-8")
    stream = io.BytesIO(data)
    verdict, head = _judge(
        stream.read, stream.read(8), len(data), STYLES["hash"], SPEC, True, limit
    )
    if verdict.new_head is None:
        return
    fixed = verdict.new_head + head[verdict.consumed :] + stream.read()
    assert check(fixed, "hash").rule in (None, "header-duplicate", "header-wrong-position")
    if verdict.rule in ("header-missing", "header-foreign-only"):
        assert_only_inserted(data, fixed)


HEADERISH = st.sampled_from(
    [
        "# SPDX-FileCopyrightText: 2026 The Example Authors\n",
        "# SPDX-FileCopyrightText: 1969 The Example Authors\n",
        "# SPDX-FileCopyrightText: 2019-2024 The Example Authors\n",
        "# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0\n",
        "# SPDX-License-Identifier: MIT\n",
        "# AI training: permitted only if trained models are released as free software; "
        "see ai-training.toml.\n",
        "#!/bin/sh\n",
        "# -*- coding: utf-8 -*-\n",
        "# comment\n",
        "\n",
        "x = 1\n",
        "x = 1  # SPDX-License-Identifier: MIT\n",
        "   \n",
        "/* block */\n",
        "//go:build linux\n",
        "\r\n",
        "\xe9\n",
        "# Copyright (c) 2001 Someone Else\n",
        "# Licensed under the MIT licence.\n",
        "---\n",
    ]
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(HEADERISH, max_size=10),
    current_first=st.booleans(),
    window=st.integers(min_value=150, max_value=1000),
    style=st.sampled_from(["hash", "c"]),
)
def test_the_short_way_agrees_with_the_engine(
    parts: list[str], current_first: bool, window: int, style: str
) -> None:
    from tests.headers.conftest import header

    text = (header(style) if current_first else "") + "".join(parts)
    if style == "c":
        text = text.replace("# ", "// ")
    data = text.encode("utf-8", "surrogateescape")
    for head, complete in ((data, True), (data[:window], len(data) <= window)):
        try:
            slow = examine(head, complete, STYLES[style], SPEC, quick=False)
        except NeedMore:
            slow = None
        try:
            fast = examine(head, complete, STYLES[style], SPEC)
        except NeedMore:
            fast = None
        assert (fast.rule if fast else "need-more") == (slow.rule if slow else "need-more")
        assert (fast.line if fast else None) == (slow.line if slow else None)
        try:  # and the fixer writes the same bytes either way
            fixed = examine(head, complete, STYLES[style], SPEC, fixing=True)
            fixed_slow = examine(head, complete, STYLES[style], SPEC, fixing=True, quick=False)
        except NeedMore:
            continue
        assert fixed.new_head == fixed_slow.new_head
        if fixed.new_head is not None:  # (what a verdict with nothing to write consumed is moot)
            assert fixed.consumed == fixed_slow.consumed


# Lines that look like headers, prologs and comments in several languages, in any
# order: the shapes a repository's first lines take, and their near misses.
PIECES = [
    "#!/bin/sh\n",
    "<?xml version='1.0'?>\n",
    "<?php\n",
    "?>\n",
    "---\n",
    "//go:build x\n",
    "# -*- coding: utf-8 -*-\n",
    "# SPDX-License-Identifier: MIT\n",
    "// SPDX-FileCopyrightText: 2020 X\n",
    "/* Copyright (c) 1999 Foo */\n",
    "\n",
    "x = 1\n",
    "<!DOCTYPE html>\n",
    "# AI training: something\n",
    "/*\n",
    "*/\n",
    " * SPDX-License-Identifier: GPL-2.0\n",
    "<!-- AI training: permitted; see ai-training.toml. -->\n",
    "<!--\n",
    "-->\n",
    "-- SPDX-License-Identifier: MIT\n",
    "// AI training: permitted only if trained models are released as free software; "
    "see ai-training.toml.\n",
    "# SPDX-FileCopyrightText: 2026 The Example Authors\n",
    "# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0\n",
    "SPDX-License-Identifier: MIT\n",
    "print('SPDX-License-Identifier: x')\n",
]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    style=st.sampled_from(["hash", "c", "c-block", "html", "dash", "php"]),
    parts=st.lists(st.sampled_from(PIECES), max_size=10),
)
def test_header_like_files_fix_once_and_keep_what_is_not_ours(style: str, parts: list[str]) -> None:
    text = "".join(parts)
    fixed = settled_fix(text.encode("utf-8"), style)
    if "ai-training.toml" not in text and "LicenseRef-TGPL-1.0" not in text:
        assert_only_inserted(text.encode("utf-8"), fixed)  # nothing of ours was there
