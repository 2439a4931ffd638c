# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git check`` against its parts run separately, on a tree of files and a history.

Run: python benchmarks/check.py [--files 20000] [--commits 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import wall  # benchmarks/ is on sys.path when this script runs
from synthetic import build

ROOT = Path(__file__).resolve().parent.parent
TGPL = [sys.executable, "-m", "tgpl_git"]


def add_history(repo: Path, commits: int) -> str:
    """``commits`` empty, consenting commits on top of HEAD; returns the old HEAD."""
    base = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    stream = bytearray()
    for n in range(commits):
        person = f"Person {n % 50} <person{n % 50}@example.org>"
        message = f"Change {n}\n\nTraining-Consent: {person}\n".encode()
        stream += b"commit refs/heads/main\n"
        stream += f"author {person} {1700000000 + n} +0000\n".encode()
        stream += f"committer {person} {1700000000 + n} +0000\n".encode()
        stream += b"data %d\n" % len(message) + message + b"\n"
        stream += (f"from {base}\n" if n == 0 else "").encode() + b"\n"
    subprocess.run(
        ["git", "fast-import", "--quiet", "--force"], cwd=repo, input=bytes(stream), check=True
    )
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=repo, check=True)
    return base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--commits", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = build(Path(tmp) / "tree", args.files, 1.0, licenses=ROOT / "LICENSES")
        subprocess.run(["git", "branch", "-q", "-M", "main"], cwd=repo, check=True)
        base = add_history(repo, args.commits)
        span = f"{base}..HEAD"
        parts = {
            "`tgpl-git terms validate`": [*TGPL, "terms", "validate"],
            "`tgpl-git headers --all --check`": [*TGPL, "headers", "--all", "--check"],
            f"`tgpl-git consent check` ({args.commits} commits)": [
                *TGPL,
                "consent",
                "check",
                "--range",
                span,
            ],
        }
        times = {name: wall(command, repo, args.runs) for name, command in parts.items()}
        whole = wall([*TGPL, "check", "--range", span], repo, args.runs)
    slowest = max(times.values())
    print(f"Python {sys.version.split()[0]}, median of {args.runs} runs, {args.files} files\n")
    print("| what | wall | ratio |")
    print("| --- | --- | --- |")
    for name, seconds in times.items():
        print(f"| {name} | {seconds:.2f} s | |")
    print(f"| sum of the parts | {sum(times.values()):.2f} s | |")
    print(f"| `tgpl-git check` | {whole:.2f} s | {whole / slowest:.2f}x the slowest part |")


if __name__ == "__main__":
    main()
