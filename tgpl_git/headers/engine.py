# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The header engine: from the head of a file (bytes) to a verdict and, for the fixer,
the new head. Pure: no files, no git, no printing. One engine serves fix and check,
so a file the fixer wrote always passes the check.

The output of a fix is the prolog, then the header, then the original bytes:
nothing is re-encoded, and header lines use the file's own line ending.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from tgpl_git.headers.blocks import (
    NOTICE,
    Block,
    block_at,
    content,
    is_our_identifier,
    render_line,
    zone_end,
)
from tgpl_git.headers.prolog import FENCE, NeedMore, first_line_pattern, prolog_length
from tgpl_git.headers.quick import is_current
from tgpl_git.headers.styles import STYLES, CommentStyle
from tgpl_git.headers.template import COPYRIGHT, HeaderSpec

__all__ = ["NeedMore", "Verdict", "examine", "plainly_missing", "whole_lines"]

UTF8_BOM = b"\xef\xbb\xbf"
WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")  # UTF-16 and UTF-32
_HEADERISH = re.compile(r"SPDX-|AI training:")
_PHP_OPEN = re.compile(r"<\?php\b(?!.*\?>)")


class Verdict(NamedTuple):
    """What is wrong with a file's header (``rule`` None: nothing) and, if fixable, the new head."""

    rule: str | None
    message: str = ""
    line: int | None = None
    new_head: bytes | None = None  # replaces the ``consumed`` bytes of the file
    consumed: int = 0


OK = Verdict(None)
MISSING = ("header-missing", "no licence header")


def examine(
    head: bytes,
    complete: bool,
    style: CommentStyle,
    spec: HeaderSpec,
    fixing: bool = False,
    quick: bool = True,
) -> Verdict:
    """Judge the header in ``head`` (the whole file when ``complete``).

    Raises ``NeedMore`` when the answer depends on bytes past ``head``.
    ``quick=False`` skips the short way for current headers (for tests).
    """
    # First "starts with code": it needs no pattern of our header, which a fix of files
    # without one would otherwise make for each style (and a file whose header is current
    # is out of it at its first character).
    if quick and plainly_missing(head, style, spec):
        body = head if complete else whole_lines(head)
        new_head = _inserted(spec, style) + body if fixing else None
        return Verdict(*MISSING, 1, new_head, len(body))
    # A fixer with year = "range" may rewrite even a current header's year.
    short_way = quick and not (fixing and spec.year_policy == "range")
    if short_way and is_current(head, complete, style, spec):
        return OK
    if head.startswith(WIDE_BOMS):
        return Verdict("header-unreadable-encoding", "UTF-16 or UTF-32 text; only UTF-8 is edited")
    bom = UTF8_BOM if head.startswith(UTF8_BOM) else b""
    body = head[len(bom) :]
    if not complete:
        body = whole_lines(body)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        return Verdict(
            "header-unreadable-encoding", f"not UTF-8 (byte {exc.start + len(bom)})", line
        )
    eol = _line_ending(text)
    if eol is None:
        return Verdict("header-mixed-line-endings", "mixed line endings; left as it is")
    terminated = text.endswith(eol) or not text
    lines = text.split(eol)
    if terminated:
        lines.pop()
    style = _variant(style, lines)
    start = prolog_length(lines, style.name, complete, style.prefix.strip())
    plan = _plan(lines, start, style, spec, fixing, complete)
    if plan.rule is None or not fixing or plan.lines is None:
        return plan.verdict(len(bom) + len(body))
    # A missing final newline stays missing; every other line keeps the file's ending.
    rendered = eol.join(plan.lines) + (eol if terminated else "")
    return Verdict(
        plan.rule,
        plan.message,
        plan.line,
        bom + rendered.encode("utf-8"),
        len(bom) + len(body),
    )


