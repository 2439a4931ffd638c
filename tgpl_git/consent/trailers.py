# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Commit message trailers, read by git's own rules (trailer.c), as a pure function.

What counts as a trailer decides whose consent a commit carries, so this reads
exactly what ``git interpret-trailers --parse --no-divider`` and ``git log``'s
``%(trailers)`` read (a test compares the two on generated messages):

- only the last paragraph can hold trailers, never the title paragraph;
- that paragraph is a trailer block when all its lines are trailers, or when
  it has a git-generated or configured trailer and at least 25 % trailers;
- lines that start with whitespace continue the trailer above them;
- comment lines and, at the end, the scissors line and what follows it, and
  trailing comments and blank lines, are not part of it.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Sequence
from typing import NamedTuple

GIT_GENERATED_PREFIXES = ("Signed-off-by: ", "(cherry picked from commit ")
CUT_LINE = "------------------------ >8 ------------------------\n"
# git's own isspace() (ctype.c), not C's: a vertical tab or a form feed is no space to git.
GIT_SPACE = " \t\n\r"
_FOLD = re.compile(r"\n[ \t\n\r]*")
_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")  # git splits on LF only


class Trailer(NamedTuple):
    """One trailer: its key as written (case kept) and its value, unfolded."""

    key: str
    value: str

    def is_key(self, key: str) -> bool:
        """Keys compare case-insensitively, as ``%(trailers:key=...)`` does."""
        return self.key.lower() == key.lower()


class Configured(NamedTuple):
    """A ``trailer.<name>.*`` section of git's configuration, and its ``key`` if set."""

    name: str
    key: str | None = None


def parse_trailers(
    message: str,
    comment: str = "#",
    separators: str = ":",
    configured: Sequence[Configured] = (),
) -> list[Trailer]:
    """The trailers of a commit message (``comment``: core.commentChar or commentString).

    As git does, a key that begins a configured trailer's name or key (any case) is
    read as that trailer's key: with ``trailer.consent.key`` set to Training-Consent,
    "consent: ..." and "Training: ..." are both Training-Consent trailers."""
    end = _end_of_message(message, comment)
    start = _trailer_block_start(message, end, comment, separators, configured)
    trailers = []
    for line in _joined_lines(message[start:end], separators):
        if line.startswith(comment):
            continue
        position = _separator(line, separators)
        if position >= 1:
            key = _trim(line[:position])
            trailers.append(
                Trailer(_as_configured(key, configured), _unfold(_trim(line[position + 1 :])))
            )
    return trailers


def _as_configured(key: str, configured: Sequence[Configured]) -> str:
    """git's token_from_item: the key of the first configured trailer the key begins."""
    length = len(key)
    while length and not (key[length - 1].isascii() and key[length - 1].isalnum()):
        length -= 1  # token_len_without_separator
    item = next((c for c in configured if _token_matches(key, c, length)), None)
    return item.key if item is not None and item.key else key


def _joined_lines(block: str, separators: str) -> Iterable[str]:
    """The block's lines, each trailer joined with its continuation lines."""
    lines: list[str] = []
    last_is_trailer = False
    for line in _LINES.findall(block):
        if last_is_trailer and line[:1] and line[0] in GIT_SPACE:
            lines[-1] += line
            continue
        lines.append(line)
        last_is_trailer = _separator(line, separators) >= 1
    return lines


def _end_of_message(message: str, comment: str) -> int:
    """Where trailers may end: before the scissors, trailing comments and blank lines."""
    cutoff = _locate_scissors(message, comment)
    start_of_comments = 0
    bol = 0
    in_conflicts = False
    while bol < cutoff:
        nl = message.find("\n", bol)
        next_line = len(message) if nl < 0 else nl + 1
        if message.startswith(comment, bol) or message.startswith("\n", bol):
            if not start_of_comments:
                start_of_comments = bol
        elif message.startswith("Conflicts:\n", bol):
            in_conflicts = True
            if not start_of_comments:
                start_of_comments = bol
        elif in_conflicts and message.startswith("\t", bol):
            pass
        elif start_of_comments:
            start_of_comments = 0
            in_conflicts = False
        bol = next_line
    return start_of_comments if start_of_comments else cutoff


