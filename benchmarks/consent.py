# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Consent check over a long history, against git log and dco-check, and its memory.

Run: python benchmarks/consent.py [--commits 100000] [--runs 3]
(dco-check, for the comparison: pip install dco-check). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import ENV, wall  # benchmarks/ is on sys.path when this script runs
from history import build

from tgpl_git.consent.history import FIELDS as history_fields

TGPL = [sys.executable, "-m", "tgpl_git"]
FIELDS = "%x00".join(history_fields)


# Runs the check in-process and reports this process's own peak memory: GNU time would
# also count the git log child, whose memory is git's, not ours.
PEAK = """
import os, resource, sys
from tgpl_git.cli import main
sys.stdout = open(os.devnull, "w")
main(["consent", "check", "--range", "main..work"])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def peak_kib(cwd: Path) -> int:
    """Peak resident memory of the consent check's own process.

    Started through sh: a process forked straight from this (large) benchmark would
    count this process's pages, held until its exec, as its own peak.
    """
    done = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -c "$0"', PEAK],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=ENV,
    )
    return int(done.stderr.strip().splitlines()[-1])


def git_peak_kib(cwd: Path) -> int:
    """Peak resident memory of ``git log`` over the same range, from GNU time."""
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", "git", "log", "-z", f"--format={FIELDS}", "main..work"],
        cwd=cwd,
        capture_output=True,
        env=ENV,
    )
    return int(done.stderr.decode().strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commits", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        repo = build(Path(tmp) / "big", args.commits)
        check = [*TGPL, "consent", "check", "--range", "main..work"]
        log = ["sh", "-c", f"git log -z --format='{FIELDS}' main..work > /dev/null"]  # as we ask
        t_log = wall(log, repo, args.runs)
        t_check = wall(check, repo, args.runs)
        judged = subprocess.run(check, cwd=repo, capture_output=True, text=True, env=ENV).stdout
        summary = [line for line in judged.splitlines() if "errors," in line or "judged" in line]
        print(" / ".join(summary), file=sys.stderr)  # what was judged, for the reader
        rows += [
            (
                f"`git log` with the same fields into /dev/null ({args.commits} commits)",
                f"{t_log:.2f} s",
                "1.0x",
            ),
            (
                "`tgpl-git consent check --range main..work`, 30 % of commits failing",
                f"{t_check:.2f} s",
                f"{t_check / t_log:.1f}x git log",
            ),
        ]
        clean = build(Path(tmp) / "clean", args.commits, consenting=1.0)
        t_clean = wall(check, clean, args.runs)
        rows.append(
            (
                "`tgpl-git consent check --range main..work`, every commit consenting",
                f"{t_clean:.2f} s",
                f"{t_clean / t_log:.1f}x git log",
            )
        )
        signoff = Path(tmp) / "signoff"
        shutil.copytree(repo, signoff)
        terms = signoff / "ai-training.toml"
        dco = shutil.which("dco-check") or str(Path(sys.executable).parent / "dco-check")
        if Path(dco).exists():
            t_dco = wall([dco, "-b", "main", "-q"], signoff, args.runs)
            rows.append(
                (
                    "`dco-check -b main` (sign-offs only)",
                    f"{t_dco:.2f} s",
                    f"{t_dco / t_log:.1f}x git log",
                )
            )
        subprocess.run(["git", "checkout", "-q", "main"], cwd=signoff, check=True)
        terms.write_text(terms.read_text() + "\n[consent]\nsignoff-counts = true\n")
        subprocess.run(
            [
                "git",
                "-c",
                "user.name=B",
                "-c",
                "user.email=b@e.org",
                "commit",
                "-qam",
                "signoff counts",
            ],
            cwd=signoff,
            check=True,
        )
        subprocess.run(["git", "checkout", "-q", "work"], cwd=signoff, check=True)
        subprocess.run(
            ["git", "checkout", "-q", "main", "--", "ai-training.toml"], cwd=signoff, check=True
        )
        t_sign = wall([*TGPL, "consent", "check", "--range", "main..work"], signoff, args.runs)
        rows.append(
            (
                "`tgpl-git consent check`, signoff-counts = true",
                f"{t_sign:.2f} s",
                f"{t_sign / t_log:.1f}x git log",
            )
        )
        small = build(Path(tmp) / "small", args.commits // 10)
        for label, where in (
            (f"{args.commits // 10} commits", small),
            (f"{args.commits} commits", repo),
        ):
            rows.append(
                (
                    f"peak memory, consent check over {label}",
                    f"{peak_kib(where) // 1024} MiB",
                    f"git log alone: {git_peak_kib(where) // 1024} MiB",
                )
            )
    print(f"Python {sys.version.split()[0]}, median of {args.runs} runs\n")
    print("| what | result | ratio |")
    print("| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
