# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The ``ai-training.toml`` schema, version 1, as data.

One table drives the validator (``validate.py``), the defaults of the model
(``model.py``) and the shipped JSON Schema (``jsonschema.py``), so the three
cannot drift apart. Checks a table cannot express (a licence text on disk, a
cross-field rule) live in ``validate.py`` and are listed in docs/ai-training-toml.md.
"""

from __future__ import annotations

from typing import NamedTuple, Union

from tgpl_git.headers.styles import STYLES

SCHEMA_VERSION = 1
FILE_NAME = "ai-training.toml"
EXTENSION_PREFIX = "x-"

USAGE = ("allowed", "conditional", "disallowed")
COMMENT_STYLES = tuple(sorted(name for name in STYLES if name not in ("sidecar", "php-html")))
MIN_LINE_LENGTH = 40  # [headers] line-length: below it, the header's tags do not fit anyway
EXPORT_FORMATS = ("tdmrep", "tdm-policy", "aipref", "robots", "rsl", "spdx", "markdown", "json")


class Scalar(NamedTuple):
    """A leaf value: its TOML type, and optionally a closed set of values or a named check."""

    kind: str  # "string" | "integer" | "boolean" | "date"
    choices: tuple[str, ...] = ()
    check: str | None = None  # spdx-id, spdx-expression, terms-id, trailer-key, email, ...
    const: object = None


class ListOf(NamedTuple):
    """A TOML array of one kind of value."""

    item: Scalar
    min_items: int = 0


class OneOrMany(NamedTuple):
    """A single value or a non-empty array of them (override paths)."""

    item: Scalar


class MapOf(NamedTuple):
    """A table whose keys are the user's (globs, file names) and whose values share a type."""

    value: Scalar


class Key(NamedTuple):
    """One key of a table: its type, whether it must be present, its default, what it means."""

    node: Node
    doc: str
    required: bool = False
    default: object = None


class Table(NamedTuple):
    """A TOML table with a fixed set of keys (plus ``x-`` extension keys)."""

    keys: dict[str, Key]


class TableList(NamedTuple):
    """A TOML array of tables (``[[overrides]]``)."""

    table: Table


Node = Union[Scalar, ListOf, OneOrMany, MapOf, Table, TableList]

STRING = Scalar("string")
BOOLEAN = Scalar("boolean")
DATE = Scalar("date")
SPDX_ID = Scalar("string", check="spdx-id")
SPDX_EXPRESSION = Scalar("string", check="spdx-expression")


def _choice(*values: str) -> Scalar:
    return Scalar("string", choices=values)


USAGE_VALUE = _choice(*USAGE)

CONDITIONS = Table(
    {
        "weights-license": Key(
            ListOf(SPDX_EXPRESSION, min_items=1),
            "Licences a trained model's weights may be released under (SPDX).",
            required=True,
        ),
        "openness": Key(STRING, "The open-model definition a released model must meet."),
        "data-disclosure": Key(
            _choice("none", "description", "listing", "full"),
            "How much of the training data must be documented.",
            default="listing",
        ),
        "code-release": Key(
            BOOLEAN, "Training and inference code must be released too.", default=True
        ),
        "derivatives-inherit": Key(
            BOOLEAN, "Fine-tuned and derived models carry the same obligations.", default=True
        ),
        "network-use-is-distribution": Key(
            BOOLEAN, "Offering the model over a network counts as distributing it.", default=True
        ),
        "attribution": Key(
            _choice("none", "dataset-citation", "output-citation"),
            "What credit a model must give the project.",
            default="none",
        ),
    }
)

# Keys a [[overrides]] entry may set for the files it matches; they mean what they mean in [terms].
OVERRIDABLE = {
    "terms": Key(
        Scalar("string", check="terms-id"),
        '"none" (the training terms do not apply here) or the SPDX id of other terms.',
    ),
    "code-license": Key(SPDX_EXPRESSION, "The code licence of the matched files."),
    "training": Key(USAGE_VALUE, "Training on the matched files."),
    "inference": Key(USAGE_VALUE, "Use of the matched files as model input at run time."),
    "search": Key(USAGE_VALUE, "Indexing of the matched files for search."),
    "fallback": Key(_choice("allow", "deny"), "How conditional degrades in yes/no formats."),
    "conditions": Key(CONDITIONS, "Conditions for the matched files, replacing the project's."),
}

