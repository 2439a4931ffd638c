# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Lines that must stay first in a file, as data, and the pure scan that finds where they end.

Each rule is tried at the current line, in table order, once the previous
rules have consumed theirs: a shebang, then an XML declaration, then a
DOCTYPE, and so on. A header is never written above a line a rule keeps first.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple


class PrologRule(NamedTuple):
    """Lines that stay first: where they may start, how far they run, in which styles.

    Patterns are written as text and compiled for a style when a file of that style is
    first read (``rules_for``): compiling every rule cost each start 5 ms, and a
    commit's files are mostly of a few styles.
    """

    name: str
    start: str  # matched at the start of a line
    max_line: int  # the last line index (0-based) at which the rule may start
    styles: frozenset[str] | None = None  # None: every style
    exclude: frozenset[str] = frozenset()
    end: str | None = None  # for blocks: searched in the rest of each line
    repeat: bool = False  # consume consecutive matching lines
    more: str | None = None  # consume the consecutive lines after it that match
    blank_before: bool = False  # blank lines between the previous rule and this one are kept
    blank_after: bool = False  # one blank line after it stays with it (Go build constraints)
    needs: str | None = None  # a block is prolog only if one of its lines has it


class _Compiled(NamedTuple):
    """A rule with its patterns compiled (``follow``: the lines after its first it takes)."""

    rule: PrologRule
    start: re.Pattern[str]
    end: re.Pattern[str] | None
    needs: re.Pattern[str] | None
    follow: re.Pattern[str] | None


def _first_comment(
    name: str, start: str, styles: frozenset[str], end: str | None = None, needs: str | None = None
) -> PrologRule:
    """A comment that tools read only while it opens the file: right after the lines kept
    before it, blank lines allowed."""
    return PrologRule(name, start, 100_000, styles, end=end, blank_before=True, needs=needs)


_HASH = frozenset({"hash"})
_XML = frozenset({"html"})
_CSS = frozenset({"c-block", "c"})
_APOSTROPHE = frozenset({"apostrophe"})
_ASTRO_SCRIPT = frozenset({"astro-script"})
_PERCENT = frozenset({"percent"})
_FENCE = r"---\s*$"  # front matter's, and an Astro component script's
FENCE = re.compile(_FENCE)
_FORMAT_PRAGMAS = "format|prettier|noformat|noprettier"
_JS_PRAGMAS = f"{_FORMAT_PRAGMAS}|jest-environment|jest-environment-options|flow|noflow"

