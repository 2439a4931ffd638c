# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The short way to "this header is current", for the common case in a mature repository.

A file that starts with exactly our header (LF endings, no prolog, nothing
header-like after it in the head) needs none of the engine's line-by-line work.
``is_current`` answers True only where the full engine would find nothing to do;
anything unusual is left to the engine, and a property test holds the two together.
"""

from __future__ import annotations

import functools
import re

from tgpl_git.headers.blocks import render_line, zone_end
from tgpl_git.headers.prolog import first_line_pattern, prolog_length
from tgpl_git.headers.styles import CommentStyle
from tgpl_git.headers.template import HeaderSpec

_YEAR = "\x00"


@functools.lru_cache(maxsize=256)
def _header(spec: HeaderSpec, style: CommentStyle) -> re.Pattern[bytes] | None:
    """Our header's exact bytes at the start of a file, any valid-looking year."""
    if style.open_line or style.name == "php":
        return None
    first = r"(?P<year>\d{4}(?:-\d{4})?) "
    again = "(?P=year) "  # a template may name the year twice: the same year
    if spec.year_policy == "none":
        first, again = f"(?:{first})?", "(?(year)(?P=year) )"
    head, *rest = "".join(
        re.escape(render_line(text, style)) + r"\n" for text in spec.render(_YEAR)
    ).split(re.escape(_YEAR + " "))
    return re.compile((head + (first + again.join(rest) if rest else "")).encode("utf-8"))


# (spec, style) by identity -> (spec, style, header pattern, whether a prolog may claim it).
# Asked once per file, so the key is two ids rather than two dataclass hashes; the entry
# holds the objects themselves, so an id is never taken over by another object.
_PLANS: dict[tuple[int, int], tuple[object, object, re.Pattern[bytes] | None, bool]] = {}


def _plan(spec: HeaderSpec, style: CommentStyle) -> tuple[re.Pattern[bytes] | None, bool]:
    entry = _PLANS.get((id(spec), id(style)))
    if entry is None:
        entry = (spec, style, _header(spec, style), _may_be_prolog(spec, style))
        _PLANS[(id(spec), id(style))] = entry
    return entry[2], entry[3]


def is_current(head: bytes, complete: bool, style: CommentStyle, spec: HeaderSpec) -> bool:
    """True when the head starts with our current header and nothing else needs a look."""
    pattern, may_be_prolog = _plan(spec, style)
    match = pattern.match(head) if pattern is not None else None
    if match is None or b"\r" in head:
        return False
    year = match["year"] if "year" in match.re.groupindex else None  # a template may have none
    if year is not None and not _plausible(year, spec.current_year):
        return False
    end = match.end()
    rest = head[end:] if complete else head[end : head.rfind(b"\n") + 1]
    if b"SPDX-" in rest or b"AI training" in rest:
        return False
    if not head.isascii():  # ASCII is UTF-8; anything else is checked the long way
        try:
            head[: head.index(b"\n")].decode("utf-8")
            rest.decode("utf-8")
        except UnicodeDecodeError:
            return False
    if may_be_prolog and first_line_pattern(style.name).match(head[: head.index(b"\n")].decode()):
        return False
    if not complete:
        lines = rest.decode("utf-8").split("\n")[:-1]
        if zone_end(lines, 0, style) == len(lines):
            return False  # the comments run on past the head: let the engine read further
    return True


@functools.lru_cache(maxsize=1024)
def _plausible(year: bytes, current_year: int) -> bool:
    """``valid_year`` for the two shapes the pattern admits (YYYY, YYYY-YYYY)."""
    first = int(year[:4])
    last = int(year[5:]) if len(year) > 4 else first
    return 1970 <= first <= last <= current_year + 1


@functools.lru_cache(maxsize=256)
def _may_be_prolog(spec: HeaderSpec, style: CommentStyle) -> bool:
    """Whether a prolog rule could take our header's first line for its own (a holder
    named "-*- x -*-", say); almost never, which spares the check on every file. (A
    rule's start alone may match our line, as a comment's opening does, where the rule
    as a whole does not claim it.)"""
    lines = [render_line(text, style) for text in spec.render("2000")]
    if "-*-" in lines[0]:
        return True
    # No rule starts on the line: none claims it (and none is compiled to say so).
    return bool(first_line_pattern(style.name).match(lines[0])) and (
        prolog_length(lines, style.name, True) > 0
    )
