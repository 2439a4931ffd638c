# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git init --yes`` on a synthetic repository, against the header fix alone.

Run: python benchmarks/init.py [--files 20000] [--runs 3]
Each run works on a fresh copy of the same tree (half of its files without a
header, a GPL-3.0 COPYING, no ai-training.toml). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from _timing import once  # benchmarks/ is on sys.path when this script runs
from synthetic import build, env_run

ROOT = Path(__file__).resolve().parent.parent
TGPL = [sys.executable, "-m", "tgpl_git"]


def adoptable(root: Path, files: int) -> Path:
    """The synthetic tree as a project that has not adopted the terms yet."""
    build(root, files, 0.5)
    (root / "COPYING").write_bytes((ROOT / "LICENSES" / "GPL-3.0-or-later.txt").read_bytes())
    env_run(root, "rm", "-q", "ai-training.toml")
    env_run(root, "add", "-A")
    env_run(root, "-c", "user.name=B", "-c", "user.email=b@example.org", "commit", "-qm", "c")
    return root


def timed(command: list[str], tree: Path, runs: int, tmp: Path, prepare: bool = False) -> float:
    """Median of ``runs`` runs, each on a fresh copy of ``tree``."""
    times = []
    for _ in range(runs):
        copy = tmp / f"{tree.name}-{len(list(tmp.iterdir()))}"
        shutil.copytree(tree, copy, symlinks=True)
        if prepare:  # the header fix alone needs the terms init would write
            once([*TGPL, "init", "--yes", "--no-headers"], copy)
        times.append(once(command, copy))
        if "dry" not in command[-1] and not (copy / "ai-training.toml").exists():
            raise SystemExit(f"{' '.join(command)} did not run as expected in {copy}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        tree = adoptable(tmp / "tree", args.files)
        dry = timed([*TGPL, "init", "--dry-run"], tree, args.runs, tmp)
        init = timed([*TGPL, "init", "--yes"], tree, args.runs, tmp)
        fix = timed([*TGPL, "headers", "--all"], tree, args.runs, tmp, prepare=True)
    print(f"| work ({args.files} files, half without a header) | wall | ratio |")
    print("| --- | --- | --- |")
    print(f"| `tgpl-git headers --all` (the header fix alone) | {fix:.2f} s | 1.0x |")
    print(
        f"| `tgpl-git init --dry-run` (every file judged, nothing written) | {dry:.2f} s "
        f"| {dry / fix:.2f}x |"
    )
    print(f"| `tgpl-git init --yes` | {init:.2f} s | {init / fix:.2f}x the fix alone |")


if __name__ == "__main__":
    main()