def plainly_missing(head: bytes, style: CommentStyle, spec: HeaderSpec) -> bool:
    """True when the file starts with a line of code (ASCII, LF): no prolog, no comment
    zone, nothing header-like, so the answer is "missing at line 1" without the line work
    below (a check's common case before ``init``; a property test holds it to ``_plan``).
    """
    starts = _FIRST_LINE.get((id(spec), id(style)))
    comment = (starts or _first_line_plan(spec, style))[2]
    if comment is None or b"\r" in head or not head.isascii():
        return False
    end = head.find(b"\n")
    if end <= 0:
        return False
    first = head[:end].decode("ascii")
    text = first.strip()
    return (
        bool(text)
        and not text.startswith(comment)
        and not _HEADERISH.search(first)
        and not first_line_pattern(style.name).match(first)  # compiled once a line needs it
    )


# (spec, style) by identity -> (spec, style, how a comment line starts or None when no
# file of the style is plainly missing); as in quick.py, the entry holds the objects, so
# an id is never taken over by another object.
_FIRST_LINE: dict[tuple[int, int], tuple[object, object, tuple[str, ...] | None]] = {}


def _first_line_plan(
    spec: HeaderSpec, style: CommentStyle
) -> tuple[object, object, tuple[str, ...] | None]:
    """What ``plainly_missing`` asks of every file of ``style``, worked out once: the ways
    a first line opens a comment zone (``zone_end`` on one line)."""
    markers = style.markers()
    comment: tuple[str, ...] | None = markers + ((style.block[0],) if style.block else ())
    if not markers or style.open_line or style.name == "php" or _unwritable(spec, style):
        comment = None
    entry = (spec, style, comment)
    _FIRST_LINE[(id(spec), id(style))] = entry
    return entry


class _Plan(NamedTuple):
    rule: str | None
    message: str = ""
    line: int | None = None
    lines: Sequence[str] | None = None  # the file's new lines; None: nothing to write

    def verdict(self, consumed: int) -> Verdict:
        return Verdict(self.rule, self.message, self.line, None, consumed)


def _plan(
    lines: list[str],
    start: int,
    style: CommentStyle,
    spec: HeaderSpec,
    fixing: bool,
    complete: bool,
) -> _Plan:
    unwritable = _unwritable(spec, style)
    if unwritable:
        return _Plan(
            "header-unwritable",
            unwritable,
        )
    end = zone_end(lines, start, style)
    if end == len(lines) and not complete:
        raise NeedMore(in_prolog=False)
    blocks = [b for b in _blocks(lines, start, end, style, spec) if b.ours]
    first_text = next((i for i in range(start, len(lines)) if lines[i].strip()), len(lines))
    if not blocks:
        other = _other_style_block(lines, first_text, style, spec)
        if other is not None:
            # The rest of our header may follow in this file's own comments: the same
            # header, half converted, which the fix makes one again.
            after = zone_end(lines, other.end, style)
            if after == len(lines) and not complete:
                raise NeedMore(in_prolog=False)
            own = [b for b in _blocks(lines, other.end, after, style, spec) if b.ours]
            blocks = [other, *own]
    if not blocks:
        foreign = any(NOTICE.search(lines[i]) for i in range(start, end))
        rule, message = (
            ("header-foreign-only", "only a foreign notice, no header of ours")
            if foreign
            else MISSING
        )
        if not fixing:  # a check needs the verdict, not the new lines
            return _Plan(rule, message, start + 1)
        canonical = _canonical(None, [], style, spec, fixing)
        return _insert(lines, start, canonical, style, rule, message, start + 1)
    block = blocks[0]
    extras = [line for b in blocks for line in _extras(lines, b, style, spec)]
    canonical = _canonical(block, extras, style, spec, fixing)
    if len(blocks) > 1:
        rest = _remove(lines, blocks)
        return _insert(
            rest,
            start,
            canonical,
            style,
            "header-duplicate",
            f"{len(blocks)} copies of the header",
            blocks[1].start + 1,
        )
    if block.start != first_text:
        rest = _remove(lines, blocks)
        return _insert(
            rest,
            start,
            canonical,
            style,
            "header-wrong-position",
            "header is below other comments; it belongs at the top",
            block.start + 1,
        )
    found = lines[block.start : block.end]
    if found == canonical:
        return _Plan(None)
    new_lines = lines[: block.start] + canonical + lines[block.end :]
    if block.style is not style:
        rule, message = (
            "header-wrong-style",
            (f"header written as {block.style.name} comments; this file takes {style.name}"),
        )
    else:
        rule, message = _difference(found, canonical, block, spec)
    return _Plan(rule, message, block.start + 1, new_lines)


