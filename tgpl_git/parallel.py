# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Spreading independent work over the machine's cores, where it pays.

Processes are forked, so workers share what the parent already loaded (the
terms, compiled patterns) without pickling it, and the parent takes a share of
the work itself. Each worker takes every n-th item, which spreads costly files
evenly, and sends its results back through a pipe. Small jobs run in-process:
starting workers costs more than it saves below a few thousand files that are
only read (the caller says where it pays sooner: a fix, which writes). (Plain
``os.fork`` rather than a ``multiprocessing`` pool: importing and running the
pool cost more than a tenth of a whole-tree check.)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 2000


def map_items(
    job: Callable[[T], R],
    items: Sequence[T],
    min_parallel: int = MIN_PARALLEL,
) -> list[R]:
    """``[job(item) for item in items]``, in order, over several processes when worth it."""
    workers = min(os.cpu_count() or 1, 8)
    # fork only where it is the safe default (Linux); elsewhere, one process.
    if len(items) < min_parallel or workers < 2 or not sys.platform.startswith("linux"):
        return [job(item) for item in items]
    import gc

    sys.stdout.flush()  # nothing buffered may be written twice
    sys.stderr.flush()
    # What exists now lives through the job: the collector need not scan it again, in
    # the parent or in the workers (where scanning would copy every page it touches).
    gc.freeze()
    try:
        children = [_fork(job, items[k::workers]) for k in range(1, workers)]
        try:
            shares = [[job(item) for item in items[0::workers]]]
        finally:
            answers = [_collect(pid, reader) for pid, reader in children]  # every worker ends
    finally:
        gc.unfreeze()
    for ok, value in answers:
        if not ok:
            raise value if isinstance(value, BaseException) else RuntimeError(value)
        shares.append(cast("list[R]", value))
    results: list[R] = [None] * len(items)  # type: ignore[list-item]
    for k, share in enumerate(shares):
        results[k::workers] = share
    return results


def _collect(pid: int, reader: int) -> tuple[bool, object]:
    """A worker's answer: (True, its results) or (False, what it raised)."""
    import pickle

    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return pickle.loads(data) if data else (False, "a worker process died")


def _fork(job: Callable[[T], R], share: Sequence[T]) -> tuple[int, int]:
    """A worker doing ``job`` on ``share``; its pid and the pipe its results come through."""
    import pickle

    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return pid, reader
    code = 0  # the worker: never returns, never runs the parent's exit handlers
    try:
        os.close(reader)
        try:
            data = pickle.dumps((True, [job(item) for item in share]), pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # handed to the parent, which raises it
            try:
                data = pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
            except Exception:
                data = pickle.dumps((False, f"{type(exc).__name__}: {exc}"))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)
