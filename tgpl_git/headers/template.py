# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""What a header says: the text lines (without comment markers) for one file's terms.

Pure: the terms and a year go in, lines come out. The human sentence follows
the file's effective training terms, so an override changes what it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tgpl_git.errors import ConfigError

# REUSE-IgnoreStart: header lines below are data, not this file's licence.
DEFAULT_TEMPLATE = (
    "SPDX-FileCopyrightText: {year} {holder}",
    "SPDX-License-Identifier: {expression}",
    "{sentence}",
)

SENTENCES = {
    "conditional": (
        "AI training: permitted only if trained models are released as free software; "
        "see ai-training.toml."
    ),
    "allowed": "AI training: permitted; see ai-training.toml.",
    "disallowed": "AI training: not permitted; see ai-training.toml.",
}

COPYRIGHT = re.compile(
    r"SPDX-FileCopyrightText:[ \t]*"
    r"(?:(?P<year>\d{4}(?:[ \t]*-[ \t]*\d{4})?),?[ \t]+)?(?P<holder>.*)$"
)
IDENTIFIER = re.compile(r"SPDX-License-Identifier:[ \t]*(?P<expression>.*?)[ \t]*$")
CONTRIBUTOR = re.compile(r"SPDX-FileContributor:")
SENTENCE = re.compile(r"AI training:")
_YEAR_TEXT = re.compile(r"(\d{4})(?:[ \t]*-[ \t]*(\d{4}))?")
_PLACEHOLDER = re.compile(r"\{(year|holder|expression|sentence)\}")


@dataclass(frozen=True)
class HeaderSpec:
    """Everything one file's header depends on."""

    holder: str
    expression: str
    training: str
    terms_id: str
    year_policy: str  # first | range | none
    current_year: int
    template: tuple[str, ...] = DEFAULT_TEMPLATE
    line_length: int = 0  # the project's limit: the sentence is wrapped to keep within it

    def __hash__(self) -> int:
        # Specs key several caches that are asked once per file: hash the fields once.
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(
                (
                    self.holder,
                    self.expression,
                    self.training,
                    self.terms_id,
                    self.year_policy,
                    self.current_year,
                    self.template,
                    self.line_length,
                )
            )
            object.__setattr__(self, "_hash", cached)
        return cached

    @property
    def sentence(self) -> str:
        return SENTENCES[self.training]

    def render(self, year: str | None) -> list[str]:
        """The header's lines for a copyright ``year`` text (None: no year)."""
        values = {
            "holder": self.holder,
            "expression": self.expression,
            "sentence": self.sentence,
            "year": year or "",
        }
        lines = []
        for line in self.template:
            if line == "{sentence}" and self.line_length:
                lines += wrap(self.sentence, self.line_length - MARKERS_WIDTH)
                continue
            if not year:
                line = line.replace("{year} ", "").replace(" {year}", "")
            lines.append(_PLACEHOLDER.sub(lambda m: values[m.group(1)], line))
        return lines

    def year_for(self, existing: str | None, fixing: bool) -> str | None:
        """The year text a header should carry, given the one it has (if any).

        The check accepts any valid year or range; the fixer writes the policy:
        ``range`` extends an older first year to this year, ``first`` keeps it.
        """
        if self.year_policy == "none":
            return existing if existing and valid_year(existing, self.current_year) else None
        if not existing or not valid_year(existing, self.current_year):
            return str(self.current_year)
        first = existing[:4]
        if fixing and self.year_policy == "range" and int(first) < self.current_year:
            return f"{first}-{self.current_year}"
        return existing

    def template_patterns(self) -> list[re.Pattern[str]]:
        """One pattern per template line, placeholders as wildcards (to recognise our lines,
        whose text is read without the spaces around it)."""
        patterns = []
        for line in self.template:
            parts = _PLACEHOLDER.split(line.strip())
            regex = "".join(re.escape(p) if i % 2 == 0 else ".*" for i, p in enumerate(parts))
            patterns.append(re.compile(regex.replace(r"\ .*", r"(?:\ .*)?") + r"\Z"))
        return patterns


# What the widest comment markers add to a line ("{{!-- " and " --}}"): a sentence wrapped
# to the project's line length less this fits in every style, and wraps the same in all.
MARKERS_WIDTH = 12


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken at spaces (a word longer
    than ``width`` gets a line of its own)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def valid_year(text: str, current_year: int) -> bool:
    """A year or range from 1970 to next year, first not after last."""
    match = _YEAR_TEXT.fullmatch(text)
    if not match:
        return False
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return 1970 <= first <= last <= current_year + 1


_TAG_LIMITS = (
    ("SPDX-FileCopyrightText:", 1, "one"),
    ("SPDX-License-Identifier:", 1, "one"),
    ("SPDX-FileContributor:", 0, "no"),
)


def parse_template(text: str, source: str) -> tuple[str, ...]:
    """A user's template: its lines, checked for placeholders we know."""
    lines = tuple(line.rstrip() for line in text.strip().splitlines())
    unknown = set(re.findall(r"\{([^}]*)\}", text)) - {"year", "holder", "expression", "sentence"}
    if unknown:
        raise ConfigError(f"{source}: unknown placeholder(s) {', '.join(sorted(unknown))}")
    for number, line in enumerate(lines, 1):
        # A line of placeholders alone could be any comment line: no header is read back.
        if line.strip() != "{sentence}" and "{" in line and not _PLACEHOLDER.sub("", line).strip():
            raise ConfigError(
                f"{source}:{number}: {line!r} is placeholders alone; "
                "give it words of its own (Copyright {year} {holder})"
            )
    # Lines beside ours with these tags are other holders' and contributors', kept as the
    # file has them: the template has one of each of ours, and none of theirs.
    for tag, most, say in _TAG_LIMITS:
        if sum(line.lstrip().startswith(tag) for line in lines) > most:
            raise ConfigError(f"{source}: the template may have {say} {tag[:-1]} line")
    # The identifier line is what REUSE reads, and what tells our header from others.
    if not any(IDENTIFIER.match(line.lstrip()) and "{expression}" in line for line in lines):
        raise ConfigError(
            f"{source}: the template must contain the line "
            "'SPDX-License-Identifier: {expression}'"
        )
    return lines
