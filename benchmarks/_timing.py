# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Shared timing helpers for the benchmarks: wall time of whole commands, median of runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

# As users run it: Python may cache compiled modules (some machines turn that off).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(command: Sequence[str], cwd: Path) -> float:
    """Wall-clock seconds of one run of ``command``."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=ENV)
    return time.perf_counter() - start


def wall(command: Sequence[str], cwd: Path, runs: int) -> float:
    """Median wall-clock seconds of ``runs`` runs of ``command`` (after one warm-up run)."""
    once(command, cwd)
    return statistics.median(once(command, cwd) for _ in range(runs))


def interleaved(commands: Mapping[str, tuple[Sequence[str], Path]], runs: int) -> dict[str, float]:
    """Median wall-clock seconds of each command, their runs taken in turn (one warm-up
    each), so that a machine slowing down or speeding up meanwhile moves every figure
    alike and leaves the ratios between them alone."""
    for command, cwd in commands.values():
        once(command, cwd)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            samples[name].append(once(command, cwd))
    return {name: statistics.median(times) for name, times in samples.items()}