def _blocks(
    lines: list[str], start: int, end: int, style: CommentStyle, spec: HeaderSpec
) -> list[Block]:
    blocks = []
    i = start
    while i < end:
        block = block_at(lines, i, style, spec)
        if block is not None:
            blocks.append(block)
            i = block.end
        else:
            i = _past_open_comment(lines, i, end, style)
    return blocks


def _past_open_comment(lines: list[str], i: int, end: int, style: CommentStyle) -> int:
    """The line after ``i``, or after the line that closes a block comment ``i`` opens:
    what is inside one is its text, never a header line (and moving it would close the
    comment elsewhere)."""
    text = lines[i].strip()
    if style.block is None or not text.startswith(style.block[0]):
        return i + 1
    opener, closer = style.block
    if closer in text[len(opener) :]:
        return i + 1
    j = i + 1
    while j < end and closer not in lines[j]:
        j += 1
    return j + 1


@functools.lru_cache(maxsize=256)
def _unwritable(spec: HeaderSpec, style: CommentStyle) -> str | None:
    """Why the header cannot sit inside this style's comments (``--`` in XML, a holder
    with ``*/`` in C), or None."""
    return next(
        (
            f"{bad!r} cannot stand in a {style.name} comment (header line {line!r})"
            for line in spec.render("YEAR")
            for bad in style.forbidden
            if bad in line
        ),
        None,
    )


def _other_style_block(
    lines: list[str], at: int, style: CommentStyle, spec: HeaderSpec
) -> Block | None:
    """Our header at the top, but in another language's comments (copied from elsewhere)."""
    if at >= len(lines) or not _HEADERISH.search(lines[at]):
        return None
    for other in STYLES.values():
        if other is style or other.name == "sidecar":
            continue
        block = block_at(lines, at, other, spec)
        # Another language's comment is only taken for ours with an SPDX line in it:
        # the line may be no comment here at all (a Markdown heading "# AI training: ...").
        if block is not None and block.ours and _has_spdx(block):
            return block
    return None


def _has_spdx(block: Block) -> bool:
    return any(kind in ("copyright", "identifier") for _, kind, _ in block.kinds)


def _extras(lines: list[str], block: Block, style: CommentStyle, spec: HeaderSpec) -> list[str]:
    """Lines in our block that are not ours (other holders, contributors, what else a
    comment of its own holds), kept as written."""
    ours_copyright = _our_copyright(block, spec)
    kept = []
    for i, kind, text in block.kinds:
        if (
            (kind == "copyright" and i != ours_copyright)
            or kind in ("contributor", "other")
            or (kind == "identifier" and not is_our_identifier(text, spec))
        ):
            kept.append(lines[i] if block.style is style else render_line(text, style))
    return kept


def _our_copyright(block: Block | None, spec: HeaderSpec) -> int | None:
    if block is None:
        return None
    copyrights = [(i, t) for i, k, t in block.kinds if k == "copyright"]
    for i, text in copyrights:
        match = COPYRIGHT.match(text)
        if match and match.group("holder").strip() == spec.holder:
            return i
    return copyrights[0][0] if copyrights else None


def _canonical(
    block: Block | None, extras: list[str], style: CommentStyle, spec: HeaderSpec, fixing: bool
) -> list[str]:
    """The header lines this file should have, keeping other holders' lines after ours."""
    year = None
    index = _our_copyright(block, spec)
    if block is not None and index is not None:
        text = next(t for i, _, t in block.kinds if i == index)
        match = COPYRIGHT.match(text)
        year = match.group("year") if match else None
    rendered, at = _rendered(spec, style, spec.year_for(year, fixing))
    return [*rendered[:at], *extras, *rendered[at:]] if extras else list(rendered)


