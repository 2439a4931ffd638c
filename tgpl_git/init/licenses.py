# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Recognising the common licences by their text, not by the name of the file holding it.

Each licence is known by phrases that its text carries and that its look-alikes
lack; the table is ordered so the more specific texts (LGPL, AGPL) are tried
before the general ones they quote (GPL).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Known(NamedTuple):
    """A licence: its SPDX id, phrases its text must have, phrases that rule it out."""

    spdx: str
    needs: tuple[str, ...]
    lacks: tuple[str, ...] = ()


# Phrases are compared after ``normalise``: lower case, words only, one space.
_CLEAR = "no express or implied licenses to any party s patent rights are granted"
KNOWN = (
    Known("AGPL-3.0", ("gnu affero general public license version 3 19 november 2007",)),
    Known("LGPL-3.0", ("gnu lesser general public license version 3 29 june 2007",)),
    Known("LGPL-2.1", ("gnu lesser general public license version 2 1 february 1999",)),
    Known("GPL-3.0", ("gnu general public license version 3 29 june 2007",)),
    Known("GPL-2.0", ("gnu general public license version 2 june 1991",)),
    Known("MPL-2.0", ("mozilla public license version 2 0",)),
    Known("Apache-2.0", ("apache license", "version 2 0 january 2004")),
    Known("ECL-2.0", ("educational community license version 2 0",)),
    Known(
        "BSD-3-Clause-Clear",
        (
            "redistribution and use in source and binary forms",
            "no express or implied licenses to any party s patent rights are granted",
        ),
    ),
    Known(
        "BSD-3-Clause",
        ("redistribution and use in source and binary forms", "neither the name"),
        (_CLEAR,),
    ),
    Known(
        "BSD-2-Clause",
        ("redistribution and use in source and binary forms",),
        ("neither the name", "endorse or promote", _CLEAR),
    ),
    Known("NCSA", ("university of illinois ncsa open source license",)),
    Known("OFL-1.1", ("sil open font license version 1 1",)),
    Known(
        "MIT",
        ("permission is hereby granted free of charge to any person obtaining a copy",),
        ("font software",),
    ),
    Known(
        "BSL-1.0",
        (
            "permission is hereby granted free of charge to any person or organization "
            "obtaining a copy of the software and accompanying documentation",
        ),
    ),
    Known("UPL-1.0", ("the universal permissive license upl version 1 0",)),
    Known(
        "ISC",
        (
            "permission to use copy modify and or distribute this software for any purpose",
            "provided that the above copyright notice and this permission notice appear",
        ),
    ),
    Known(
        "0BSD",
        (
            "permission to use copy modify and or distribute this software for any purpose "
            "with or without fee is hereby granted",
        ),
        ("provided that the above copyright notice",),
    ),
    Known(
        "PostgreSQL",
        (
            "permission to use copy modify and distribute this software and its documentation "
            "for any purpose without fee and without a written agreement is hereby granted",
        ),
    ),
    Known(
        "Zlib",
        (
            "this software is provided as is without any express or implied warranty in no "
            "event will the authors be held liable for any damages arising from the use of "
            "this software",
            "altered source versions must be plainly marked as such",
        ),
    ),
    Known("Unlicense", ("this is free and unencumbered software released into the public domain",)),
    Known("CC0-1.0", ("cc0 1 0 universal", "statement of purpose")),
    Known("WTFPL", ("do what the fuck you want to public license",)),
    Known(
        "Artistic-2.0",
        (
            "this license establishes the terms under which a given free software package may "
            "be copied modified distributed and or redistributed",
        ),
    ),
    Known("EPL-1.0", ("eclipse public license v 1 0",)),
    Known("EPL-2.0", ("eclipse public license v 2 0",)),
    Known("EUPL-1.1", ("european union public licence v 1 1",)),
    Known("EUPL-1.2", ("european union public licence v 1 2",)),
    Known("MS-PL", ("microsoft public license ms pl",)),
    Known("MS-RL", ("microsoft reciprocal license ms rl",)),
    Known("AFL-3.0", ("academic free license afl v 3 0",)),
    Known("OSL-3.0", ("open software license osl v 3 0",)),
    Known("LPPL-1.3c", ("the latex project public license lppl version 1 3c",)),
    Known(
        "CC-BY-SA-4.0",
        ("creative commons attribution sharealike 4 0 international public license",),
    ),
    Known("CC-BY-4.0", ("creative commons attribution 4 0 international public license",)),
    Known(
        "TCL",
        (
            "the authors hereby grant permission to use copy modify distribute and license "
            "this software and its documentation for any purpose",
            "this notice is included verbatim in any distributions",
        ),
    ),
)

# Notices that name a licence without carrying its text (Apache's boilerplate for
# applying the licence, kept as a LICENSE file of its own): they tell the licence,
# but are no text to copy under LICENSES/.
NOTICES = (("Apache-2.0", "licensed under the apache license version 2 0"),)

# The GNU texts do not say whether "or any later version" applies: the notices
# in the files do. Without one, the narrower reading is the safe one.
VERSIONED = ("AGPL-3.0", "LGPL-3.0", "LGPL-2.1", "GPL-3.0", "GPL-2.0")

_WORDS = re.compile(r"[a-z0-9]+")
# "Copyright (c) 2020 Name", "Copyright 2014 Pallets", "© 2019 Name": a statement, with a year.
_COPYRIGHT = re.compile(
    r"^[ \t]*(?:copyright\b[ \t]*(?:\(c\)|©)?|©)[ \t]*\d{4}\b.*$", re.IGNORECASE | re.MULTILINE
)


def normalise(text: str) -> str:
    """Lower-case words separated by one space: wrapping, punctuation and markup fall away."""
    return " ".join(_WORDS.findall(text.lower()))


