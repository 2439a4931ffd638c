# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The hooks in ``.pre-commit-config.yaml``: written fresh, or merged into the user's file.

A merge inserts text and touches no byte of what was there: comments, order,
quoting and the other repositories stay as they were. The result is parsed and
compared with the original before it is accepted, so a layout the insertion
does not understand is refused with a message instead of being mangled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tgpl_git.errors import ConfigError

FILE = ".pre-commit-config.yaml"


@dataclass(frozen=True)
class Hook:
    """One hook as ``.pre-commit-hooks.yaml`` declares it (the fields a local copy needs)."""

    id: str
    name: str
    entry: str
    files: str | None = None
    pass_filenames: bool = True
    stages: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


# The hooks init adds, as declared in this project's .pre-commit-hooks.yaml (a test holds
# them equal). tgpl-consent-trailer is opt-in per contributor, and CI runs tgpl-check.
# Each names its stage: a hook without one runs at every stage installed, so the file
# hooks would run a second time when the commit-msg hook does.
HOOKS = (
    Hook(
        "tgpl-terms",
        "tgpl-git terms",
        "tgpl-git terms validate --sync",
        files=r"^(ai-training\.toml|LICENSES/.*)$",
        pass_filenames=False,
        stages=("pre-commit",),
    ),
    Hook(
        "tgpl-headers",
        "tgpl-git headers",
        "tgpl-git headers",
        stages=("pre-commit",),
        types=("file",),
    ),
    Hook(
        "tgpl-consent",
        "tgpl-git consent",
        "tgpl-git consent check --message-file",
        stages=("commit-msg",),
    ),
)

HOOK_TYPES = "default_install_hook_types: [pre-commit, commit-msg]"
# With the commit-msg hook installed, every hook that names no stage would run twice a
# commit (once per hook type): theirs, not ours, which all name theirs. This keeps them
# at pre-commit, where they ran before the commit-msg hook was installed.
DEFAULT_STAGES = "default_stages: [pre-commit]"
_ADDED_KEYS = ("default_install_hook_types", "default_stages")


@dataclass(frozen=True)
class HookSource:
    """Where pre-commit gets the hooks: a repository and revision, or ``local`` (the
    ``tgpl-git`` already installed, as ``language: system``)."""

    repo: str = "local"
    rev: str | None = None


def entry_lines(source: HookSource, hooks: Sequence[Hook], indent: str) -> list[str]:
    """One ``repos`` item holding ``hooks``, its dash at ``indent``."""
    pad = indent + "    "
    lines = [f"{indent}- repo: {source.repo}"]
    if source.repo != "local":
        lines.append(f"{indent}  rev: {source.rev}")
    lines.append(f"{indent}  hooks:")
    for hook in hooks:
        lines.append(f"{pad}- id: {hook.id}")
        if source.repo == "local":
            lines += [
                f"{pad}  name: {hook.name}",
                f"{pad}  entry: {hook.entry}",
                f"{pad}  language: system",
            ]
            if hook.files:
                lines.append(f"{pad}  files: {hook.files}")
            if not hook.pass_filenames:
                lines.append(f"{pad}  pass_filenames: false")
            if hook.types:
                lines.append(f"{pad}  types: [{', '.join(hook.types)}]")
        if hook.stages:
            lines.append(f"{pad}  stages: [{', '.join(hook.stages)}]")
    return lines


def fresh_config(source: HookSource) -> str:
    """A new ``.pre-commit-config.yaml`` with the hooks."""
    lines = [
        "# Hooks run by pre-commit (https://pre-commit.com) on every commit.",
        "# `pre-commit install` sets them up, the commit-msg one included.",
        HOOK_TYPES,
        DEFAULT_STAGES,
        "repos:",
        *entry_lines(source, HOOKS, "  "),
    ]
    return "\n".join(lines) + "\n"