def _locate_scissors(message: str, comment: str) -> int:
    pattern = f"\n{comment} {CUT_LINE}"
    if message.startswith(pattern[1:]):
        return 0
    found = message.find(pattern)
    return found + 1 if found >= 0 else len(message)


def _trailer_block_start(
    message: str, end: int, comment: str, separators: str, configured: Sequence[Configured]
) -> int:
    """git's find_trailer_start: the start of the last paragraph, if it is a trailer block."""
    lines = _lines_with_offsets(message[:end])
    end_of_title = end
    for offset, line in lines:
        if line.startswith(comment):
            continue
        if _blank(line):
            end_of_title = offset
            break
    only_spaces = True
    recognized_prefix = False
    trailer_lines = non_trailer_lines = possible_continuations = 0
    for offset, line in reversed(lines):
        if offset < end_of_title:
            break
        if line.startswith(comment):
            non_trailer_lines += possible_continuations
            possible_continuations = 0
            continue
        if _blank(line):
            if only_spaces:
                continue
            non_trailer_lines += possible_continuations
            if recognized_prefix and trailer_lines * 3 >= non_trailer_lines:
                return offset + len(line)
            if trailer_lines and not non_trailer_lines:
                return offset + len(line)
            return end
        only_spaces = False
        if line.startswith(GIT_GENERATED_PREFIXES):
            trailer_lines += 1
            possible_continuations = 0
            recognized_prefix = True
            continue
        position = _separator(line, separators)
        if position >= 1 and line[0] not in GIT_SPACE:
            trailer_lines += 1
            possible_continuations = 0
            if not recognized_prefix and any(
                _token_matches(line, item, position) for item in configured
            ):
                recognized_prefix = True
        elif line[:1] and line[0] in GIT_SPACE:
            possible_continuations += 1
        else:
            non_trailer_lines += 1 + possible_continuations
            possible_continuations = 0
    return end


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """Each line with its offset; the last line ends at the end of ``text``."""
    result = []
    offset = 0
    for line in _LINES.findall(text):
        result.append((offset, line))
        offset += len(line)
    return result


def _token_matches(token: str, item: Configured, length: int) -> bool:
    """git's token_matches_item: ``token``'s first ``length`` characters begin the
    configured trailer's name or its key, in any case (strncasecmp)."""
    head = token[:length].lower()
    return any(
        word is not None and len(word) >= length and word[:length].lower() == head
        for word in (item.name, item.key)
    )


def _separator(line: str, separators: str) -> int:
    """git's find_separator: where the key ends, or -1 if the line is no trailer.

    A key is letters, digits and '-', then optional spaces, then a separator.
    """
    match = _separator_pattern(separators).match(line)
    return match.end() - 1 if match else -1


@functools.lru_cache(maxsize=8)
def _separator_pattern(separators: str) -> re.Pattern[str]:
    key_chars = "".join(c for c in "-0123456789" if c not in separators)
    key = f"[A-Za-z{re.escape(key_chars)}]"
    if any(c.isalpha() for c in separators):  # a letter as separator: spell the class out
        letters = "".join(c for c in string.ascii_letters if c not in separators)
        key = f"[{re.escape(letters + key_chars)}]"
    return re.compile(f"(?:{key}+[ \t]*)?[{re.escape(separators)}]")


def _blank(line: str) -> bool:
    return not line.strip(GIT_SPACE)


def _trim(text: str) -> str:
    return text.strip(GIT_SPACE)


def _unfold(value: str) -> str:
    """Continuation lines fold down to single spaces."""
    if "\n" not in value:
        return value
    return _trim(_FOLD.sub(" ", value))
