# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Header check and fix, against reuse and against a bare "list files, read 4 KiB" loop.

Run: python benchmarks/headers.py [--files 20000] [--fix-files 1000 [5000 ...]] [--runs 3]
(in the project's virtual environment, which has reuse from the test extra).
Prints a Markdown table of wall times and ratios, all measured in one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from _timing import interleaved, once, wall  # benchmarks/ is on sys.path when this script runs
from synthetic import build

ROOT = Path(__file__).resolve().parent.parent
TGPL = [sys.executable, "-m", "tgpl_git"]
REUSE = [sys.executable, "-m", "reuse"]

# The least an atomic fix can cost: a temporary file and a rename for each file.
WRITE_FLOOR = """
import os, subprocess
out = subprocess.run(["git", "ls-files", "-z"], capture_output=True, check=True).stdout
for name in out.split(b"\\0"):
    if name.startswith(b"pkg"):
        data = open(name, "rb").read()
        tmp = name + b".tmp"
        with open(tmp, "wb") as f:
            f.write(b"# header\\n" + data)
        os.replace(tmp, name)
"""

BARE_LOOP = """
import subprocess, sys
out = subprocess.run(["git", "ls-files", "-z"], capture_output=True, check=True).stdout
for name in out.split(b"\\0"):
    if name:
        with open(name, "rb") as f:
            f.read(4096)
"""


def fix_rows(where: Path, count: int, runs: int) -> list[tuple[str, float, str]]:
    """The fix of ``count`` files without a header, against the floor and reuse annotate."""
    fix_tree = build(where, count, 0.0, licenses=ROOT / "LICENSES")
    files = [p.relative_to(fix_tree).as_posix() for p in fix_tree.glob("pkg*/**/*.*")]
    commands = {
        "floor": [sys.executable, "-c", WRITE_FLOOR],
        "fix": [*TGPL, "headers", "--all"],
        "annotate": [*REUSE, "annotate", "--license", "GPL-3.0-or-later", "--copyright", "X"],
    }
    commands["annotate"] += files
    # Each run of each command on its own copy of the tree, all made first, and the disk
    # flushed before each run, as a checked-out repository's files are: otherwise a run
    # shares the machine with the write-back of the files the run before it wrote.
    copies = {
        (name, run): shutil.copytree(fix_tree, where.with_name(f"{where.name}-{name}-{run}"))
        for run in range(runs)
        for name in commands
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for (name, _), copy in copies.items():
        os.sync()
        samples[name].append(once(commands[name], copy))
    for copy in copies.values():
        shutil.rmtree(copy)
    floor, fix, annotate = (statistics.median(samples[name]) for name in commands)
    return [
        (
            f"floor: read, write to a temporary file, rename ({count} files)",
            floor,
            f"{floor / fix:.0%} of the fix below",
        ),
        (f"`tgpl-git headers --all` fixing {count} files", fix, "1.0x"),
        (
            "`reuse annotate` on the same files",
            annotate,
            f"tgpl-git is {annotate / fix:.1f}x faster",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--fix-files", type=int, nargs="+", default=[1_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tree = build(Path(tmp) / "tree", args.files, 0.5, licenses=ROOT / "LICENSES")
        current = build(Path(tmp) / "current", args.files, 1.0, licenses=ROOT / "LICENSES")
        checking = [*TGPL, "headers", "--all", "--check"]
        times = interleaved(
            {
                "bare": ([sys.executable, "-c", BARE_LOOP], tree),
                "check": (checking, tree),
                "steady": (checking, current),
            },
            args.runs,
        )
        bare, check, steady = times["bare"], times["check"], times["steady"]
        lint = once([*REUSE, "lint"], tree)
        rows += [
            (f"bare loop: `git ls-files` + read 4 KiB of each ({args.files} files)", bare, "1.0x"),
            (
                "`tgpl-git headers --all --check`, half the files without a header",
                check,
                f"{check / bare:.2f}x the bare loop",
            ),
            (
                "`tgpl-git headers --all --check`, every header current",
                steady,
                f"{steady / bare:.2f}x the bare loop",
            ),
            (
                "`reuse lint`, half without a header",
                lint,
                f"tgpl-git is {lint / check:.0f}x faster",
            ),
        ]

        for count in args.fix_files:
            rows += fix_rows(Path(tmp) / f"fix{count}", count, args.runs)

        single = Path(tmp) / "single"
        build(single, 0, 0.0)
        base = wall([sys.executable, "-c", "pass"], single, args.runs * 3)
        rows.append(("`python -c pass`", base, "1.0x"))
        # One file of each size in a repository of one file, and the smallest again in
        # the tree of many: neither the file's length nor the repository's size may show.
        hooks = [(single, lines, "") for lines in (1_000, 16_000, 100_000)]
        hooks.append((tree, 1_000, f" in the {args.files}-file tree"))
        for where, lines, place in hooks:
            target = where / f"big{lines}.py"
            content = "".join(f"value = compute(value, {i})\n" for i in range(lines))
            samples = []
            for _ in range(args.runs * 3):
                target.write_text(content)
                samples.append(once([*TGPL, "headers", target.name], where))
            samples.sort()
            median = samples[len(samples) // 2]
            rows.append(
                (
                    f"hook fixing one file of {lines} lines{place}",
                    median,
                    f"{median / base:.1f}x python start",
                )
            )
    print(f"Python {sys.version.split()[0]}, median of {args.runs} runs where repeated\n")
    print("| what | wall | ratio |")
    print("| --- | --- | --- |")
    for name, seconds, ratio in rows:
        print(f"| {name} | {seconds:.3f} s | {ratio} |")


if __name__ == "__main__":
    main()
