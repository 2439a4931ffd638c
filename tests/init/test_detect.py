# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""What init reads from a repository on its own: licences, names, third-party folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import git
from tgpl_git.init.detect import detect, holder_from_texts, license_from_texts
from tgpl_git.init.licenses import holder

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "licenses"


def put(repo: Path, files: dict[str, str | bytes]) -> None:
    for path, data in files.items():
        target = repo / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode() if isinstance(data, str) else data)
    git(repo, "add", "-A")


def text(name: str) -> bytes:
    return (CORPUS / f"{name}.txt").read_bytes()


def test_third_party_folders_and_monorepo_packages(git_repo: Path) -> None:
    put(
        git_repo,
        {
            "LICENSE": text("MIT"),
            "packages/a/LICENSE": text("MIT"),  # a copy of the project's own: first-party
            "packages/a/index.js": "x\n",
            # the project's licence and holder, then what the package bundles: first-party
            "packages/b/LICENSE.md": b"# b\n" + text("MIT") + b"\n# Bundled\n" + text("ISC"),
            # the same licence, another holder: third-party
            "vendor/tiny/LICENSE": text("MIT").replace(b"2018 S\xc3\xa9bastien", b"2001 Tim"),
            "vendor/zlib/LICENSE.md": text("BSD-3-Clause"),
            "vendor/zlib/contrib/LICENSE": text("ISC"),  # inside a third-party folder
            "third_party/odd/COPYING": "Use it, but kindly.\n",
            "LICENSES/MIT.txt": text("MIT"),  # the REUSE folder is not third-party code
        },
    )
    found = detect(git_repo)
    assert [(p.folder, p.license, p.license_file) for p in found.third_party] == [
        ("third_party/odd", "LicenseRef-third-party-odd", "third_party/odd/COPYING"),
        ("vendor/tiny", "MIT", "vendor/tiny/LICENSE"),
        ("vendor/zlib", "BSD-3-Clause", "vendor/zlib/LICENSE.md"),
    ]
    assert found.third_party[1].copyright == ("Copyright (c) 2001 Tim Eustace",)
    assert found.third_party[2].copyright == ("Copyright 2014 Pallets",)
    assert found.third_party_texts["LicenseRef-third-party-odd"] == b"Use it, but kindly.\n"
    assert found.third_party_texts["BSD-3-Clause"] == text("BSD-3-Clause")


def test_lgpl_with_the_gpl_it_builds_on_is_the_lgpl(git_repo: Path) -> None:
    put(git_repo, {"COPYING": text("GPL-3.0"), "COPYING.LESSER": text("LGPL-3.0")})
    found = detect(git_repo)
    assert license_from_texts(found.texts) == "LGPL-3.0-only"
    assert license_from_texts(found.texts, or_later=True) == "LGPL-3.0-or-later"


@pytest.mark.parametrize(
    ("files", "declared", "name"),
    [
        (
            {"Cargo.toml": '[package]\nname = "crab"\nlicense = "MIT OR Apache-2.0"\n'},
            [("MIT OR Apache-2.0", "Cargo.toml license")],
            "crab",
        ),
        (
            {"package.json": '{"name": "@s/pkg", "license": "ISC", "repository": {"url": "x"}}'},
            [("ISC", "package.json license")],
            "@s/pkg",
        ),
        (
            {"pyproject.toml": '[project]\nname = "py"\nlicense = {text = "Not SPDX at all"}\n'},
            [],
            "py",
        ),
        ({"package.json": "{not json"}, [], "repo"),
        (
            {"composer.json": '{"name": "laravel/laravel", "license": ["MIT", "GPL-2.0-only"]}'},
            [("MIT OR GPL-2.0-only", "composer.json license")],
            "laravel/laravel",
        ),
        (
            {
                "sinatra.gemspec": "Gem::Specification.new 'sinatra' do |s|\n"
                "  s.name = 'sinatra'\n  s.license           = 'MIT'\nend\n"
            },
            [("MIT", "sinatra.gemspec license")],
            "sinatra",
        ),
        (
            {"tool.gemspec": 'spec.name = "tool"\nspec.licenses = ["Apache-2.0", "MIT"]\n'},
            [("Apache-2.0 OR MIT", "tool.gemspec license")],
            "tool",
        ),
        (
            {
                "pandoc.cabal": "cabal-version: 2.4\nname:            pandoc\n"
                "License:         GPL-2.0-or-later\nlicense-file: COPYING.md\n"
            },
            [("GPL-2.0-or-later", "pandoc.cabal license")],
            "pandoc",
        ),
        ({"old.cabal": "name: old\nlicense: BSD3\n"}, [], "old"),  # not SPDX: not taken
    ],
)
def test_manifests(
    git_repo: Path, files: dict[str, str], declared: list[tuple[str, str]], name: str
) -> None:
    put(git_repo, files)
    found = detect(git_repo)
    assert list(found.declared) == declared and found.name == name


