# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""A deterministic synthetic history: N commits by 60 authors, some consenting, some not,
some with co-authors, some in Latin-1, written with one ``git fast-import``."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

TERMS = (Path(__file__).resolve().parent / "synthetic.py").read_text().split('TERMS = """\\\n')[1]
TERMS = TERMS.split('"""')[0]
LICENSES = Path(__file__).resolve().parent.parent / "LICENSES"


def build(root: Path, commits: int, seed: int = 11, consenting: float = 0.7) -> Path:
    """A repository whose main branch holds the terms, and branch ``work`` the commits."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    people = [(f"Person {i}", f"person{i}@example.org") for i in range(60)]
    stream = bytearray()

    def data(payload: bytes) -> None:
        stream.extend(b"data %d\n" % len(payload) + payload + b"\n")

    stream += b"commit refs/heads/main\nmark :1\n"
    stream += b"author Maintainer <m@example.org> 1700000000 +0000\n"
    stream += b"committer Maintainer <m@example.org> 1700000000 +0000\n"
    data(b"Adopt the training terms\n\nTraining-Consent: Maintainer <m@example.org>\n")
    stream += b"M 644 inline ai-training.toml\n"
    data(TERMS.encode())
    for text in sorted(LICENSES.glob("*.txt")):
        stream += f"M 644 inline LICENSES/{text.name}\n".encode()
        data(text.read_bytes())
    stream += b"\n"
    for n in range(commits):
        name, email = people[rng.randrange(len(people))]
        when = 1700000000 + n * 60
        latin = rng.random() < 0.05
        lines = [f"Change {n}: tweak the parser", "", "A body line explaining the change."]
        trailers = []
        if rng.random() < consenting:
            trailers.append(f"Training-Consent: {name} <{email}>")
        if rng.random() < 0.1:
            co_name, co_email = people[rng.randrange(len(people))]
            trailers.append(f"Co-authored-by: {co_name} <{co_email}>")
            if consenting == 1.0:
                trailers.append(f"Training-Consent: {co_name} <{co_email}>")
        if rng.random() < 0.3:
            trailers.append(f"Signed-off-by: {name} <{email}>")
        text = "\n".join(lines + (["", *trailers] if trailers else [])) + "\n"
        author = f"{name} <{email}> {when} +0000"
        if latin:
            author = author.replace("Person", "Pers\xf6n")
            text = text.replace("tweak", "tw\xe9ak")
        encoding = "latin-1" if latin else "utf-8"
        stream += b"commit refs/heads/work\nmark :%d\n" % (n + 2)
        stream += f"author {author}\n".encode(encoding)
        stream += f"committer {author}\n".encode(encoding)
        if latin:
            stream += b"encoding ISO-8859-1\n"
        data(text.encode(encoding))
        stream += b"from :%d\n\n" % (n + 1)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=bytes(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "work"], cwd=root, check=True)
    return root