RULES: tuple[PrologRule, ...] = (
    PrologRule("shebang", r"#!(?!\[)", 0),
    PrologRule("zsh-compdef", r"#(compdef|autoload)\b", 0, _HASH),
    PrologRule("swift-tools-version", r"// ?swift-tools-version", 0, frozenset({"c"})),
    PrologRule("xml-declaration", r"<\?xml\s", 0, _XML, end=r"\?>"),
    PrologRule("doctype-with-subset", r"(?i:<!DOCTYPE[^>]*\[)", 1, _XML, end=r"\]\s*>"),
    PrologRule("doctype", r"(?i:<!DOCTYPE)", 1, _XML, end=r">"),
    PrologRule("php-open", r"<\?php\b(?!.*\?>)", 1, frozenset({"php"})),
    PrologRule(
        "php-strict-types",
        r"declare\s*\(\s*strict_types\s*=\s*1\s*\)\s*;",
        8,
        frozenset({"php"}),
        blank_before=True,
    ),
    PrologRule("css-charset", r"@charset\s", 0, _CSS),
    PrologRule("yaml-directive", r"%(YAML|TAG)\s", 0, _HASH, repeat=True),
    PrologRule(
        "front-matter-yaml",
        _FENCE,
        0,
        exclude=_HASH | _ASTRO_SCRIPT,
        end=r"^(---|\.\.\.)\s*$",
    ),
    PrologRule("astro-script-fence", _FENCE, 0, _ASTRO_SCRIPT),
    PrologRule("front-matter-toml", r"\+\+\+\s*$", 0, exclude=_HASH, end=r"^\+\+\+\s*$"),
    # man reads the preprocessors a page needs (tbl, eqn, pic...) from a first line
    # '\" teg; TeX reads a format to load from a first line %&fmt; texinfo.tex must be
    # loaded by the first line, \input texinfo, before any @c can be read.
    # (Before the Emacs cookie: Emacs and man read one on the line after '\" too.)
    PrologRule("man-preprocessors", r"'\\\" +[egprtvj]+\b", 0, frozenset({"troff"})),
    PrologRule("tex-format-line", r"%&", 0, _PERCENT),
    PrologRule("texinfo-input", r"\\input\s+texinfo\b", 0, frozenset({"texinfo"})),
    PrologRule("python-coding", r"[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+", 1, _HASH),
    PrologRule("emacs-cookie", r".*-\*-.*-\*-", 1),
    # Magic first lines: PostScript's "%!PS" (printers take a file without it for text;
    # the %%BoundingBox and other DSC header comments after it end at the first line
    # that is not "%" and a printable character, so they stay with it),
    # a .reg file's format line (regedit refuses the file), sed's "#n" (it stands for
    # -n only as the first line), and escript's "%%!" emulator flags (below).
    PrologRule("postscript-magic", r"%!", 0, _PERCENT, more=r"%[!-~]"),
    PrologRule(
        "regedit-version",
        r"(Windows Registry Editor Version|REGEDIT4)\b",
        0,
        frozenset({"semicolon"}),
    ),
    PrologRule("sed-quiet", r"#n\s*$", 0, _HASH),
    # Vim reads modelines in the first five lines only: a header would push one out, on
    # its own or after the lines above (#!, a coding line). (A comment marker of a few
    # characters, then the modeline: no ".*", which would cost every first line a scan.)
    PrologRule("vim-modeline", r"(?:\S{0,8}\s+)?vim?:\s*(?:set?\s+)?[a-z]+\b", 4),
    # escript reads emulator flags from line 2 or 3 (after #! and an Emacs cookie).
    PrologRule("escript-flags", r"%%!", 2, _PERCENT),
    # cloud-init tells a user-data file's kind from its first line (#cloud-config, a
    # boothook, a #! script); a Jinja template says so first, the kind on line 2. Nim
    # reads a source code filter (#? stdtmpl) from the first line only.
    PrologRule("cloud-init-template", r"##\s*template:\s*jinja\b", 0, _HASH),
    PrologRule(
        "cloud-init-kind",
        r"#(cloud-config|cloud-config-archive|cloud-config-jsonp|cloud-boothook"
        r"|include|include-once|part-handler|upstart-job)\s*$|#!",
        1,
        _HASH,
    ),
    PrologRule("nim-source-filter", r"#\?", 0, _HASH),
    # dune reads a dune-project's or dune-workspace's version from its very first bytes.
    PrologRule("dune-lang", r"\([ \t]*lang\s", 0, frozenset({"semicolon"})),
    # Ansible and Salt read a template's Jinja overrides from its first line only.
    PrologRule("jinja2-overrides", r"#jinja2:", 0, frozenset({"jinja"})),
    PrologRule(
        "ruby-magic-comment",
        r"#\s*(frozen_string_literal|encoding|warn_indent|shareable_constant_value|typed)\s*:",
        12,
        _HASH,
        repeat=True,
    ),
    PrologRule(
        "dockerfile-directive", r"(?i:#\s*(syntax|escape|check)\s*=)", 0, _HASH, repeat=True
    ),
    PrologRule(
        "go-build-constraint",
        r"//go:build\b|// \+build\b",
        0,
        frozenset({"c"}),
        repeat=True,
        blank_after=True,
    ),
    PrologRule("batch-echo-off", r"(?i:@echo\s+off\b)", 0, frozenset({"rem"})),
    # Script runners that read their options from the block right after the #! line:
    # Haskell's stack and cabal ({- stack script ... -}), Rust's cargo (--- ... ---).
    PrologRule(
        "haskell-script-options",
        r"\{-\s*(stack|cabal:)",
        1,
        frozenset({"dash"}),
        end=r"-\}",
    ),
    PrologRule(
        "cargo-script-frontmatter",
        r"---[\w.-]*\s*$",
        1,
        frozenset({"c"}),
        end=r"^---\s*$",
    ),
    # A Visual Basic / VBA module as exported: the form or class designer block and the
    # hidden Attribute lines come first, or the IDE imports them as code.
    PrologRule("vb-version", r"(?i:VERSION\s+\d)", 0, _APOSTROPHE),
    PrologRule("vb-object", r"Object\s*=\s*\"?[{*]", 1, _APOSTROPHE, repeat=True),
    PrologRule("vb-designer", r"(?i:BEGIN\b)", 40, _APOSTROPHE, end=r"(?i:^END\s*$)"),
    PrologRule("vb-attributes", r"Attribute\s+VB_\w+\s*=", 100_000, _APOSTROPHE, repeat=True),
    # A B4X module: the IDE's settings run to the @EndOfDesignText@ line.
    PrologRule("b4x-design", r"B4[AIJR]=true", 0, _APOSTROPHE, end=r"@EndOfDesignText@"),
    # Pragmas read from a file's first comment only: jest's test environment (its
    # docblock must open the file), prettier's @format and @noformat (requirePragma,
    # checkIgnorePragma), Flow's @flow. A comment with one of them stays first; any
    # other first comment (a licence notice, say) keeps its place under the header.
    _first_comment(
        "first-comment-pragmas",
        r"\s*/\*",
        _CSS,
        end=r"\*/",
        needs=rf"^\s*(?:/\*+|\*+)?\s*@(?:{_JS_PRAGMAS})(?=\s|\*|$)",
    ),
    _first_comment("first-comment-format-pragma", rf"\s*#\s*@(?:{_FORMAT_PRAGMAS})\s*$", _HASH),
    _first_comment(
        "first-comment-format-pragma-html",
        r"\s*<!--",
        _XML,
        end=r"-->",
        needs=rf"^\s*(?:<!--)?\s*@(?:{_FORMAT_PRAGMAS})(?=\s|-->|$)",
    ),
    _first_comment(
        "first-comment-format-pragma-mdx",
        rf"\s*\{{\s*/\*\s*@(?:{_FORMAT_PRAGMAS})\s*\*/\s*\}}\s*$",
        _XML | frozenset({"mdx"}),
    ),
)