def test_the_most_common_header_expression_outside_third_party_code(git_repo: Path) -> None:
    tag = "SPDX-" + "License-Identifier:"
    put(
        git_repo,
        {
            "a.c": f"/* {tag} GPL-2.0-or-later */\n",
            "b.c": f"/* {tag} GPL-2.0-or-later */\n",
            "c.py": f"# {tag} MIT\n",
            "vendor/x/LICENSE": text("ISC"),
            **{f"vendor/x/{i}.c": f"// {tag} ISC\n" for i in range(5)},
        },
    )
    assert detect(git_repo).in_headers[0][0] == "GPL-2.0-or-later"


def test_headers_quoted_between_reuse_ignore_markers_do_not_count(git_repo: Path) -> None:
    tag = "SPDX-" + "License-Identifier:"
    start, end = "REUSE-" + "IgnoreStart", "REUSE-" + "IgnoreEnd"
    quoted = f'# {start}\nEXAMPLE = """\n{tag} 0BSD\n"""\n# {end}\n'
    put(
        git_repo,
        {
            "a.py": f"# {tag} MIT\n",
            **{f"tests/test_{i}.py": f"# {tag} MIT\n{quoted * 2}" for i in range(3)},
            "docs/howto.md": f"<!-- {start} -->\n{tag} Apache-2.0\n\n{tag} Apache-2.0\n",
        },
    )
    found = detect(git_repo)
    assert found.in_headers[0] == ("MIT", "SPDX headers (4 files)")
    assert found.header_keys == ("MIT",)  # no text wanted for 0BSD or Apache-2.0


def test_a_snippet_wants_its_licence_text_but_declares_nothing(git_repo: Path) -> None:
    # oh-my-zsh's history-substring-search.zsh quotes BSD-3-Clause code as a snippet.
    tag = "SPDX-" + "License-Identifier:"
    begin, end = "SPDX-" + "SnippetBegin", "SPDX-" + "SnippetEnd"
    snippet = f"x=1\n# {begin}\n# {tag} BSD-3-Clause\nsnippet\n# {end}\n"
    put(git_repo, {"plugin.zsh": snippet, "other.zsh": snippet})
    found = detect(git_repo)
    assert found.in_headers == ()
    assert found.header_keys == ("BSD-3-Clause",)


def test_header_ids_are_kept_as_written_for_their_texts(git_repo: Path) -> None:
    # Okio's vendored Linux header: REUSE wants LICENSES/GPL-2.0.txt for "GPL-2.0",
    # though SPDX's canonical name is now GPL-2.0-only; "+" names the same text.
    tag = "SPDX-" + "License-Identifier:"
    put(
        git_repo,
        {
            "stat.h": f"/* {tag} GPL-2.0 WITH Linux-syscall-note */\n",
            "old.c": f"/* {tag} LGPL-2.1+ */\n",
        },
    )
    assert detect(git_repo).header_keys == ("GPL-2.0", "LGPL-2.1", "Linux-syscall-note")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("git@github.com:acme/tool.git", "https://github.com/acme/tool.git"),
        ("ssh://git@gitlab.com/acme/tool.git", "https://gitlab.com/acme/tool.git"),
        ("https://user:token@example.org/acme.git", "https://example.org/acme.git"),
        ("/srv/git/acme.git", None),
    ],
)
def test_the_remote_becomes_a_public_https_url(
    git_repo: Path, url: str, expected: str | None
) -> None:
    git(git_repo, "remote", "add", "origin", url)
    found = detect(git_repo)
    assert found.repository == expected
    assert ("github" in found.platforms) == ("github" in url)
    assert ("gitlab" in found.platforms) == ("gitlab" in url)


