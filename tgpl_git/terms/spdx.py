# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""SPDX licence expressions, checked with ``license-expression``.

Pure: a string in, a verdict out. The licence list is loaded on first use only,
so commands that never look at an expression do not pay for it.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

LICENSE_REF = re.compile(r"^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$")
_TOKEN = re.compile(r"[^\s()]+")


class Verdict(NamedTuple):
    """What is wrong with an expression (``problem``) and the licence ids it names."""

    problem: str | None
    keys: tuple[str, ...] = ()

    @property
    def license_refs(self) -> tuple[str, ...]:
        """The project's own ids (``LicenseRef-...``), whose texts must be shipped."""
        return tuple(key for key in self.keys if LICENSE_REF.match(key))


@functools.lru_cache(maxsize=1)
def _licensing() -> Any:
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


@functools.lru_cache(maxsize=1)
def _known_keys() -> tuple[str, ...]:
    return tuple(sorted(symbol.key for symbol in _licensing().known_symbols.values()))


def check_expression(expression: str) -> Verdict:
    """Check an SPDX expression: syntax, known ids, ``LicenseRef-`` form, canonical spelling."""
    licensing = _licensing()
    try:
        info = licensing.validate(expression)
    except Exception as exc:  # license-expression raises, rather than reports, on some input
        return Verdict(f"not a valid SPDX expression ({_reason(exc)})")
    unknown = [key for key in info.invalid_symbols if key]
    refs = tuple(key for key in unknown if LICENSE_REF.match(key))
    others = [key for key in unknown if key not in refs]
    syntax = [e for e in info.errors if not e.startswith("Unknown license key")]
    if syntax or (info.invalid_symbols and not unknown):
        detail = syntax[0] if syntax else "Invalid expression"
        return Verdict(f"not a valid SPDX expression ({detail.rstrip('.')})", refs)
    if others:
        key = others[0]
        import difflib  # only a wrong id pays for it

        suggestion = difflib.get_close_matches(key, _known_keys(), n=1, cutoff=0.6)
        hint = f" (did you mean {suggestion[0]!r}?)" if suggestion else ""
        prefix = "" if key.startswith("LicenseRef-") else "; use LicenseRef-<name> for your own"
        return Verdict(f"unknown SPDX licence id {key!r}{hint}{prefix}", refs)
    try:
        parsed = licensing.parse(expression, validate=False)
    except Exception as exc:
        return Verdict(f"not a valid SPDX expression ({_reason(exc)})")
    keys = tuple(dict.fromkeys(licensing.license_keys(parsed)))
    canonical = str(parsed)
    if _TOKEN.findall(canonical) != _TOKEN.findall(expression):
        return Verdict(f"write it as {canonical!r} (canonical SPDX spelling)", keys)
    return Verdict(None, keys)


def ids_as_written(expression: str) -> tuple[str, ...]:
    """The licence ids of ``expression`` spelled as it spells them, as REUSE names their
    texts: "GPL-2.0" at LICENSES/GPL-2.0.txt, although SPDX now calls it GPL-2.0-only,
    and "GPL-2.0+" there too (REUSE drops the "+"). Exceptions included: REUSE wants
    their texts as well."""
    operators = {"AND", "OR", "WITH"}
    tokens = (t.removesuffix("+") for t in _TOKEN.findall(expression))
    return tuple(dict.fromkeys(t for t in tokens if t.upper() not in operators))


def single_id_problem(identifier: str) -> str | None:
    """Why ``identifier`` is not one licence id (it has operators or brackets), if it is not."""
    if len(_TOKEN.findall(identifier)) != 1 or "(" in identifier:
        return "expected a single SPDX licence id, not an expression"
    return None


def check_identifier(identifier: str) -> Verdict:
    """Check a single licence id (no operators), such as ``terms.license``."""
    problem = single_id_problem(identifier)
    return Verdict(problem) if problem else check_expression(identifier)


def same_expression(first: str, second: str) -> bool:
    """Whether two expressions say the same (``MIT OR Unlicense``, ``Unlicense OR MIT``);
    one that does not parse is the same only as itself."""
    if first == second:
        return True
    from license_expression import ExpressionError, Licensing

    try:
        return bool(Licensing().is_equivalent(first, second))
    except ExpressionError:
        return False


def _reason(exc: Exception) -> str:
    text = str(exc.args[0]) if exc.args else type(exc).__name__
    return text.split(" for token:")[0].rstrip(".")
