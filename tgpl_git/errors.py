# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The one exception hierarchy, and the exit codes it maps to.

Library code raises these with a message meant for a person; only ``cli.main``
turns them into output and an exit code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tgpl_git.findings import Finding

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class TgplError(Exception):
    """An error the user can act on; ``str(error)`` is the whole message."""

    exit_code = EXIT_USAGE


class UsageError(TgplError):
    """The command line asks for something impossible (missing path, bad range)."""


class ConfigError(TgplError):
    """``ai-training.toml`` (or another input the user owns) cannot be used.

    ``findings`` holds every problem found, so all of them are reported at once.
    """

    def __init__(self, message: str, findings: tuple[Finding, ...] = ()) -> None:
        super().__init__(message)
        self.findings = findings


class GitError(TgplError):
    """A git command failed; the message carries the command and git's stderr."""