def test_license_dash_files_are_a_choice_and_unlicense_is_a_licence_file(git_repo: Path) -> None:
    put(
        git_repo,
        {
            "LICENSE-MIT": text("MIT"),
            "LICENSE-APACHE": text("Apache-2.0"),
            "UNLICENSE": text("Unlicense"),
        },
    )
    assert license_from_texts(detect(git_repo).texts) == "Apache-2.0 OR MIT OR Unlicense"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MIT-LICENSE", "MIT"),  # Rails and many gems
        ("epl-v10.html", "EPL-1.0"),  # Clojure
        ("gpl-3.0.txt", "GPL-3.0-only"),
        ("THIRD_PARTY_LICENSES", None),
        ("apache2.conf", None),
    ],
)
def test_licence_files_by_other_names(git_repo: Path, name: str, expected: str | None) -> None:
    from identify.vendor.licenses import LICENSES

    texts = {key: body.encode() for key, body in LICENSES}
    data = texts[expected.removesuffix("-only")] if expected else text("Apache-2.0")
    if name.endswith(".html"):
        data = b"<html><body><h2>License</h2>\n<p>" + data + b"</p></body></html>\n"
    put(git_repo, {name: data})
    assert license_from_texts(detect(git_repo).texts) == expected


def test_a_text_named_after_a_licence_beside_the_licence_file_is_a_parts(
    git_repo: Path,
) -> None:
    # git: COPYING is the GPL-2.0 the project is under; LGPL-2.1 covers some of its files.
    put(git_repo, {"COPYING": text("GPL-2.0"), "LGPL-2.1": text("LGPL-2.1")})
    assert license_from_texts(detect(git_repo).texts) == "GPL-2.0-only"


def test_several_plain_licence_files_all_apply(git_repo: Path) -> None:
    put(git_repo, {"LICENSE": text("MIT"), "COPYING.ISC": text("ISC")})
    assert license_from_texts(detect(git_repo).texts) == "ISC AND MIT"
    # ... and name two holders: none is the project's for sure.
    assert holder_from_texts(detect(git_repo).texts) is None


def test_the_holder_of_the_licence_files(git_repo: Path) -> None:
    # ripgrep: the MIT text names the holder; the Apache text and the Unlicense name none.
    put(git_repo, {"LICENSE-MIT": text("MIT"), "LICENSE-APACHE": text("Apache-2.0")})
    assert holder_from_texts(detect(git_repo).texts) == ("Sébastien Eustace", "LICENSE-MIT")
    # the same holder in two texts, years and formula aside
    put(git_repo, {"COPYING.BSD": b"Copyright 2019-2020 S\xc3\xa9bastien Eustace.\n\n..."})
    assert holder_from_texts(detect(git_repo).texts) == ("Sébastien Eustace", "COPYING.BSD")
    # a text whose statement runs on: no guess, even beside a clear one
    put(git_repo, {"COPYING.BSD": b"Copyright (c) 2019 Ada, Bob and\nCarol.\n\n..."})
    assert holder_from_texts(detect(git_repo).texts) is None
    # the GNU texts' own copyright is the FSF's, not the project's
    put(git_repo, {"COPYING.BSD": text("GPL-3.0")})
    assert holder_from_texts(detect(git_repo).texts) == ("Sébastien Eustace", "LICENSE-MIT")


