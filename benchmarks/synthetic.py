# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""A deterministic synthetic repository: N files across many types, some with headers.

Used by the header benchmarks; anyone can rebuild the same tree with the same seed.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

TERMS = """\
version = 1

[project]
name = "synthetic"

[terms]
license = "LicenseRef-TGPL-1.0"
code-license = "GPL-3.0-or-later"
training = "conditional"

[terms.conditions]
weights-license = ["LicenseRef-TGPL-1.0"]
"""

# (extension, comment prefix, suffix, a line of code)
KINDS = [
    ("py", "# ", "", "value = compute(value, {i})"),
    ("c", "// ", "", "int value_{i} = {i};"),
    ("js", "// ", "", "const value{i} = {i};"),
    ("go", "// ", "", "var value{i} = {i}"),
    ("rs", "// ", "", "let value_{i} = {i};"),
    ("sh", "# ", "", "echo {i}"),
    ("html", "<!-- ", " -->", "<p>{i}</p>"),
    ("css", "/* ", " */", ".c{i} {{ margin: {i}px }}"),
    ("md", "<!-- ", " -->", "Paragraph {i}."),
    ("yaml", "# ", "", "key{i}: {i}"),
    ("sql", "-- ", "", "select {i};"),
    ("java", "// ", "", "int value{i} = {i};"),
]

# REUSE-IgnoreStart: header lines below are data, not this file's licence.
HEADER = (
    "SPDX-FileCopyrightText: 2026 The synthetic Authors",
    "SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0",
    "AI training: permitted only if trained models are released as free software; "
    "see ai-training.toml.",
)


def build(
    root: Path, files: int, with_header: float, seed: int = 7, licenses: Path | None = None
) -> Path:
    """Write the tree under ``root`` and commit it; returns ``root``."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "ai-training.toml").write_text(TERMS)
    if licenses is not None:
        (root / "LICENSES").mkdir(exist_ok=True)
        for text in licenses.glob("*.txt"):
            (root / "LICENSES" / text.name).write_bytes(text.read_bytes())
    for n in range(files):
        extension, prefix, suffix, code = KINDS[n % len(KINDS)]
        folder = root / f"pkg{n % 97}" / f"mod{n % 13}"
        folder.mkdir(parents=True, exist_ok=True)
        lines = [code.format(i=i) for i in range(rng.randint(5, 120))]
        if rng.random() < with_header:
            lines = [f"{prefix}{text}{suffix}" for text in HEADER] + [""] + lines
        (folder / f"file{n}.{extension}").write_text("\n".join(lines) + "\n")
    env_run(root, "init", "-q")
    env_run(root, "add", "-A")
    env_run(
        root, "-c", "user.name=B", "-c", "user.email=b@example.org", "commit", "-q", "-m", "tree"
    )
    return root


def env_run(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True)
