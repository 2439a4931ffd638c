# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Start-up cost of tgpl-git commands against the interpreter's own start.

Hooks run on every commit, so a command's fixed cost is what users feel.
Run: python benchmarks/startup.py [--runs N]   (from the repository, in its venv)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _timing import wall  # benchmarks/ is on sys.path when this script runs

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    python = sys.executable
    base = wall([python, "-c", "pass"], ROOT, runs)
    rows = [
        ("`python -c pass` (reference)", base),
        ("`tgpl-git --version`", wall([python, "-m", "tgpl_git", "--version"], ROOT, runs)),
        (
            "`tgpl-git terms validate` (this project)",
            wall([python, "-m", "tgpl_git", "terms", "validate"], ROOT, runs),
        ),
    ]
    print(f"median of {runs} runs, Python {sys.version.split()[0]}\n")
    print("| command | wall | vs interpreter start |")
    print("| --- | --- | --- |")
    for name, seconds in rows:
        print(f"| {name} | {seconds * 1000:.0f} ms | {seconds / base:.1f}x |")


if __name__ == "__main__":
    main()