@functools.lru_cache(maxsize=1024)
def _rendered(
    spec: HeaderSpec, style: CommentStyle, year: str | None
) -> tuple[tuple[str, ...], int]:
    """The header's lines in ``style``, and where other holders' lines go (after ours)."""
    texts = spec.render(year)
    lines = [render_line(t, style) for t in texts]
    at = next((i + 1 for i, t in enumerate(texts) if t.startswith("SPDX-FileCopyrightText")), 0)
    if style.open_line:
        lines = [style.open_line, *lines, style.close_line or ""]
        at += 1
    return tuple(lines), at


@functools.lru_cache(maxsize=256)
def _inserted(spec: HeaderSpec, style: CommentStyle) -> bytes:
    """What goes before a plainly missing header's file: the header a new one gets and
    the style's gap line that parts it from the code (as ``_insert`` writes them, in LF)."""
    lines, _ = _rendered(spec, style, spec.year_for(None, True))
    return "".join(f"{line}\n" for line in (*lines, style.gap)).encode("utf-8")


def _difference(
    found: list[str], canonical: list[str], block: Block, spec: HeaderSpec
) -> tuple[str, str]:
    """Which rule an outdated header breaks, and the first line that differs."""
    pairs = [(old, new) for old, new in zip(found, canonical) if old != new]
    if not pairs:
        return "header-outdated-text", "header has lines missing or left over"
    old, new = pairs[0]
    old_match = COPYRIGHT.match(content(old, block.style) or "")
    new_match = COPYRIGHT.match(content(new, block.style) or "")
    if (
        old_match
        and new_match
        and old_match.group("holder") == new_match.group("holder")
        and old_match.group("year") != new_match.group("year")
    ):
        return "header-outdated-year", f"year {old_match.group('year') or '(none)'!r} is not valid"
    if new.strip() == old.strip():  # the same text, not in the same place on its line
        return "header-outdated-text", f"expected {new!r}, found {old!r}"
    return "header-outdated-text", f"expected {new.strip()!r}, found {old.strip()!r}"


def _remove(lines: list[str], blocks: list[Block]) -> list[str]:
    """``lines`` without ``blocks``, each with the blank line that followed it."""
    drop: set[int] = set()
    for block in blocks:
        drop.update(range(block.start, block.end))
        if block.end < len(lines) and not lines[block.end].strip():
            drop.add(block.end)
    return [line for i, line in enumerate(lines) if i not in drop]


def _insert(
    lines: list[str],
    at: int,
    canonical: list[str],
    style: CommentStyle,
    rule: str,
    message: str,
    line: int,
) -> _Plan:
    following = lines[at:]
    # A blank line keeps the header apart from what follows (for Go, from the package
    # doc comment), or the style's empty comment; after "?>" PHP would print it, so a
    # wrapped header gets none.
    needed = following and following[0].strip() and canonical[-1] != "?>"
    gap = [style.gap] if needed else []
    return _Plan(rule, message, line, lines[:at] + canonical + gap + following)


def whole_lines(body: bytes) -> bytes:
    """``body`` cut after its last complete line (a final CR may be half of a CRLF)."""
    cut = body.rfind(b"\n") + 1 or body.rfind(b"\r", 0, len(body) - 1) + 1
    if not cut:
        raise NeedMore
    return body[:cut]


def _line_ending(text: str) -> str | None:
    if "\r" not in text:
        return "\n"  # most files: no count needed
    crlf = text.count("\r\n")
    kinds = [
        e
        for e, n in (
            ("\r\n", crlf),
            ("\n", text.count("\n") - crlf),
            ("\r", text.count("\r") - crlf),
        )
        if n
    ]
    if len(kinds) > 1:
        return None
    return kinds[0] if kinds else "\n"


def _variant(style: CommentStyle, lines: list[str]) -> CommentStyle:
    """PHP that starts with HTML takes its header inside a ``<?php ... ?>`` of its own;
    an Astro component with a script, inside the script."""
    if style.name == "astro":
        return STYLES["astro-script"] if lines and FENCE.match(lines[0]) else style
    if style.name != "php":
        return style
    first = 1 if lines and lines[0].startswith("#!") else 0
    if first < len(lines) and _PHP_OPEN.match(lines[first]):
        return style
    return STYLES["php-html"]
