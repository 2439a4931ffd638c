# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Work spread over processes gives the same answers, in the same order."""

from __future__ import annotations

import os
from pathlib import Path

from tgpl_git.parallel import map_items


def test_results_in_order_across_processes() -> None:
    items = list(range(500))
    parent = os.getpid()
    results = map_items(lambda n: (n * n, os.getpid()), items, min_parallel=10)
    assert [square for square, _ in results] == [n * n for n in items]
    if (os.cpu_count() or 1) > 1:
        assert any(pid != parent for _, pid in results)


def test_small_jobs_stay_in_process() -> None:
    parent = os.getpid()
    assert {pid for pid in map_items(lambda _: os.getpid(), [1, 2, 3])} == {parent}


def test_a_workers_exception_reaches_the_caller() -> None:
    import pytest

    from tgpl_git.errors import TgplError

    def job(n: int) -> int:
        if n == 401:  # in a worker's share, not the parent's, on any number of cores
            raise TgplError("item 401 failed")
        return n

    with pytest.raises(TgplError, match="item 401 failed"):
        map_items(job, list(range(500)), min_parallel=10)


def test_every_worker_is_waited_for_when_one_fails() -> None:
    import pytest

    from tgpl_git.errors import TgplError

    children = Path(f"/proc/self/task/{os.getpid()}/children")
    if not children.exists():
        pytest.skip("no /proc children list here")

    def job(n: int) -> int:
        if n == 1:  # in the first worker's share: the others are still to be collected
            raise TgplError("item 1 failed")
        return n

    before = set(children.read_text().split())
    with pytest.raises(TgplError, match="item 1 failed"):
        map_items(job, list(range(600)), min_parallel=10)
    assert set(children.read_text().split()) <= before  # no worker left behind
