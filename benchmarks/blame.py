# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``consent status --blame`` against blaming every file serially, one git blame each.

Run: python benchmarks/blame.py [--files 2000] [--commits 60] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import wall  # benchmarks/ is on sys.path when this script runs
from synthetic import build

ROOT = Path(__file__).resolve().parent.parent
SERIAL = (
    "git ls-files | while read f; do "
    'git blame --line-porcelain -M -C -w HEAD -- "$f" > /dev/null 2>&1; done'
)


def grow(repo: Path, commits: int, seed: int = 5) -> None:
    """``commits`` commits by 12 authors, each changing a few dozen files."""
    rng = random.Random(seed)
    files = subprocess.run(
        ["git", "ls-files", "pkg*"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.split()
    for n in range(commits):
        who = rng.randrange(12)
        for name in rng.sample(files, 40):
            with (repo / name).open("a") as handle:
                handle.write(f"\n{'# ' if name.endswith(('.py', '.sh', '.yaml')) else ''}{n}\n")
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": f"Author {who}",
            "GIT_AUTHOR_EMAIL": f"a{who}@example.org",
            "GIT_COMMITTER_NAME": "C",
            "GIT_COMMITTER_EMAIL": "c@example.org",
        }
        message = f"Change {n}\n\nTraining-Consent: Author {who} <a{who}@example.org>\n"
        subprocess.run(["git", "commit", "-qam", message], cwd=repo, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = build(Path(tmp) / "tree", args.files, 1.0, licenses=ROOT / "LICENSES")
        grow(repo, args.commits)
        serial = wall(["sh", "-c", SERIAL], repo, args.runs)
        ours = wall(
            [sys.executable, "-m", "tgpl_git", "consent", "status", "--blame"], repo, args.runs
        )
    print(f"Python {sys.version.split()[0]}, median of {args.runs} runs, {os.cpu_count()} cores\n")
    print("| what | wall | ratio |")
    print("| --- | --- | --- |")
    print(
        f"| `git blame` of every file, serially ({args.files} files, {args.commits} commits) "
        f"| {serial:.2f} s | 1.0x |"
    )
    print(f"| `tgpl-git consent status --blame` | {ours:.2f} s | {serial / ours:.1f}x faster |")


if __name__ == "__main__":
    main()