_REPOS = re.compile(r"repos[ \t]*:[ \t]*(?:#.*)?")
_EMPTY_REPOS = re.compile(r"repos[ \t]*:[ \t]*\[[ \t]*\][ \t]*(?:#.*)?")


def merge_config(text: str, source: HookSource) -> str | None:
    """``text`` with the missing hooks added (None: every hook is there already)."""
    old = _load(text)
    if not old:  # empty, or comments only: theirs first, then the whole configuration
        separator = "" if not text or text.endswith("\n") else "\n"
        merged = text + separator + fresh_config(source)
        _load(merged)
        return merged
    present = {
        hook.get("id")
        for repo in old.get("repos") or ()
        if isinstance(repo, dict)
        for hook in repo.get("hooks") or ()
        if isinstance(hook, dict)
    }
    missing = [h for h in HOOKS if h.id not in present]
    if not missing:
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    at = next((i for i, line in enumerate(lines) if _REPOS.fullmatch(line)), None)
    if at is None:
        at = next((i for i, line in enumerate(lines) if _EMPTY_REPOS.fullmatch(line)), None)
        if at is None:
            raise _refuse("no block-style `repos:` key at the start of a line")
        lines[at] = "repos:"
    end, indent = _block_end(lines, at)
    lines[end:end] = entry_lines(source, missing, indent)
    if "default_install_hook_types" not in old:
        lines.insert(at, HOOK_TYPES)
        if "default_stages" not in old:
            lines.insert(at + 1, DEFAULT_STAGES)
    merged = newline.join(lines) + newline
    _verify(old, _load(merged), missing, source)
    return merged


def install_gap(text: str) -> str | None:
    """What to tell a project whose own ``default_install_hook_types`` leaves out the
    commit-msg hook (``pre-commit install`` would then never set up the consent hook)."""
    types = _load(text).get("default_install_hook_types")
    if not isinstance(types, list) or "commit-msg" in types:
        return None
    return (
        f"{FILE} installs only {', '.join(map(str, types)) or 'no'} hooks "
        "(default_install_hook_types): add commit-msg there, or run "
        "`pre-commit install --hook-type commit-msg`, or the consent hook never runs"
    )


def _block_end(lines: list[str], at: int) -> tuple[int, str]:
    """Where the ``repos`` block's last item ends, and the indent of its dashes."""
    end = at + 1
    indent = None
    for i in range(at + 1, len(lines)):
        line = lines[i]
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] not in " -" or line.startswith(("---", "...")):
            break  # the next top-level key, or the end of the document
        if indent is None and stripped.startswith("-"):
            indent = line[: len(line) - len(stripped)]
        end = i + 1
    return end, "  " if indent is None else indent


def _load(text: str) -> dict[str, Any]:
    import yaml  # pre-commit's own parser; only init pays for it

    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{FILE}: not valid YAML: {exc}") from None
    if doc is None:
        doc = {}
    if not isinstance(doc, dict) or not isinstance(doc.get("repos", []), (list, type(None))):
        raise _refuse("expected a mapping with a `repos` list")
    return doc


def _verify(
    old: dict[str, Any], new: dict[str, Any], added: Sequence[Hook], source: HookSource
) -> None:
    """The merge added one repository with ``added`` and the two default keys, nothing else."""
    repos = new.get("repos") or []
    expected = {k: v for k, v in new.items() if k not in _ADDED_KEYS or k in old}
    ok = (
        repos[:-1] == (old.get("repos") or [])
        and repos[-1].get("repo") == source.repo
        and [h.get("id") for h in repos[-1].get("hooks", [])] == [h.id for h in added]
        and {k: v for k, v in expected.items() if k != "repos"}
        == {k: v for k, v in old.items() if k != "repos"}
    )
    if not ok:
        raise _refuse("the hooks could not be added without changing what is there")


def _refuse(why: str) -> ConfigError:
    return ConfigError(
        f"{FILE}: cannot add the tgpl-git hooks ({why}); add them by hand and run init again"
    )
