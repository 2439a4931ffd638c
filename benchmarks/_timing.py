"""Shared timing helpers for the benchmarks: wall time of whole commands, median of runs."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path


def wall(command: Sequence[str], cwd: Path, runs: int) -> float:
    """Median wall-clock seconds of ``runs`` runs of ``command`` (after one warm-up run)."""
    subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)
