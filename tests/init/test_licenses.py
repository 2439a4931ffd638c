# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Licences recognised by their text: each real text in the corpus, and the look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest
from identify.vendor.licenses import LICENSES

from tgpl_git.init.licenses import (
    copyright_lines,
    normalise,
    project_holder,
    recognise,
    recognise_notice,
    spdx_id,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "licenses"
TEXTS = sorted(CORPUS.glob("*.txt"))


def test_the_corpus_has_every_licence_init_promises() -> None:
    names = {p.stem for p in TEXTS}
    assert names == {
        "AGPL-3.0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "GPL-2.0", "GPL-3.0",
        "ISC", "LGPL-2.1", "LGPL-3.0", "MIT", "MPL-2.0", "TCL", "Unlicense",
    }  # fmt: skip


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_each_text_is_recognised(path: Path) -> None:
    assert recognise(path.read_text(encoding="utf-8")) == path.stem


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_rewrapped_text_is_still_recognised(path: Path) -> None:
    words = path.read_text(encoding="utf-8").split()
    rewrapped = "\r\n".join(" ".join(words[i : i + 7]) for i in range(0, len(words), 7))
    assert recognise(f"# License\n\n{rewrapped.upper()}") == path.stem


# identify carries choosealicense.com's texts of 35 licences: a source independent of
# the corpus, and of the phrases chosen here.
@pytest.mark.parametrize(("spdx", "text"), LICENSES, ids=[spdx for spdx, _ in LICENSES])
def test_each_text_identify_carries_is_recognised_as_itself(spdx: str, text: str) -> None:
    assert recognise(text) == spdx
    words = text.split()
    assert recognise("\n".join(" ".join(words[i : i + 9]) for i in range(0, len(words), 9))) == spdx


def test_the_gpl_text_is_not_taken_for_the_lgpl_it_mentions() -> None:
    gpl = (CORPUS / "GPL-3.0.txt").read_text(encoding="utf-8")
    assert "gnu lesser general public license" in normalise(gpl)
    assert recognise(gpl) == "GPL-3.0"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "All rights reserved.",
        "Licensed under the Apache License, Version 2.0 (the License); see LICENSE-APACHE.",
        "This project is MIT licensed.",
        # A notice pointing at the GPL is not the GPL's text.
        "This program is free software: you can redistribute it under the terms of the GNU"
        " General Public License as published by the Free Software Foundation.",
    ],
)
def test_notices_and_other_text_are_not_licences(text: str) -> None:
    assert recognise(text) is None


def test_bsd_two_and_three_clause_are_told_apart() -> None:
    three = (CORPUS / "BSD-3-Clause.txt").read_text(encoding="utf-8")
    two = (CORPUS / "BSD-2-Clause.txt").read_text(encoding="utf-8")
    assert recognise(three) == "BSD-3-Clause" and recognise(two) == "BSD-2-Clause"


@pytest.mark.parametrize(
    ("first", "then"),
    [("MIT", "Apache-2.0"), ("BSD-2-Clause", "BSD-3-Clause"), ("ISC", "GPL-3.0")],
)
def test_a_file_with_several_texts_is_the_first_one(first: str, then: str) -> None:
    # Vite's packages/vite/LICENSE.md: its own MIT text, then those of what it bundles.
    own = (CORPUS / f"{first}.txt").read_text(encoding="utf-8")
    bundled = (CORPUS / f"{then}.txt").read_text(encoding="utf-8")
    text = f"# Core license\n\n{own}\n# Licenses of bundled dependencies\n\n{bundled}"
    assert recognise(text) == first
    assert recognise(bundled + own) == then


APACHE_NOTICE = """Copyright 2020 Pester team

   Licensed under the Apache License, Version 2.0 (the "License");
   you may not use this file except in compliance with the License.
   You may obtain a copy of the License at

       http://www.apache.org/licenses/LICENSE-2.0
"""


