# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The section of ``CONTRIBUTING.md`` that tells contributors about the training terms."""

from __future__ import annotations

from collections.abc import Mapping

FILE = "CONTRIBUTING.md"
# Where GitHub and GitLab look for the guide, in their order; the first that exists is it.
PLACES = (FILE, ".github/CONTRIBUTING.md", "docs/CONTRIBUTING.md")
OTHER_FORMATS = ("CONTRIBUTING.rst", "CONTRIBUTING.txt", "CONTRIBUTING", ".github/CONTRIBUTING.rst")
HEADING = "## Training terms and your consent"


def guide_path(existing: Mapping[str, bytes | None]) -> str | None:
    """The Markdown guide to extend (or create); None when the project keeps its guide in
    another format, where a Markdown section would not belong."""
    for place in PLACES:
        if existing.get(place) is not None:
            return place
    if any(existing.get(other) is not None for other in OTHER_FORMATS):
        return None
    return FILE


def section(terms_license: str, trailer: str = "Training-Consent") -> str:
    """The section's Markdown."""
    return f"""\
{HEADING}

This project allows AI models to be trained on its code on one condition: every
model trained on it is released as free software. The terms are declared in
`ai-training.toml` (the licence text is `LICENSES/{terms_license}.txt`).

Each commit you contribute carries your consent to these terms, as a trailer at
the end of its message, with the name and email of the commit's author:

```text
{trailer}: Your Name <you@example.org>
```

Add it with `git commit --trailer "{trailer}: Your Name <you@example.org>"`,
or once for all your commits (it asks you to read the statement first):

```sh
pip install tgpl-git
tgpl-git consent sign
```

The hooks (`pre-commit install`) add licence headers to new files and check
the trailer before a commit is made; CI checks every commit of a pull request.
"""


def merge_contributing(text: str | None, terms_license: str, trailer: str) -> str | None:
    """``CONTRIBUTING.md`` with the section (None: the section is there already)."""
    if text is None:
        return f"# Contributing\n\n{section(terms_license, trailer)}"
    if HEADING in text:
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    separator = "" if text.endswith(("\n", "\r")) or not text else newline
    return text + separator + newline + section(terms_license, trailer).replace("\n", newline)
