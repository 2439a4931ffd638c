# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""What the header engine needs from a project's terms, prepared once per run."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from re import Pattern

from tgpl_git.errors import ConfigError
from tgpl_git.headers.generated import GENERATED, marked
from tgpl_git.headers.template import DEFAULT_TEMPLATE, HeaderSpec, parse_template
from tgpl_git.headers.testdata import test_data
from tgpl_git.terms import EffectiveTerms, Terms
from tgpl_git.terms.globs import compile_globs

# The files REUSE itself leaves alone: licence texts, sidecars, REUSE.toml, SPDX documents.
LICENSING_FILE = re.compile(
    r"(?:^|/)(?:LICENSES/.*|(?:LICEN[CS]E|COPYING)(?:[-.][^/]*)?|[^/]*\.license|REUSE\.toml"
    r"|[^/]*\.spdx(?:\.(?:rdf|json|xml|ya?ml))?)\Z"
)


@dataclass
class Context:
    """A project's header settings: holder, template, style globs, generated markers."""

    terms: Terms
    year: int
    holder: str
    template: tuple[str, ...]
    styles: list[tuple[Pattern[str], str]]
    markers: tuple[bytes, ...]  # the project's own generated-code markers
    skip: Pattern[str] | None = None
    skip_generated: bool = True
    skip_test_data: bool = True
    project: EffectiveTerms | None = None  # what every file gets, when there are no overrides
    _specs: dict[tuple[str, str, str], HeaderSpec] = field(default_factory=dict)
    _by_identity: dict[int, HeaderSpec] = field(default_factory=dict)
    _keep: list[EffectiveTerms] = field(default_factory=list)

    @classmethod
    def create(cls, terms: Terms, today: datetime.date | None = None) -> Context:
        """Read the settings under ``[headers]`` (and the template file they name)."""
        headers = terms.headers
        template: tuple[str, ...] = DEFAULT_TEMPLATE
        if headers.template:
            path = terms.root / headers.template
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(
                    f"headers.template: cannot read {headers.template}: {exc}"
                ) from None
            template = parse_template(text, headers.template)
        styles = []
        for glob, style in headers.styles.items():
            styles.append((compile_globs([glob]), style))
        return cls(
            terms=terms,
            year=(today or datetime.date.today()).year,
            holder=headers.holder or f"The {terms.project.name} Authors",
            template=template,
            styles=styles,
            markers=tuple(m.encode("utf-8") for m in headers.generated_markers),
            skip=compile_globs(headers.skip) if headers.skip else None,
            skip_generated=headers.generated == "skip",
            skip_test_data=headers.test_data == "skip",
            project=None if terms.overrides else terms.terms_for(()),
        )

    def chosen_style(self, path: str) -> bool:
        """Whether ``[headers.styles]`` sets the style of ``path``."""
        return any(pattern.match(path) for pattern, _ in self.styles)

    def generated(self, head: bytes) -> str | None:
        """Why a file with this head takes no header as generated, if ``[headers]
        generated`` is "skip" and it carries a marker: the project's own, or one
        tgpl-git knows (``generated.marked``)."""
        if self.skip_generated and (any(m in head for m in self.markers) or marked(head)):
            return GENERATED
        return None

    def test_data(self, path: str) -> str | None:
        """Why a file takes no header as one that tests read as it is, if ``[headers]
        test-data`` is "skip" and its path says so (``testdata.test_data``)."""
        return test_data(path) if self.skip_test_data else None

    def spec_for(self, effective: EffectiveTerms) -> HeaderSpec:
        """The header a file with these effective terms must carry.

        ``effective`` comes from ``Terms.terms_for``, which gives the same object for the
        same overrides, so its identity is the cheapest key (asked once per file).
        """
        spec = self._by_identity.get(id(effective))
        if spec is not None:
            return spec
        key = (effective.expression, effective.training, effective.license or "")
        spec = self._specs.get(key)
        if spec is None:
            spec = HeaderSpec(
                holder=self.holder,
                expression=effective.expression,
                training=effective.training,
                terms_id=effective.license or "",
                year_policy=self.terms.headers.year,
                current_year=self.year,
                template=self.template,
                line_length=self.terms.headers.line_length,
            )
            self._specs[key] = spec
        self._by_identity[id(effective)] = spec
        self._keep.append(effective)  # so that its id is never reused by another object
        return spec


def is_licensing_file(path: str) -> bool:
    """Licence texts, REUSE sidecars and REUSE.toml, which never get a header themselves.

    The same files as REUSE skips (its names are case-sensitive: docs/license.rst is
    a page about the licence, and gets a header).
    """
    if (
        "LICEN" not in path
        and "COPYING" not in path
        and "REUSE" not in path
        and (".license" not in path and ".spdx" not in path)
    ):
        return False
    return LICENSING_FILE.search(path) is not None
