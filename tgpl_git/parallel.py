# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Spreading independent work over the machine's cores, where it pays.

Processes are forked, so workers share what the parent already loaded (the
terms, compiled patterns) without pickling it. Small jobs run in-process:
starting workers costs more than it saves below a few thousand files.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 2000

_job: Callable[[object], object] | None = None


def _run(chunk: Sequence[object]) -> list[object]:
    assert _job is not None
    return [_job(item) for item in chunk]


def map_items(
    job: Callable[[T], R], items: Sequence[T], min_parallel: int = MIN_PARALLEL
) -> list[R]:
    """``[job(item) for item in items]``, in order, over several processes when worth it."""
    workers = min(os.cpu_count() or 1, 8)
    # fork only where it is the safe default (Linux); elsewhere, one process.
    if len(items) < min_parallel or workers < 2 or not sys.platform.startswith("linux"):
        return [job(item) for item in items]
    import multiprocessing  # only large jobs pay for it

    global _job
    _job = job  # type: ignore[assignment]
    size = max(64, len(items) // (workers * 4))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_run, chunks)
    finally:
        _job = None
    return [result for chunk in results for result in chunk]  # type: ignore[misc]
