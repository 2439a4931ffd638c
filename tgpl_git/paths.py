# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Paths as the user types them, turned into paths relative to the project root."""

from __future__ import annotations

import os
from pathlib import Path

from tgpl_git.errors import UsageError


def relative_path(root: Path, given: str) -> str:
    """``given`` (relative to the working directory) as a ``/`` path relative to ``root``."""
    absolute = Path(os.path.abspath(given))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        raise UsageError(f"{given}: outside the project at {root}") from None
    return relative.as_posix() if relative.parts else "."