# Every licence's telling phrases stand within this many normalised characters of its
# first one, so each text is judged on its own words, not on a text appended after it.
_WINDOW = 1000


def recognise(text: str) -> str | None:
    """The licence ``text`` is, as a base SPDX id (``GPL-3.0`` without -only/-or-later).

    A file may hold several texts (a package's own licence, then those of the code it
    bundles): the one that starts first is the file's."""
    words = normalise(text)
    found = []
    for rank, known in enumerate(KNOWN):
        at = words.find(known.needs[0])
        while at >= 0:
            window = words[at : at + _WINDOW]
            if all(p in window for p in known.needs[1:]) and not any(
                p in window for p in known.lacks
            ):
                found.append((at, rank, known.spdx))
                break
            at = words.find(known.needs[0], at + 1)
    return min(found)[2] if found else None


def recognise_notice(text: str) -> str | None:
    """The licence a notice in ``text`` names, as a base SPDX id (see ``NOTICES``)."""
    words = normalise(text)
    return next((spdx for spdx, phrase in NOTICES if phrase in words), None)


def spdx_id(base: str, or_later: bool = False) -> str:
    """The full SPDX id for a recognised licence (the GNU ones need -only or -or-later)."""
    if base in VERSIONED:
        return f"{base}-or-later" if or_later else f"{base}-only"
    return base


def base_id(license_id: str) -> str:
    """The id without -only, -or-later or + (the text is the same)."""
    return re.sub(r"-(?:only|or-later)\Z|\+\Z", "", license_id)


def standard_text(license_id: str) -> bytes | None:
    """The licence's text as choosealicense.com gives it (the ``identify`` package carries
    these for 35 licences), for a project that names the licence but has no copy."""
    from identify.vendor.licenses import LICENSES

    base = base_id(license_id)
    return next((body.encode("utf-8") for key, body in LICENSES if key == base), None)


def holder(line: str) -> str:
    """Who a copyright statement names, without the years and the formulas around them:
    "Copyright (c) 2017 - 2021 Acme, Inc. All rights reserved." is "acme inc"."""
    words = normalise(line).split()
    kept = [w for w in words if not (w.isdigit() or w in _FORMULA)]
    return _AND_OTHERS.sub("", " ".join(kept).removesuffix(" all rights reserved"))


# "... and contributors", "... and Vue contributors", "... and the Foo authors": a
# monorepo's packages often name the lead holder alone.
_AND_OTHERS = re.compile(r" and (?:the )?(?:\S+ ){0,3}(?:contributors|authors|developers)$")


_FORMULA = frozenset({"copyright", "c", "present"})


def copyright_lines(text: str) -> list[str]:
    """The copyright statements in a licence file (MIT and BSD texts start with one)."""
    found = []
    for match in _COPYRIGHT.finditer(text):
        line = " ".join(match.group(0).split())
        # The licence's own copyright (the FSF's on the GNU texts) is not the project's.
        if "Free Software Foundation" not in line and len(line) < 300:
            found.append(line)
    return found


def project_holder(text: str) -> str | None:
    """The holder a licence file names for the project, as written, or None when it
    names none, several ("Copyright ... Blake Mizerany" then "... Konstantin Haase"),
    or one in a statement that runs on ("Daniel Stenberg, and many" / "contributors"):
    a guess there would put the wrong name on every file."""
    found: dict[str, str] = {}
    for paragraph in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in paragraph.strip().splitlines()]
        if not any(_STATEMENT.match(line) for line in lines):
            continue
        for line in lines:
            if normalise(line) == "all rights reserved":
                continue
            if not _STATEMENT.match(line) or len(line) > 200 or not line.isprintable():
                return None
            if _BLANK.search(line):  # a template never filled in: no holder to take
                return None
            if not _STEWARD.search(line):  # the licence text's own copyright
                found.setdefault(holder(line), _as_written(line))
    shown = list(found.values())
    return shown[0] if len(shown) == 1 and shown[0] else None


# A statement with a year, or with the sign and no year ("Copyright (c) Meta
# Platforms, Inc. and affiliates.", as Jest's LICENSE has it).
_STATEMENT = re.compile(r"(?:copyright\s*(?:\(c\)|©)|©|copyright\s+\d{4}\b)\s*\S", re.IGNORECASE)
# "Copyright (c) <year> <copyright holders>" (SPDX's MIT), "[year] [fullname]"
# (choosealicense.com), "{yyyy} {name of copyright owner}" (Apache's appendix).
_BLANK = re.compile(r"[\[<{][^\]>}@]*(?:year|yyyy|name|holder|owner|author)[^\]>}]*[\]>}]", re.I)
# The licence texts that carry their own copyright: the GNU ones, Artistic 2.0.
_STEWARD = re.compile(r"Free Software Foundation|The Perl Foundation", re.IGNORECASE)
_LEAD = re.compile(
    r"^(?:copyright\b\s*(?:\(c\)|©)?|©)\s*"  # the formula
    r"(?:\d{4}(?:\s*[-\u2013,]\s*(?:\d{4}|present))*[\s,]*)*"  # the years
    r"(?:by\s+)?",
    re.IGNORECASE,
)
_TAIL = re.compile(r"[\s.,]*all rights reserved\W*$|[\s,]+$", re.IGNORECASE)
# A final full stop ends the sentence unless it ends "Inc." or "Ltd."
_STOP = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Z][a-z][a-z])(?<!\b[A-Z])\.$")


def _as_written(line: str) -> str:
    """The holder as the statement writes it: "Copyright (c) 2015-present, Jane Doe. All
    rights reserved." is "Jane Doe"."""
    name = _TAIL.sub("", _LEAD.sub("", line.strip()))
    return _STOP.sub("", name).strip()
