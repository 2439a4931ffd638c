# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""What the yes-or-no formats can say: a verdict per use and a robots.txt path pattern per glob.

``conditional`` has no yes-or-no form; ``fallback`` decides which it becomes.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from tgpl_git.terms import Terms
from tgpl_git.terms.model import EffectiveTerms

# Characters written as they are in a robots.txt path; the rest are percent-encoded,
# '*' and '$' included when the glob means them literally.
_PLAIN = "-._~!&'()+,;=:@"


def allows(value: str, fallback: str) -> bool:
    """``allowed`` and ``disallowed`` as they are; ``conditional`` as ``fallback`` says."""
    if value == "conditional":
        return fallback == "allow"
    return value == "allowed"


def verdicts(terms: EffectiveTerms) -> dict[str, bool]:
    """Training and search, each a yes or a no."""
    return {
        "training": allows(terms.training, terms.fallback),
        "search": allows(terms.search, terms.fallback),
    }


@dataclass(frozen=True)
class Difference:
    """An ``[[overrides]]`` glob where a verdict differs from the project's."""

    glob: str
    pattern: str  # the robots.txt path pattern for the glob
    verdicts: dict[str, bool]  # only the uses whose verdict differs


def site_root(terms: Terms) -> str:
    """The URL path the repository's files are served under: ``/`` unless ``website`` says."""
    path = urlsplit(terms.project.website or "").path or "/"
    return path if path.endswith("/") else path + "/"


def export_url(terms: Terms, fmt: str) -> str | None:
    """Where the ``fmt`` export is served, when ``website`` and ``[export]`` both say."""
    if not terms.project.website:
        return None
    paths = sorted(path for path, kind in terms.export.items() if kind == fmt)
    if not paths:
        return None
    return urljoin(terms.project.website.rstrip("/") + "/", quote(paths[0], safe="/"))


def differences(terms: Terms) -> list[Difference]:
    """Per glob of every override, the verdicts that differ from the project's, in file order."""
    base = verdicts(terms.project_terms())
    root = site_root(terms)
    found: list[Difference] = []
    for index, override in enumerate(terms.overrides):
        mine = verdicts(terms.terms_for((index,)))
        differ = {use: value for use, value in mine.items() if value != base[use]}
        if differ:
            found.extend(Difference(g, robots_pattern(g, root), differ) for g in override.paths)
    return found


def robots_pattern(glob: str, root: str = "/") -> str:
    """The RFC 9309 path pattern that matches at least what ``glob`` matches.

    ``*`` and ``**`` both become the robots wildcard, which crosses folders, so
    ``src/*.c`` also matches ``src/a/b.c``: the pattern can be broader, never
    narrower. A glob that ends in ``**`` is a prefix; any other ends in ``$``.
    ``root`` is the URL path the repository is served under.
    """
    out: list[str] = []
    escaping = False
    stars = 0  # unescaped '*' just read, slashes after '**' not counted
    for char in glob:
        if char == "\\" and not escaping:
            escaping = True
            continue
        if char == "*" and not escaping:
            stars += 1
            if not out or out[-1] != "*":
                out.append("*")
        elif char == "/" and not escaping and stars >= 2:
            pass  # reuse drops slashes after '**'; the wildcard covers them and their absence
        else:
            out.append("/" if char == "/" else quote(char, safe=_PLAIN))
            stars = 0
        escaping = False
    text = root + "".join(out)
    return text[:-1] if text.endswith("*") else text + "$"


def spill_patterns(glob: str, root: str = "/") -> list[str]:
    """Patterns that cover every path ``robots_pattern(glob)`` matches and ``glob`` does not.

    Only a lone ``*`` (which stops at ``/`` in a glob, not in robots.txt) spills,
    unless a ``**`` right before it already crosses folders; the pattern with
    that ``*`` widened to ``*/*`` is where it does.
    """
    starts = [i for i in _lone_stars(glob) if not glob[:i].rstrip("/").endswith("**")]
    return [robots_pattern(glob[:i] + "*/*" + glob[i + 1 :], root) for i in starts]


def _lone_stars(glob: str) -> list[int]:
    """Offsets of each ``*`` that is neither escaped nor part of ``**``."""
    stars: list[list[int]] = []  # runs of unescaped '*', as offsets
    escaping, previous = False, -2
    for offset, char in enumerate(glob):
        if char == "*" and not escaping:
            if previous == offset - 1 and stars:
                stars[-1].append(offset)
            else:
                stars.append([offset])
            previous = offset
        escaping = char == "\\" and not escaping
    return [run[0] for run in stars if len(run) == 1]
