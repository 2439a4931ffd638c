# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""File types to comment styles: the table's coverage, its order of precedence, shebangs."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO_ROOT
from tgpl_git.headers.coverage import coverage, page
from tgpl_git.headers.filetypes import AMBIGUOUS, UNCOMMENTABLE, style_for
from tgpl_git.terms.globs import compile_globs


def test_coverage_is_at_least_the_fields_best() -> None:
    table = coverage()
    syntaxes = {name for name in table if name not in ("php",)}
    assert len(syntaxes) >= 29
    assert sum(len(extensions) for extensions, _ in table.values()) >= 230
    assert sum(len(names) for _, names in table.values()) >= 60


def test_docs_list_is_generated_from_the_table() -> None:
    assert (REPO_ROOT / "docs" / "file-types.md").read_text(encoding="utf-8") == page(), (
        "regenerate: python -m tgpl_git.headers.coverage > docs/file-types.md"
    )


# REUSE-IgnoreStart: header lines below are data, not this file's licence.
@pytest.mark.parametrize(
    ("path", "head", "style"),
    [
        ("src/app.py", b"", "hash"),
        ("lib/x.RS", b"", "c"),
        ("a/b/Makefile", b"", "hash"),
        ("Dockerfile.prod", b"", "hash"),
        ("index.html", b"", "html"),
        ("README.md", b"", "html"),
        ("page.php", b"", "php"),
        ("style.css", b"", "c-block"),
        ("style.scss", b"", "c"),
        ("q.sql", b"", "dash"),
        ("x.tex", b"", "percent"),
        ("run.bat", b"", "rem"),
        ("main.f90", b"", "bang"),
        ("x.ml", b"", "ml"),
        ("t.j2", b"", "jinja"),
        ("requirements.txt", b"", "hash"),
        ("notes.txt", b"", UNCOMMENTABLE),
        ("data.json", b"", UNCOMMENTABLE),
        ("nb.ipynb", b"", UNCOMMENTABLE),
        ("Cargo.lock", b"", UNCOMMENTABLE),
        ("package-lock.json", b"", UNCOMMENTABLE),
        ("logo.png", b"", UNCOMMENTABLE),
        ("bin/tool", b"#!/usr/bin/env python3", "hash"),
        ("bin/tool", b"#!/usr/bin/env -S node --experimental", "c"),
        ("bin/tool", b"#!/bin/bash -e", "hash"),
        ("bin/tool", b"", None),
        ("weird.zzz", b"", None),
        ("lib/Foo.m", b"#import <Foundation/Foundation.h>\n", "c"),
        ("fit.m", b"% least squares\nfunction y = fit(x)\n", "percent"),
        ("lock.m", b"implement Lock;\n", AMBIGUOUS),
        ("site.pp", b"class apache {\n}\n", "hash"),
        ("Forms.pp", b"unit Forms;\ninterface\n", "c"),
        ("x.pl", b"use strict;\nmy $x = 1;\n", "hash"),
        ("family.pl", b"parent(tom, bob).\nancestor(X, Y) :-\n  parent(X, Y).\n", "percent"),
        ("Booleans.cs", b"'From Pharo4.0'!\r", AMBIGUOUS),
        ("Program.cs", b"using System;\n", "c"),
        # a BOM is not part of the first line the content rules read
        ("Path.cs", b"\xef\xbb\xbfnamespace App.Internal;\n[Browsable(false)]\n", "c"),
        ("Point.cs", b"public readonly record struct Point(int X, int Y);\n", "c"),
        ("Info.cs", b'[assembly: InternalsVisibleTo("Tests")]\n', "c"),
        ("Usings.cs", b"global using Xunit;\n", "c"),
        ("App.config", b'\xef\xbb\xbf<?xml version="1.0"?>\n<configuration/>\n', "html"),
        ("nuget.config", b"<configuration>\n", "html"),
        ("site.config", b"key = value\n", AMBIGUOUS),
        ("Localizable.strings", b'/* Menu */\n"quit" = "Quit";\n', "c"),
        ("german.lbx.strings", b"january|Januar\n", AMBIGUOUS),
        ("across.R", b"#' Apply a function across columns\n#'\n#' @export\n", "hash"),
        ("reexport.R", b"magrittr::`%>%`\n", "hash"),
        ("test-near.R", b'test_that("near works", {\n  expect_true(near(1, 1))\n})\n', "hash"),
        ("script.r", b'REBOL [\n    Title: "x"\n]\n; #hash\n', "semicolon"),
        ("Bom.pl", b"\xef\xbb\xbfuse strict;\n", "hash"),
        ("parse.y", b"%{\n#include <stdio.h>\n%}\n%token NUM\n", "c-block"),
        ("scan.l", b"%{\n#include <stdio.h>\n%}\n%%\n", "c-block"),
        ("scan.l", b"%x COMMENT STRING\n%%\n", "c-block"),
        ("lisp.l", b"(de square (N) (* N N))\n", AMBIGUOUS),
        ("scanner.ll", b"%option c++ noyywrap\n", "c-block"),
        ("add.ll", b"; RUN: llc < %s | FileCheck %s\n%pair = type { i32, i32 }\n", "semicolon"),
        ("add.ll", b"%pair = type { i32, i32 }\n", AMBIGUOUS),
        ("src/builtin.jq", b'def todate: strftime("%Y");\n', "hash"),
        ("tests/valgrind.supp", b"{\n   onig\n   Memcheck:Leak\n}\n", "hash"),
        ("docs/public/.htaccess", b"RewriteEngine on\n", "hash"),
        ("man/tbl.Rd", b"\\name{tbl}\n\\alias{tbl}\n", "percent"),
        ("etc/systemd/network/10-bond0.network", b"[Match]\nName=bond0\n", "hash"),
        ("Code.gs", b"function onOpen() {\n}\n", "c"),
        ("app.pro", b"QT += core gui\nTEMPLATE = app\n", "hash"),
        ("themes/robbyrussell.zsh-theme", b"PROMPT='%(?:%{$fg[green]%}%1{>%} )'\n", "hash"),
        ("tests/parse.zunit", b"#!/usr/bin/env zunit\n@test 'x' {\n}\n", "hash"),
        ("plugins/git/_git", b"#compdef git git-cvsserver\n", "hash"),
        ("functions/_cache_invalid", b"#autoload\n", "hash"),
        ("installer/.vercelignore", b"*\n!index.html\n", "hash"),
        ("src/dune", b"(library\n (name x))\n", "semicolon"),
        ("src/dune", b"(* -*- tuareg -*- *)\nlet () = ()\n", "ml"),
        ("dune-project", b"(lang dune 3.0)\n", "semicolon"),
        ("dune-workspace", b"(lang dune 3.0)\n", "semicolon"),
        ("x.opam", b'opam-version: "2.0"\n', "hash"),
        ("opam", b'opam-version: "2.0"\n', "hash"),
        ("test/cases/env.t/run.t", b"Env vars.\n\n  $ dune build\n", "hash"),
        ("test/cases/env.t", b"  $ echo hi\n  hi\n", "hash"),
        ("t/basic.t", b"my $x = 1;\n", AMBIGUOUS),
        # a chart's templates are Go templates; its values, and Jinja templates, are not
        ("charts/web/templates/svc.yaml", b"{{- if .Values.on }}\nkind: Service\n", "gotmpl"),
        ("templates/cm.yml", b'metadata:\n  name: {{ include "x" . }}\n', "gotmpl"),
        ("charts/web/values.yaml", b'name: "{{ .Release.Name }}"\n', "hash"),
        ("charts/web/templates/_helpers.tpl", b'{{/*\nName.\n*/}}\n{{- define "n" -}}\n', "gotmpl"),
        ("views/index.tpl", b"<h1>{$title}</h1>\n", AMBIGUOUS),
        ("roles/web/templates/app.yaml", b"{% if on %}\nport: {{ port }}\n{% endif %}\n", "hash"),
        ("spectrum.pro", b"pro spectrum::define\n", AMBIGUOUS),
        # our header decides, once it has pushed the telling lines further down
        ("Late.cs", b"// SPDX-License-Identifier: MIT\n" + b"x\n" * 3000, "c"),
    ],
)
def test_style_for(path: str, head: bytes, style: str | None) -> None:
    assert style_for(path, head, ()) == style


def test_configured_globs_come_first() -> None:
    configured = [(compile_globs(["**.tpl"]), "html"), (compile_globs(["data.json"]), "c")]
    assert style_for("views/page.tpl", b"", configured) == "html"
    assert style_for("data.json", b"", configured) == "c"


def test_every_listed_style_exists() -> None:
    from tgpl_git.headers.filetypes import EXTENSIONS, NAMES, TAG_STYLES
    from tgpl_git.headers.styles import STYLES

    assert set(EXTENSIONS.values()) | set(NAMES.values()) | set(TAG_STYLES.values()) <= set(STYLES)
    assert all(re.fullmatch(r"[^.][^/]*", e) for e in EXTENSIONS)


def test_every_content_rule_compiles_to_a_known_style() -> None:
    # They compile when a file first needs them: a broken one must fail here, not in use.
    from tgpl_git.headers.filetypes import SNIFFS, _sniffs
    from tgpl_git.headers.styles import STYLES

    for extension in SNIFFS:
        assert all(style in STYLES for _, style in _sniffs(extension))