SCHEMA = Table(
    {
        "version": Key(
            Scalar("integer", const=SCHEMA_VERSION), "Schema version; always 1.", required=True
        ),
        "project": Key(
            Table(
                {
                    "name": Key(STRING, "The project's name.", required=True),
                    "repository": Key(STRING, "Where the project's source can be cloned."),
                    "contact": Key(STRING, "Who to ask about the terms (mailto: or https: URL)."),
                    "website": Key(
                        Scalar("string", check="web-url"),
                        "Where the project's files are served on the web; exports start there.",
                    ),
                }
            ),
            "The project the terms belong to.",
            required=True,
        ),
        "terms": Key(
            Table(
                {
                    "license": Key(
                        SPDX_ID,
                        "SPDX id of the training terms; text in LICENSES/<id>.txt.",
                        required=True,
                    ),
                    "code-license": Key(
                        SPDX_EXPRESSION, "SPDX expression of the code's own licence.", required=True
                    ),
                    "training": Key(USAGE_VALUE, "Training AI models on the code.", required=True),
                    "inference": Key(
                        USAGE_VALUE, "Use as model input at run time (RAG).", default="allowed"
                    ),
                    "search": Key(USAGE_VALUE, "Indexing for search.", default="allowed"),
                    "fallback": Key(
                        _choice("allow", "deny"),
                        "How conditional degrades in formats that only say yes or no.",
                        default="allow",
                    ),
                    "review-by": Key(DATE, "After this date, check warns the terms are stale."),
                    "conditions": Key(
                        CONDITIONS, 'What a trained model must do; required when "conditional".'
                    ),
                }
            ),
            "The training terms.",
            required=True,
        ),
        "headers": Key(
            Table(
                {
                    "holder": Key(
                        Scalar("string", check="one-line"),
                        "Copyright holder written in new headers.",
                    ),
                    "year": Key(
                        _choice("first", "range", "none"),
                        "Year written in new headers.",
                        default="first",
                    ),
                    "generated": Key(
                        _choice("skip", "annotate"),
                        "Files with generated-code markers.",
                        default="skip",
                    ),
                    "uncommentable": Key(
                        _choice("skip", "sidecar"),
                        "Files that cannot hold a comment.",
                        default="skip",
                    ),
                    "empty-files": Key(_choice("skip", "annotate"), "Empty files.", default="skip"),
                    "line-length": Key(
                        Scalar("integer", check="line-length"),
                        "The longest line the project allows: the sentence is wrapped to fit"
                        " (0: one line).",
                        default=0,
                    ),
                    "test-data": Key(
                        _choice("skip", "annotate"),
                        "Files tests read as they are: expected output, test data folders.",
                        default="skip",
                    ),
                    "generated-markers": Key(
                        ListOf(STRING),
                        "Text that marks a file as generated, besides the usual markers.",
                        default=(),
                    ),
                    "skip": Key(
                        ListOf(STRING),
                        "Globs of files that keep no header (REUSE.toml or a sidecar covers them).",
                        default=(),
                    ),
                    "template": Key(STRING, "Path of a header template file."),
                    "styles": Key(
                        MapOf(_choice(*COMMENT_STYLES)), "Comment style per glob.", default={}
                    ),
                }
            ),
            "How licence headers are written.",
            default={},
        ),
        "consent": Key(
            Table(
                {
                    "trailer": Key(
                        Scalar("string", check="trailer-key"),
                        "The commit trailer that carries consent.",
                        default="Training-Consent",
                    ),
                    "signoff-counts": Key(BOOLEAN, "A Signed-off-by also counts.", default=False),
                    "scope": Key(
                        _choice("commit", "contributor"),
                        "What one consent covers.",
                        default="commit",
                    ),
                    "co-authors": Key(
                        _choice("require", "ignore"), "Co-authored-by trailers.", default="require"
                    ),
                    "check-merges": Key(BOOLEAN, "Merge commits need consent too.", default=False),
                    "since": Key(STRING, "Ancestors of this commit need no consent."),
                    "exempt": Key(
                        ListOf(STRING), "Author email patterns that need none.", default=()
                    ),
                    "grants": Key(
                        TableList(
                            Table(
                                {
                                    "name": Key(
                                        Scalar("string", check="one-line"),
                                        "Who consented.",
                                        required=True,
                                    ),
                                    "email": Key(
                                        Scalar("string", check="email"),
                                        "Their commit email.",
                                        required=True,
                                    ),
                                    "date": Key(DATE, "When they consented.", required=True),
                                    "evidence": Key(STRING, "Where the consent is recorded."),
                                }
                            )
                        ),
                        "Consent given outside commits.",
                        default=(),
                    ),
                }
            ),
            "How commits carry their authors' consent.",
            default={},
        ),
        "overrides": Key(
            TableList(
                Table(
                    {
                        "path": Key(
                            OneOrMany(STRING), "Globs the entry applies to.", required=True
                        ),
                        **OVERRIDABLE,
                    }
                )
            ),
            "Per-path exceptions; later entries win.",
            default=(),
        ),
        "crawlers": Key(
            Table({"block": Key(ListOf(STRING), "User agents refused outright.", default=())}),
            "Crawler rules for websites the project runs.",
            default={},
        ),
        "export": Key(
            MapOf(_choice(*EXPORT_FORMATS)), "Files kept generated from the terms.", default={}
        ),
    }
)