class NeedMore(Exception):
    """The answer depends on bytes past those read so far; read more of the file.

    ``in_prolog``: the lines that must stay first are still running, so no
    header position can be given without reading further.
    """

    def __init__(self, in_prolog: bool = True) -> None:
        super().__init__("in prolog" if in_prolog else "in top comments")
        self.in_prolog = in_prolog


@functools.lru_cache(maxsize=64)
def rules_for(style: str) -> tuple[_Compiled, ...]:
    """The rules that apply to files of ``style``, in table order, compiled."""
    return tuple(_compiled(rule) for rule in _applying(style))


def _applying(style: str) -> list[PrologRule]:
    return [
        rule
        for rule in RULES
        if (rule.styles is None or style in rule.styles) and style not in rule.exclude
    ]


def _compiled(rule: PrologRule) -> _Compiled:
    start = re.compile(rule.start)
    more = rule.more or (rule.start if rule.repeat else None)
    return _Compiled(
        rule,
        start,
        None if rule.end is None else re.compile(rule.end),
        None if rule.needs is None else re.compile(rule.needs),
        None if more is None else re.compile(more),
    )


@functools.lru_cache(maxsize=64)
def first_line_pattern(style: str) -> re.Pattern[str]:
    """One pattern for every rule that may claim a first line in ``style``: a line it
    does not match starts no prolog. (Made from the rules' text: a file that starts
    with code needs only this, and compiling the rules as well would double the cost.)"""
    return re.compile("|".join(f"(?:{rule.start})" for rule in _applying(style)))


def prolog_length(lines: Sequence[str], style: str, complete: bool, comment: str = "") -> int:
    """How many of ``lines`` (without line endings) are prolog, for a file of ``style``
    (``comment``: how its comment lines start, see ``_continued``).

    Raises ``NeedMore`` when a block (front matter, a DOCTYPE) is still open at the
    end of ``lines`` and the file goes on. A block never closed in a complete file
    is not a prolog block, and stays where it is.
    """
    i = 0
    for compiled in rules_for(style):
        rule = compiled.rule
        start = i
        if rule.blank_before:
            while start < len(lines) and not lines[start].strip():
                start += 1
        if start == len(lines) and not complete and start <= rule.max_line:
            raise NeedMore  # the next line, unread yet, may be this rule's
        if start > rule.max_line or start >= len(lines):
            continue
        match = compiled.start.match(lines[start])
        if not match:
            continue
        if compiled.end is not None:
            needs = compiled.needs
            try:
                end = _block_end(lines, start, match.end(), compiled.end, complete)
            except NeedMore:
                if needs is None:
                    raise
                # A first comment still open: read on, but past the limit it is a comment
                # running on, as any other (the header goes above it), not a prolog.
                raise NeedMore(in_prolog=False) from None
            if end is None or (
                needs is not None and not any(needs.search(line) for line in lines[start : end + 1])
            ):
                continue
            i = end + 1
        else:
            i = start + 1
            follow = compiled.follow
            while follow is not None and i < len(lines) and follow.match(lines[i]):
                i += 1
        if rule.blank_after and i < len(lines) and not lines[i].strip():
            i += 1
    return _continued(lines, i, complete, comment)


def _continued(lines: Sequence[str], i: int, complete: bool, comment: str) -> int:
    """``i``, moved past the lines of code that a backslash at the end of the prolog's
    last line joins to it. A comment ending in a backslash goes on over the next line in
    Tcl (and C): the old trick of a shell script that runs wish (``# Tcl ignores the
    next line -*- tcl -*- \\`` then ``exec wish "$0"``) relies on it, and a header in
    between would hand the shell's lines to Tcl. A comment line joined so stays a
    comment whatever comes before it, and is not taken."""
    while (
        0 < i < len(lines)
        and lines[i - 1].endswith("\\")
        and not (comment and lines[i].lstrip().startswith(comment))
    ):
        i += 1
    if i == len(lines) and i and lines[i - 1].endswith("\\") and not complete:
        raise NeedMore
    return i


def _block_end(
    lines: Sequence[str], start: int, offset: int, end: re.Pattern[str], complete: bool
) -> int | None:
    if end.search(lines[start], offset):
        return start
    for j in range(start + 1, len(lines)):
        if end.search(lines[j]):
            return j
    if not complete:
        raise NeedMore
    return None
