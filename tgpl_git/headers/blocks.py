# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Reading comment lines: what a line says under a style, where the top comment zone ends,
and where a header block (ours or not) starts and stops. Pure functions of text lines."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from tgpl_git.headers.styles import CommentStyle
from tgpl_git.headers.template import (
    CONTRIBUTOR,
    COPYRIGHT,
    IDENTIFIER,
    SENTENCE,
    HeaderSpec,
)

NOTICE = re.compile(r"copyright|\(c\)|©|licen[cs]e|SPDX-", re.I)


def content(line: str, style: CommentStyle) -> str | None:
    """The text of a comment line in ``style``, or None when it is not one."""
    text = line.strip()
    opening = style.prefix.strip()
    closing = style.suffix.strip()
    if opening and not text.startswith(opening):
        return None
    text = text[len(opening) :]
    if closing:
        if not text.endswith(closing):
            return None
        text = text[: -len(closing)]
    return text.strip()


def render_line(text: str, style: CommentStyle) -> str:
    """One header line in ``style``."""
    if not style.suffix:
        return (style.prefix + text).rstrip()
    return f"{style.prefix}{text}{style.suffix}"


def zone_end(lines: Sequence[str], start: int, style: CommentStyle) -> int:
    """End of the run of blank and comment lines from ``start``: where a header may be.

    A comment after the first line of code is never taken for a header.
    """
    markers = style.markers()
    if not markers:  # a sidecar: every line is header text
        return len(lines)
    block = style.block
    i = start
    in_block = False
    while i < len(lines):
        text = lines[i].strip()
        if in_block:
            in_block = block is not None and block[1] not in text
        elif not text or (style.open_line and text in (style.open_line, style.close_line)):
            pass
        elif block and text.startswith(block[0]):
            in_block = block[1] not in text[len(block[0]) :]
        elif not text.startswith(markers):
            break
        i += 1
    return i


class Block(NamedTuple):
    """A run of header-like comment lines: where it is and what each line is."""

    start: int
    end: int  # exclusive, including a closing line
    style: CommentStyle
    kinds: tuple[tuple[int, str, str], ...]  # (line index, kind, text)
    ours: bool


def classify(text: str, spec: HeaderSpec) -> str | None:
    """What a header line is: copyright, identifier, sentence, contributor, template or None
    (``block_at`` also knows the empty line a template may have, as "blank")."""
    if COPYRIGHT.match(text):
        return "copyright"
    if IDENTIFIER.match(text):
        return "identifier"
    if SENTENCE.match(text):
        return "sentence"
    if CONTRIBUTOR.match(text):
        return "contributor"
    if any(p.match(text) for p in _literal_patterns(spec)):
        return "template"
    return None


# Template lines ``classify`` knows by their tag before any literal pattern.
_TAGS = ("FileCopyrightText", "License-Identifier", "FileContributor")
_TAGGED = (*(f"SPDX-{tag}:" for tag in _TAGS), "{sentence}")


@functools.lru_cache(maxsize=64)
def _literal_patterns(spec: HeaderSpec) -> list[re.Pattern[str]]:
    return [
        pattern
        for line, pattern in zip(spec.template, spec.template_patterns())
        if re.sub(r"\{\w+\}", "", line).strip() and not line.startswith(_TAGGED)
    ]


@functools.lru_cache(maxsize=64)
def _last_kind(spec: HeaderSpec) -> tuple[str | None, int]:
    """The kind of a header's last line, and how many of the template's lines are of that
    kind: a block of ours ends at the last of them. (A sentence counts once, however it
    is wrapped.)"""
    kinds = [
        classify(text.strip(), spec)
        for text in dataclasses.replace(spec, line_length=0).render("2000")
    ]
    return kinds[-1], kinds.count(kinds[-1])


def is_our_identifier(text: str, spec: HeaderSpec) -> bool:
    """Whether an SPDX-License-Identifier line names our training terms."""
    match = IDENTIFIER.match(text)
    if match is None:
        return False
    pattern = rf"(?<![\w.-]){re.escape(spec.terms_id)}(?![\w.-])"
    return re.search(pattern, match.group("expression")) is not None


def block_at(
    lines: Sequence[str], start: int, style: CommentStyle, spec: HeaderSpec
) -> Block | None:
    """The header-like block starting at ``start`` in ``style``, if one does."""
    last_kind, last_count = _last_kind(spec)
    i = start
    if style.open_line:
        if i >= len(lines) or lines[i].strip() != style.open_line:
            return None
        i += 1
    kinds: list[tuple[int, str, str]] = []
    # A comment of its own (ERB's <%# ... %>) is one block up to its close: what it holds
    # besides header lines (an empty line, a template's former prose) is its text, kept.
    # Elsewhere an empty comment line belongs to the block when the template has one.
    enclosed = style.close_line is not None
    parted = "" in spec.template
    while i < len(lines):
        if enclosed and lines[i].strip() == style.close_line:
            break
        text = content(lines[i], style)
        kind = classify(text, spec) if text else None
        if kind is None and text is not None and (enclosed or (parted and kinds and not text)):
            kind = "other" if text else "blank"
        if kind is None:
            break
        kinds.append((i, kind, text or ""))
        i += 1
        if kind == "sentence":  # wrapped to the project's line length: its other lines
            i = _rest_of_sentence(lines, i, style, spec, text or "", kinds)
        if kind == last_kind and not enclosed:
            last_count -= 1
            if not last_count:
                break
    while kinds and kinds[-1][1] == "blank" and not enclosed:  # a comment line after it
        kinds.pop()
        i -= 1
    if all(kind in ("blank", "other") for _, kind, _ in kinds):
        return None
    if style.close_line:
        if i >= len(lines) or lines[i].strip() != style.close_line:
            return None
        i += 1
    return Block(start, i, style, tuple(kinds), _ours(kinds, spec))


def _rest_of_sentence(
    lines: Sequence[str],
    i: int,
    style: CommentStyle,
    spec: HeaderSpec,
    text: str,
    kinds: list[tuple[int, str, str]],
) -> int:
    """Take the lines that continue a sentence wrapped over several (ours ends with a full
    stop, a few lines on), as lines of that sentence; where the next one starts."""
    for _ in range(_MAX_SENTENCE_LINES):
        if text.endswith(".") or i >= len(lines):
            break
        more = content(lines[i], style)
        if not more or classify(more, spec) is not None:
            break
        kinds.append((i, "sentence", more))
        text = more
        i += 1
    return i


_MAX_SENTENCE_LINES = 4


def _ours(kinds: Sequence[tuple[int, str, str]], spec: HeaderSpec) -> bool:
    """A block is ours when it names our terms, or carries our sentence, which always
    points at ai-training.toml: a comment that merely starts with "AI training:" is
    the author's text, and stays (beside another licence's identifier too)."""
    return any(
        is_our_identifier(text, spec) or (kind == "sentence" and "ai-training.toml" in text)
        for _, kind, text in kinds
    )
