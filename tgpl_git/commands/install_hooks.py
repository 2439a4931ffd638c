# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git install-hooks``: the plain git hooks, for repositories without pre-commit.

Hooks go where git looks for them (``core.hooksPath`` included). A hook that is
already there and is not ours is kept: it is renamed ``NAME.local`` and ours runs
it first, unless ``--force`` replaces it.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from tgpl_git import git
from tgpl_git.fsio import atomic_write

HOOKS = ("pre-commit", "commit-msg", "prepare-commit-msg")
SOURCE = Path(__file__).resolve().parent.parent / "data" / "hooks"
MARK = "# tgpl-git hook"


def hook_text(name: str, python: str) -> str:
    """Our hook ``name``, calling this tgpl-git (by its interpreter: PATH may not have it)."""
    body = (SOURCE / name).read_text(encoding="utf-8").split("\n", 1)[1]
    command = f"{shlex.quote(python)} -m tgpl_git "
    body = body.replace("exec tgpl-git ", f"exec {command}").replace("\ntgpl-git ", f"\n{command}")
    chain = (
        f"{MARK} (tgpl-git install-hooks); an earlier hook runs first, as {name}.local\n"
        f'if [ -x "$0.local" ]; then "$0.local" "$@" || exit $?; fi\n'
    )
    return f"#!/bin/sh\n{chain}{body}"


def install_hooks_command(force: bool) -> str:
    """Write the hooks; say what was written, kept, or chained."""
    root = git.toplevel(Path.cwd())
    folder = Path(git.run(["rev-parse", "--git-path", "hooks"], root).decode().strip())
    folder = folder if folder.is_absolute() else root / folder
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for name in HOOKS:
        path = folder / name
        text = hook_text(name, sys.executable)
        if path.is_symlink() or (path.exists() and MARK not in _read(path)):
            if force:
                path.unlink()
                lines.append(f"replaced {path}")
            else:
                local = path.with_name(f"{name}.local")
                if local.exists() or local.is_symlink():
                    lines.append(f"kept {path}: {local.name} exists too; use --force to replace")
                    continue
                path.rename(local)
                lines.append(f"installed {path}, running the previous hook first ({local.name})")
        elif path.exists():
            lines.append(f"updated {path}" if _read(path) != text else f"unchanged {path}")
        else:
            lines.append(f"installed {path}")
        atomic_write(path, text.encode("utf-8"))
        path.chmod(0o755)
    return "\n".join(lines) + "\n"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
