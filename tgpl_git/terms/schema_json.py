# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The JSON Schema of ``ai-training.toml``, generated from the schema table.

The shipped copy is ``tgpl_git/data/ai-training.schema.json``; a test keeps it
equal to what this module generates. Regenerate with
``python -m tgpl_git.terms.schema_json > tgpl_git/data/ai-training.schema.json``.
TOML dates appear as ``YYYY-MM-DD`` strings in the JSON view of a document.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from tgpl_git.terms.schema import (
    EXTENSION_PREFIX,
    SCHEMA,
    ListOf,
    MapOf,
    Node,
    OneOrMany,
    Scalar,
    Table,
    TableList,
)
from tgpl_git.terms.validate import CONTROL, EMAIL, ISO_DATE, TRAILER_KEY, WEB_URL

SCHEMA_ID = "urn:tgpl-git:ai-training:1"
_SPDX_ID = r"^(?:[A-Za-z0-9.+-]+)$"
_CHECKS: dict[str, dict[str, Any]] = {
    "spdx-id": {"pattern": _SPDX_ID},
    "spdx-expression": {},
    "terms-id": {"anyOf": [{"const": "none"}, {"pattern": _SPDX_ID}]},
    "trailer-key": {"pattern": TRAILER_KEY.pattern},
    "email": {"pattern": EMAIL.pattern},
    "web-url": {"pattern": WEB_URL.pattern},
    "one-line": {"not": {"pattern": CONTROL.pattern}},
}


def json_schema() -> dict[str, Any]:
    """The whole schema, with the cross-field rule for conditional training."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "ai-training.toml",
        "description": "Training terms of a source repository (tgpl-git schema version 1).",
        **_node(SCHEMA),
    }
    conditional = {"properties": {"training": {"const": "conditional"}}, "required": ["training"]}
    schema["properties"]["terms"]["if"] = conditional
    schema["properties"]["terms"]["then"] = {"required": ["conditions"]}
    schema["if"] = {"properties": {"terms": {"not": {"required": ["conditions"]}}}}
    schema["then"] = {
        "properties": {
            "overrides": {"items": {"if": conditional, "then": {"required": ["conditions"]}}}
        }
    }
    return schema


def _node(node: Node) -> dict[str, Any]:
    if isinstance(node, Table):
        properties = {}
        for name, key in node.keys.items():
            properties[name] = {"description": key.doc, **_node(key.node)}
        out: dict[str, Any] = {"type": "object", "properties": properties}
        required = [name for name, key in node.keys.items() if key.required]
        if required:
            out["required"] = required
        out["patternProperties"] = {f"^{EXTENSION_PREFIX}": {}}
        out["additionalProperties"] = False
        return out
    if isinstance(node, TableList):
        return {"type": "array", "items": _node(node.table)}
    if isinstance(node, MapOf):
        return {"type": "object", "additionalProperties": _node(node.value)}
    if isinstance(node, ListOf):
        out = {"type": "array", "items": _node(node.item)}
        if node.min_items:
            out["minItems"] = node.min_items
        return out
    if isinstance(node, OneOrMany):
        return {"anyOf": [_node(node.item), _node(ListOf(node.item, min_items=1))]}
    return _scalar(node)


def _scalar(node: Scalar) -> dict[str, Any]:
    if node.kind == "date":
        return {"type": "string", "pattern": ISO_DATE.pattern}
    if node.kind != "string":
        out: dict[str, Any] = {"type": node.kind}
        if node.const is not None:
            out["const"] = node.const
        return out
    if node.choices:
        return {"type": "string", "enum": list(node.choices)}
    return {"type": "string", "pattern": r"\S", **_CHECKS.get(node.check or "", {})}


def to_json_value(value: Any) -> Any:
    """A parsed TOML value as JSON sees it: dates and times become ISO strings."""
    if isinstance(value, dict):
        return {k: to_json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json_value(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2))