def test_a_list_of_bundled_notices_is_no_licence_of_its_own(git_repo: Path) -> None:
    # Notepadqq's src/ui/LICENSE-3RD-PARTY.txt lists the licences of the icons it ships;
    # src/ui is the project's own code, and the file is no second licence to choose.
    notices = "=== LICENSE-3RD-PARTY: icons ===\n\n" + text("LGPL-3.0").decode()
    put(
        git_repo,
        {
            "LICENSE": text("GPL-3.0"),
            "LICENSE-THIRD-PARTY.md": notices.encode(),
            "src/ui/LICENSE-3RD-PARTY.txt": notices.encode(),
            "src/ui/main.cpp": b"int main() {}\n",
            "src/ui/libs/promise/LICENSE": text("MIT"),
        },
    )
    found = detect(git_repo)
    assert license_from_texts(found.texts) == "GPL-3.0-only"
    assert [p.folder for p in found.third_party] == ["src/ui/libs/promise"]


APACHE_NOTICE_OF = """   Copyright (c) {years} Acme Software, Inc.

   Licensed under the Apache License, Version 2.0 (the "License");
   you may not use this file except in compliance with the License.
"""


def test_a_package_with_the_projects_notice_is_its_own(git_repo: Path) -> None:
    # Chocolatey: the Apache text at the top, its holders in NOTICE, and a package
    # folder whose LICENSE.txt is the notice with the same holder (other years).
    put(
        git_repo,
        {
            "LICENSE": text("Apache-2.0"),
            "NOTICE": APACHE_NOTICE_OF.format(years="2017 - 2021"),
            "src/resources/LICENSE.txt": APACHE_NOTICE_OF.format(years="2017"),
            "src/resources/helpers.ps1": "Write-Host hi\n",
            "vendor/other/LICENSE": APACHE_NOTICE_OF.replace("Acme", "Other").format(years="2015"),
        },
    )
    found = detect(git_repo)
    assert [p.folder for p in found.third_party] == ["vendor/other"]


def test_holders_compare_without_years_and_formulas() -> None:
    first = holder("Copyright (c) 2017 - 2021 Acme Software, Inc. All rights reserved.")
    assert first == holder("Copyright © 2019-present Acme Software, Inc") == "acme software inc"
    # Vue: the top names the lead and the contributors, each package the lead alone
    lead = holder("Copyright (c) 2018-present, Yuxi (Evan) You")
    assert lead == holder("Copyright (c) 2018-present, Yuxi (Evan) You and Vue contributors")
    assert lead == holder("Copyright 2018 Yuxi (Evan) You and the Vue.js authors")
    assert holder("Copyright 2018 Ann and Bob") != holder("Copyright 2018 Ann")


def test_source_code_named_license_is_no_licence_file(git_repo: Path) -> None:
    # Chocolatey's src/chocolatey/infrastructure/licensing/License.cs is a class.
    header = "// Copyright 2017 Other\n// Licensed under the Apache License, Version 2.0\n"
    put(
        git_repo,
        {
            "LICENSE": text("MIT"),
            "src/licensing/License.cs": header + "class License {}\n",
            "tools/license.py": "# " + text("ISC").decode().replace("\n", "\n# "),
            "vendor/lib/LICENSE.rtf": text("BSD-2-Clause"),
        },
    )
    found = detect(git_repo)
    assert [p.folder for p in found.third_party] == ["vendor/lib"]


def test_the_projects_licence_in_another_form_is_its_own(git_repo: Path) -> None:
    # Chocolatey's installer shows the Apache text it is under, as RTF.
    apache = text("Apache-2.0").decode()
    put(
        git_repo,
        {
            "LICENSE": apache,
            "installer/assets/LICENSE.rtf": "{\\rtf1 " + apache.replace("\n", "\\par\n") + "}",
            "vendor/lib/LICENSE": text("MIT"),
        },
    )
    assert [p.folder for p in detect(git_repo).third_party] == ["vendor/lib"]