def test_a_notice_names_its_licence_but_is_not_its_text() -> None:
    # Pester's LICENSE is Apache's boilerplate notice, not the licence's text.
    assert recognise(APACHE_NOTICE) is None
    assert recognise_notice(APACHE_NOTICE) == "Apache-2.0"
    assert recognise_notice((CORPUS / "MIT.txt").read_text(encoding="utf-8")) is None


def test_gnu_ids_need_a_version_choice() -> None:
    assert spdx_id("GPL-3.0") == "GPL-3.0-only"
    assert spdx_id("LGPL-2.1", or_later=True) == "LGPL-2.1-or-later"
    assert spdx_id("MIT", or_later=True) == "MIT"


def test_copyright_lines_are_the_holders_not_the_licence_authors() -> None:
    assert copyright_lines((CORPUS / "MIT.txt").read_text(encoding="utf-8")) == [
        "Copyright (c) 2018 Sébastien Eustace"
    ]
    assert copyright_lines((CORPUS / "GPL-2.0.txt").read_text(encoding="utf-8")) == []
    assert copyright_lines("© 2020 Jane\n  Copyright 2019-2021 Bob  \ncopyright notice") == [
        "© 2020 Jane",
        "Copyright 2019-2021 Bob",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ((CORPUS / "MIT.txt").read_text(encoding="utf-8"), "Sébastien Eustace"),
        ("Copyright 2010 Pallets\n\nRedistribution ...", "Pallets"),
        ("Copyright 2015 Canonical Ltd.\n", "Canonical Ltd."),  # the company's full stop
        ("Copyright 2014, the Dart project authors.\n", "the Dart project authors"),
        ("Copyright (c) 2016, Daniel Martí. All rights reserved.\n", "Daniel Martí"),
        ("Copyright (c) 2009-2014 Acme\nAll rights reserved.\n", "Acme"),
        (
            "Copyright (c) 2012 - present, Victor Zverovich and {fmt} contributors",
            "Victor Zverovich and {fmt} contributors",
        ),
        (
            "Copyright (c) Meta Platforms, Inc. and affiliates.\n",
            "Meta Platforms, Inc. and affiliates",
        ),
        ("  © 2011-2026, Loïc Hoguin <essen@ninenines.eu>\n", "Loïc Hoguin <essen@ninenines.eu>"),
        ("Copyright (c) 1991, 2000 by Lucent Technologies.\n", "Lucent Technologies"),
        # the same holder twice is one holder; prose that quotes a statement is no statement
        ("Copyright 2019 Jane Doe\n\nCopyright (c) 2020 Jane Doe.\n", "Jane Doe"),
        ("Copyright 2019 Jane Doe\n\nPorts: Copyright (c) 2020 Bob.\n", "Jane Doe"),
    ],
)
def test_the_holder_a_licence_file_names(text: str, expected: str | None) -> None:
    assert project_holder(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # several holders: which one would be a guess
        "Copyright (c) 2007 Blake Mizerany\nCopyright (c) 2010 Konstantin Haase\n",
        "Copyright (c) 2020 nanxiaobei\n\nCopyright (c) 2021 adityatelange\n",
        # a statement that runs on to the next line
        "Copyright (c) 1996 - 2026, Daniel Stenberg, <daniel@haxx.se>, and many\n"
        "contributors, see the THANKS file.\n",
        # the licence's own copyright, and none at all
        (CORPUS / "GPL-3.0.txt").read_text(encoding="utf-8"),
        "Copyright (c) 2000-2006, The Perl Foundation.\n\nEveryone is permitted ...",
        (CORPUS / "Apache-2.0.txt").read_text(encoding="utf-8"),
        "The above copyright notice and this permission notice shall be included\n",
        # a template never filled in
        "MIT License\n\nCopyright (c) <year> <copyright holders>\n\nPermission ...",
        "Copyright (c) [year] [fullname]\n",
        "Copyright {yyyy} {name of copyright owner}\n",
    ],
)
def test_no_holder_where_a_licence_file_names_none_or_several(text: str) -> None:
    assert project_holder(text) is None
