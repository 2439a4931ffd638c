# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The header engine from tables: prolog rules, comment syntaxes, and every verdict.

Each golden case is fixed, then checked again (it must pass), fixed again (nothing
changes) and, where a parser is at hand, parsed.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.headers.conftest import SPEC, check, fix, header
from tgpl_git.headers import files
from tgpl_git.headers.styles import STYLES

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

# REUSE-IgnoreStart: header lines below are data, not this file's licence.
H = header  # short for the tables


def parses(kind: str, data: bytes) -> None:
    """The fixed file still parses with the language's own parser."""
    if kind == "python":
        compile(data, "<fixed>", "exec")
    elif kind == "xml":
        ET.fromstring(data)
    elif kind == "toml":
        tomllib.loads(data.decode("utf-8"))
    elif kind == "yaml":
        yaml.safe_load(data)
    elif kind == "bash":
        subprocess.run(["bash", "-n"], input=data, check=True)
    elif kind == "json-in-html":
        json.loads(data.split(b"-->\n\n", 1)[1])


# (name, style, input, expected output, parser)
PROLOG = [
    ("plain", "hash", "x = 1\n", H("hash") + "\nx = 1\n", "python"),
    (
        "shebang",
        "hash",
        "#!/usr/bin/env python3\nx = 1\n",
        "#!/usr/bin/env python3\n" + H("hash") + "\nx = 1\n",
        "python",
    ),
    (
        "rust inner attribute is not a shebang",
        "c",
        "#![allow(dead_code)]\nfn main() {}\n",
        H("c") + "\n#![allow(dead_code)]\nfn main() {}\n",
        None,
    ),
    ("utf-8 bom", "hash", "\ufeffx = 1\n", "\ufeff" + H("hash") + "\nx = 1\n", "python"),
    (
        "python coding line 1",
        "hash",
        "# -*- coding: latin-1 -*-\nx = 1\n",
        "# -*- coding: latin-1 -*-\n" + H("hash") + "\nx = 1\n",
        "python",
    ),
    (
        "python coding line 2",
        "hash",
        "#!/usr/bin/python\n# vim: set fileencoding=utf-8 :\nx = 1\n",
        "#!/usr/bin/python\n# vim: set fileencoding=utf-8 :\n" + H("hash") + "\nx = 1\n",
        "python",
    ),
    (
        "emacs cookie",
        "semicolon",
        ";;; x.el --- thing -*- lexical-binding: t -*-\n(foo)\n",
        ";;; x.el --- thing -*- lexical-binding: t -*-\n" + H("semicolon") + "\n(foo)\n",
        None,
    ),
    (
        "emacs cookie after shebang",
        "hash",
        "#!/bin/sh\n# -*- mode: sh -*-\necho\n",
        "#!/bin/sh\n# -*- mode: sh -*-\n" + H("hash") + "\necho\n",
        "bash",
    ),
    (
        "ruby magic comments",
        "hash",
        "#!/usr/bin/env ruby\n# frozen_string_literal: true\n# encoding: utf-8\nputs 1\n",
        "#!/usr/bin/env ruby\n# frozen_string_literal: true\n# encoding: utf-8\n"
        + H("hash")
        + "\nputs 1\n",
        None,
    ),
    (
        "dockerfile directives",
        "hash",
        "# syntax=docker/dockerfile:1\n# escape=`\nFROM x\n",
        "# syntax=docker/dockerfile:1\n# escape=`\n" + H("hash") + "\nFROM x\n",
        None,
    ),
    (
        "xml declaration",
        "html",
        '<?xml version="1.0"?>\n<a/>\n',
        '<?xml version="1.0"?>\n' + H("html") + "\n<a/>\n",
        "xml",
    ),
    (
        "doctype",
        "html",
        "<!DOCTYPE html>\n<html></html>\n",
        "<!DOCTYPE html>\n" + H("html") + "\n<html></html>\n",
        None,
    ),
    (
        "xml and multi-line doctype with subset",
        "html",
        '<?xml version="1.0"?>\n<!DOCTYPE a [\n<!ENTITY e "x">\n]>\n<a>&e;</a>\n',
        '<?xml version="1.0"?>\n<!DOCTYPE a [\n<!ENTITY e "x">\n]>\n'
        + H("html")
        + "\n<a>&e;</a>\n",
        "xml",
    ),
    ("php open tag", "php", "<?php\necho 1;\n", "<?php\n" + H("c") + "\necho 1;\n", None),
    (
        "php strict types",
        "php",
        "<?php\n\ndeclare(strict_types=1);\n\necho 1;\n",
        "<?php\n\ndeclare(strict_types=1);\n" + H("c") + "\necho 1;\n",
        None,
    ),
    (
        "php starting with html",
        "php",
        "<p><?= $x ?></p>\n",
        H("php-html") + "<p><?= $x ?></p>\n",
        None,
    ),
    (
        "php whose first line closes php",
        "php",
        "<?php include 'a.php'; ?>\n<p>x</p>\n",
        H("php-html") + "<?php include 'a.php'; ?>\n<p>x</p>\n",
        None,
    ),
    (
        "css charset",
        "c-block",
        '@charset "UTF-8";\na {}\n',
        '@charset "UTF-8";\n' + H("c-block") + "\na {}\n",
        None,
    ),
    (
        "yaml front matter",
        "html",
        "---\ntitle: x\n---\n# Hi\n",
        "---\ntitle: x\n---\n" + H("html") + "\n# Hi\n",
        None,
    ),
    (
        "toml front matter",
        "html",
        "+++\ntitle = 'x'\n+++\nHi\n",
        "+++\ntitle = 'x'\n+++\n" + H("html") + "\nHi\n",
        None,
    ),
    (
        "unclosed front matter is not front matter",
        "html",
        "---\nno end\n",
        H("html") + "\n---\nno end\n",
        None,
    ),
    (
        "yaml document start is content",
        "hash",
        "---\na: 1\n---\nb: 2\n",
        H("hash") + "\n---\na: 1\n---\nb: 2\n",
        None,
    ),
    (
        "go build constraints",
        "c",
        "//go:build linux\n// +build linux\n\npackage x\n",
        "//go:build linux\n// +build linux\n\n" + H("c") + "\npackage x\n",
        None,
    ),
    (
        "batch echo off",
        "rem",
        "@echo off\r\necho hi\r\n",
        "@echo off\r\n" + H("rem", "\r\n") + "\r\necho hi\r\n",
        None,
    ),
    (
        "vba module attributes",
        "apostrophe",
        'Attribute VB_Name = "Specs"\r\nPrivate p As Boolean\r\n',
        'Attribute VB_Name = "Specs"\r\n'
        + H("apostrophe", "\r\n")
        + "\r\nPrivate p As Boolean\r\n",
        None,
    ),
    (
        "vba class designer block",
        "apostrophe",
        "VERSION 1.0 CLASS\nBEGIN\n  MultiUse = -1  'True\nEND\n"
        'Attribute VB_Name = "C"\nAttribute VB_Exposed = False\nOption Explicit\n',
        "VERSION 1.0 CLASS\nBEGIN\n  MultiUse = -1  'True\nEND\n"
        'Attribute VB_Name = "C"\nAttribute VB_Exposed = False\n'
        + H("apostrophe")
        + "\nOption Explicit\n",
        None,
    ),
    (
        "vb6 form with controls",
        "apostrophe",
        'VERSION 5.00\nObject = "{831FDD16-0C5C-11D2-A9FC-0000F8754DA1}#2.0#0"; "MSCOMCTL.OCX"\n'
        'Begin VB.Form Form1\n   Caption = "Hi"\n   Begin VB.CommandButton Go\n'
        '      Caption = "Go"\n   End\nEnd\n'
        'Attribute VB_Name = "Form1"\nPrivate Sub Go_Click()\nEnd Sub\n',
        'VERSION 5.00\nObject = "{831FDD16-0C5C-11D2-A9FC-0000F8754DA1}#2.0#0"; "MSCOMCTL.OCX"\n'
        'Begin VB.Form Form1\n   Caption = "Hi"\n   Begin VB.CommandButton Go\n'
        '      Caption = "Go"\n   End\nEnd\n'
        'Attribute VB_Name = "Form1"\n' + H("apostrophe") + "\nPrivate Sub Go_Click()\nEnd Sub\n",
        None,
    ),
    (
        "b4x design text",
        "apostrophe",
        "B4J=true\nGroup=Network\nVersion=9.8\n@EndOfDesignText@\nSub Process_Globals\n",
        "B4J=true\nGroup=Network\nVersion=9.8\n@EndOfDesignText@\n"
        + H("apostrophe")
        + "\nSub Process_Globals\n",
        None,
    ),
    (
        "a continued line stays with the prolog (sh that runs Tcl)",
        "hash",
        '#!/bin/sh\n# Tcl ignores the next line -*- tcl -*- \\\nexec wish "$0" -- "$@"\n'
        "\nputs hi\n",
        '#!/bin/sh\n# Tcl ignores the next line -*- tcl -*- \\\nexec wish "$0" -- "$@"\n'
        + H("hash")
        + "\nputs hi\n",
        "bash",
    ),
    (
        "every continued line stays",
        "hash",
        '#!/bin/sh\n# -*- tcl -*- \\\n if true; \\\n then exec tclsh "$0"; fi\nputs hi\n',
        '#!/bin/sh\n# -*- tcl -*- \\\n if true; \\\n then exec tclsh "$0"; fi\n'
        + H("hash")
        + "\nputs hi\n",
        "bash",
    ),
    (
        "astro component script",
        "astro",
        '---\nimport L from "./L.astro";\n---\n<L>{1}</L>\n',
        "---\n" + H("astro-script") + '\nimport L from "./L.astro";\n---\n<L>{1}</L>\n',
        None,
    ),
    (
        "astro empty component script",
        "astro",
        "---\n---\n<p/>\n",
        "---\n" + H("astro-script") + "\n---\n<p/>\n",
        None,
    ),
    (
        "stack script options",
        "dash",
        "#!/usr/bin/env stack\n{- stack script\n   --resolver lts-22.0\n-}\nmain = pure ()\n",
        "#!/usr/bin/env stack\n{- stack script\n   --resolver lts-22.0\n-}\n"
        + H("dash")
        + "\nmain = pure ()\n",
        None,
    ),
    (
        "cargo script front matter",
        "c",
        '#!/usr/bin/env cargo\n---cargo\n[dependencies]\nclap = "4"\n---\n\nfn main() {}\n',
        '#!/usr/bin/env cargo\n---cargo\n[dependencies]\nclap = "4"\n---\n'
        + H("c")
        + "\nfn main() {}\n",  # the blank line after the block is the separator
        None,
    ),
    (
        "vim modeline after the shebang",
        "hash",
        "#!/bin/sh\n# vim: set ft=sh ts=4:\necho hi\n",
        "#!/bin/sh\n# vim: set ft=sh ts=4:\n" + H("hash") + "\necho hi\n",
        "bash",
    ),
    (
        "vim modeline on the first line",
        "c",
        "// vim:ts=2:sw=2\nint x;\n",
        "// vim:ts=2:sw=2\n" + H("c") + "\nint x;\n",
        None,
    ),
    (
        "vim modeline after a shebang and a coding line",
        "hash",
        "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# vim: set ts=4 sw=4:\nx = 1\n",
        "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# vim: set ts=4 sw=4:\n"
        + H("hash")
        + "\nx = 1\n",
        "python",
    ),
    (
        "a word ending in vim is no modeline",
        "hash",
        "# Configure nvim: plugins\nx = 1\n",
        H("hash") + "\n# Configure nvim: plugins\nx = 1\n",
        "python",
    ),
    (
        "jinja2 overrides of an ansible template",
        "jinja",
        "#jinja2: trim_blocks: False\nname={{ x }}\n",
        "#jinja2: trim_blocks: False\n" + H("jinja") + "\nname={{ x }}\n",
        None,
    ),
    (
        "postscript magic",
        "percent",
        "%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n%%EndComments\nshowpage\n",
        "%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n%%EndComments\n"
        + H("percent")
        + "%\nshowpage\n",
        None,
    ),
    (
        "registry file format line",
        "semicolon",
        "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\X]\r\n",
        "Windows Registry Editor Version 5.00\r\n"
        + H("semicolon", "\r\n")
        + "\r\n[HKEY_CURRENT_USER\\X]\r\n",
        None,
    ),
    (
        "sed quiet",
        "hash",
        "#n\n/x/p\n",
        "#n\n" + H("hash") + "\n/x/p\n",
        None,
    ),
    (
        "escript emulator flags after a cookie",
        "percent",
        "#!/usr/bin/env escript\n%% -*- erlang -*-\n%%! -smp enable\nmain(_) -> ok.\n",
        "#!/usr/bin/env escript\n%% -*- erlang -*-\n%%! -smp enable\n"
        + H("percent")
        + "%\nmain(_) -> ok.\n",
        None,
    ),
    (
        "zsh compdef",
        "hash",
        "#compdef foo\n_foo() {}\n",
        "#compdef foo\n" + H("hash") + "\n_foo() {}\n",
        None,
    ),
    (
        "dune-project version line",
        "semicolon",
        "(lang dune 3.0)\n(name x)\n",
        "(lang dune 3.0)\n" + H("semicolon") + "\n(name x)\n",
        None,
    ),
    (
        "dune file in OCaml syntax",
        "ml",
        "(* -*- tuareg -*- *)\nlet () = ()\n",
        "(* -*- tuareg -*- *)\n" + H("ml") + "\nlet () = ()\n",
        None,
    ),
    (
        "swift tools version",
        "c",
        "// swift-tools-version:5.9\nimport P\n",
        "// swift-tools-version:5.9\n" + H("c") + "\nimport P\n",
        None,
    ),
    (
        "jest environment docblock",
        "c",
        "/**\n * @jest-environment jsdom\n */\ntest('x', () => {});\n",
        "/**\n * @jest-environment jsdom\n */\n" + H("c") + "\ntest('x', () => {});\n",
        None,
    ),
    (
        "prettier format pragma after a shebang",
        "c",
        "#!/usr/bin/env node\n/** @format */\n\nrun();\n",
        "#!/usr/bin/env node\n/** @format */\n" + H("c") + "\nrun();\n",
        None,
    ),
    (
        "notice with flow pragmas stays first",
        "c",
        "/**\n * Copyright (c) X.\n *\n * @flow strict\n */\n'use strict';\n",
        "/**\n * Copyright (c) X.\n *\n * @flow strict\n */\n" + H("c") + "\n'use strict';\n",
        None,
    ),
    (
        "a first comment without pragmas goes under the header",
        "c",
        "/**\n * Copyright (c) X.\n * @license MIT\n */\nlet x;\n",
        H("c") + "\n/**\n * Copyright (c) X.\n * @license MIT\n */\nlet x;\n",
        None,
    ),
    (
        "a pragma-like word is no pragma",
        "c",
        "/* @formatter:off */\nlet x;\n",
        H("c") + "\n/* @formatter:off */\nlet x;\n",
        None,
    ),
    (
        "css format pragma",
        "c-block",
        "/** @prettier */\na {}\n",
        "/** @prettier */\n" + H("c-block") + "\na {}\n",
        None,
    ),
    (
        "yaml format pragma",
        "hash",
        "# @noformat\na:   1\n",
        "# @noformat\n" + H("hash") + "\na:   1\n",
        "yaml",
    ),
    (
        "markdown format pragma after front matter",
        "html",
        "---\ntitle: x\n---\n\n<!--\n  @format\n-->\n# Hi\n",
        "---\ntitle: x\n---\n\n<!--\n  @format\n-->\n" + H("html") + "\n# Hi\n",
        None,
    ),
    (
        "mdx format pragma",
        "mdx",
        "{/* @prettier */}\n\n# Hi\n",
        "{/* @prettier */}\n" + H("mdx") + "\n# Hi\n",
        None,
    ),
    (
        "cloud-init user data",
        "hash",
        "#cloud-config\npackages: [git]\n",
        "#cloud-config\n" + H("hash") + "\npackages: [git]\n",
        "yaml",
    ),
    (
        "cloud-init jinja template",
        "hash",
        "## template: jinja\n#cloud-config\nhostname: {{ v1.local_hostname }}\n",
        "## template: jinja\n#cloud-config\n" + H("hash") + "\nhostname: {{ v1.local_hostname }}\n",
        None,
    ),
    (
        "cloud-init jinja script",
        "hash",
        "## template: jinja\n#!/bin/sh\necho {{ v1.instance_id }}\n",
        "## template: jinja\n#!/bin/sh\n" + H("hash") + "\necho {{ v1.instance_id }}\n",
        None,
    ),
    (
        "nim source code filter",
        "hash",
        "#? stdtmpl | standard\n#proc page(): string =\n",
        "#? stdtmpl | standard\n" + H("hash") + "\n#proc page(): string =\n",
        None,
    ),
    (
        "man page preprocessor line, then a coding line",
        "troff",
        '\'\\" te\n.\\" -*- coding: UTF-8 -*-\n.TH X 1\n',
        '\'\\" te\n.\\" -*- coding: UTF-8 -*-\n' + H("troff") + '.\\"\n.TH X 1\n',
        None,
    ),
    (
        "a man page's comment lines are no preprocessor line",
        "troff",
        "'\\\"\n'\\\" Copyright (c) 1993 X.\n'\\\"\n.TH after n\n",
        H("troff") + '.\\"\n\'\\"\n\'\\" Copyright (c) 1993 X.\n\'\\"\n.TH after n\n',
        None,
    ),
    (
        "tex format line",
        "percent",
        "%&pdflatex\n\\documentclass{article}\n",
        "%&pdflatex\n" + H("percent") + "%\n\\documentclass{article}\n",
        None,
    ),
    (
        "texinfo input line",
        "texinfo",
        "\\input texinfo\n@setfilename x.info\n",
        "\\input texinfo\n" + H("texinfo") + "\n@setfilename x.info\n",
        None,
    ),
    (
        "file that is only a prolog, no final newline",
        "hash",
        "#!/bin/sh",
        "#!/bin/sh\n" + H("hash").rstrip("\n"),
        "bash",
    ),
    ("empty file", "hash", "", H("hash"), "python"),
    ("toml", "hash", "[tool]\na = 1\n", H("hash") + "\n[tool]\na = 1\n", "toml"),
]


@pytest.mark.skipif(shutil.which("tclsh") is None, reason="needs tclsh")
def test_a_shell_script_that_runs_tcl_still_runs(tmp_path: Path) -> None:
    # gitk's first lines: sh runs the exec, Tcl reads it as part of the comment above.
    script = (
        '#!/bin/sh\n# Tcl ignores the next line -*- tcl -*- \\\nexec tclsh "$0" "$@"\n\nputs ran\n'
    )
    _, fixed = fix(script.encode(), "hash")
    (tmp_path / "tool").write_bytes(fixed)
    done = subprocess.run(["sh", str(tmp_path / "tool")], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "ran\n"), done.stderr


def test_a_first_comment_too_long_to_read_is_no_prolog() -> None:
    # A pragma may sit anywhere in a file's first comment, so it is read to its end; one
    # that runs past the limit is a comment like any other: the header goes above it.
    data = b"/*\n" + b" * x\n" * 70_000 + b" */\nlet x = 1;\n"
    rest = io.BytesIO(data[files.HEAD_BYTES :])
    head = data[: files.HEAD_BYTES]
    verdict, _ = files._judge(rest.read, head, len(data), STYLES["c"], SPEC, True)
    assert verdict.rule == "header-missing" and verdict.new_head is not None
    assert verdict.new_head.startswith(header("c").encode() + b"\n/*\n")


@pytest.mark.skipif(shutil.which("sed") is None, reason="needs sed")
def test_a_quiet_sed_script_stays_quiet(tmp_path: Path) -> None:
    # "#n" means -n only as the first line of a script.
    _, fixed = fix(b"#n\n/x/p\n", "hash")
    (tmp_path / "s.sed").write_bytes(fixed)
    done = subprocess.run(
        ["sed", "-f", str(tmp_path / "s.sed")], input="x\ny\n", capture_output=True, text=True
    )
    assert done.stdout == "x\n", done.stderr


def man(page: Path) -> str:
    """The page as ``man`` formats it (60 columns, no terminal)."""
    env = {"PATH": os.environ["PATH"], "MANWIDTH": "60", "MAN_DISABLE_SECCOMP": "1"}
    done = subprocess.run(["man", "-l", str(page)], capture_output=True, text=True, env=env)
    return done.stdout


@pytest.mark.skipif(shutil.which("man") is None or shutil.which("eqn") is None, reason="needs man")
def test_a_man_page_still_gets_its_preprocessors(tmp_path: Path) -> None:
    # man runs eqn only when the first line asks for it: '\" e
    page = b"'\\\" e\n.TH X 1\n.SH EQ\n.EQ\nx sup 2\n.EN\n"
    _, fixed = fix(page, "troff")
    (tmp_path / "x.1").write_bytes(fixed)
    shown = man(tmp_path / "x.1")
    assert "sup" not in shown and "x2" in shown, shown


@pytest.mark.skipif(shutil.which("man") is None, reason="needs man")
def test_a_man_page_reads_the_same(tmp_path: Path) -> None:
    # A blank line is vertical space in troff: the header and what parts it from the page
    # must print nothing.
    page = b"'\\\"\n'\\\" Copyright (c) 1998 X.\n'\\\"\n.TH X 3\n.SH NAME\nx \\- y\n"
    _, fixed = fix(page, "troff")
    assert fixed != page
    (tmp_path / "old.3").write_bytes(page)
    (tmp_path / "new.3").write_bytes(fixed)
    shown = man(tmp_path / "old.3")
    assert man(tmp_path / "new.3") == shown and "x - y" in shown


@pytest.mark.skipif(shutil.which("cobc") is None, reason="needs GnuCOBOL")
@pytest.mark.parametrize("layout", ["-fixed", "-free"])
def test_a_cobol_program_still_compiles(tmp_path: Path, layout: str) -> None:
    # Fixed-format COBOL (cobc's default) reads column 7 as the line's indicator: the
    # header's "*" must stand there, and free format reads the same line as a comment.
    program = (
        b"       IDENTIFICATION DIVISION.\n       PROGRAM-ID. HELLO.\n"
        b"       PROCEDURE DIVISION.\n           DISPLAY 'Hi'.\n           STOP RUN.\n"
    )
    _, fixed = fix(program, "cobol")
    (tmp_path / "hello.cob").write_bytes(fixed)
    done = subprocess.run(
        ["cobc", layout, "-fsyntax-only", str(tmp_path / "hello.cob")], capture_output=True
    )
    assert done.returncode == 0, done.stderr


GRAMMAR = b"%{\nint yylex(void); void yyerror(const char *s);\n%}\n%token NUM\n%%\nexp: NUM ;\n%%\n"
SCANNER = b"%option noyywrap\n%{\n#include <stdio.h>\n%}\n%%\n.  ECHO;\n%%\n"


@pytest.mark.parametrize(
    ("tool", "source", "args"),
    [
        ("bison", GRAMMAR, ["-o", "out.c", "in.y"]),
        ("byacc", GRAMMAR, ["-o", "out.c", "in.y"]),
        ("flex", SCANNER, ["-o", "out.c", "in.l"]),
    ],
)
def test_a_grammar_still_generates_its_parser(
    tmp_path: Path, tool: str, source: bytes, args: list[str]
) -> None:
    # POSIX yacc and lex read /* */ comments, unindented, before the first %%.
    if shutil.which(tool) is None:
        pytest.skip(f"needs {tool}")
    _, fixed = fix(source, "c-block")
    (tmp_path / args[-1]).write_bytes(fixed)
    done = subprocess.run([tool, *args], cwd=tmp_path, capture_output=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(shutil.which("jq") is None, reason="needs jq")
def test_a_jq_module_still_loads(tmp_path: Path) -> None:
    _, fixed = fix(b"def double: . * 2;\n", "hash")
    (tmp_path / "m.jq").write_bytes(fixed)
    done = subprocess.run(
        ["jq", "-L", str(tmp_path), 'include "m"; double'], input=b"3", capture_output=True
    )
    assert done.stdout == b"6\n", done.stderr


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="needs R")
def test_an_r_help_page_still_parses(tmp_path: Path) -> None:
    _, fixed = fix(b"\\name{tbl}\n\\alias{tbl}\n\\title{Make a table}\n", "percent")
    (tmp_path / "tbl.Rd").write_bytes(fixed)
    script = 'cat(tools:::.Rd_get_metadata(tools::parse_Rd("tbl.Rd"), "name"))'
    done = subprocess.run(["Rscript", "-e", script], cwd=tmp_path, capture_output=True)
    assert done.stdout == b"tbl", done.stderr


@pytest.mark.skipif(shutil.which("m4") is None, reason="needs m4")
def test_m4_output_is_the_same(tmp_path: Path) -> None:
    source = b"define(`X', `1')dnl\nX\n"
    _, fixed = fix(source, "m4")
    assert fixed != source
    out = [
        subprocess.run(["m4"], input=data, capture_output=True, check=True).stdout
        for data in (source, fixed)
    ]
    assert out[0] == out[1] == b"1\n"


@pytest.mark.parametrize(
    ("name", "style", "before", "after", "parser"), PROLOG, ids=[c[0] for c in PROLOG]
)
def test_prolog_rules(name: str, style: str, before: str, after: str, parser: str | None) -> None:
    verdict, fixed = fix(before.encode(), style)
    assert verdict.rule in ("header-missing", "header-foreign-only")
    assert fixed.decode() == after
    assert check(fixed, style).rule is None
    assert fix(fixed, style)[1] == fixed
    if parser:
        parses(parser, fixed)


# One sample per comment syntax: (style, source, parser)
SYNTAXES = [
    ("hash", "x = 1\n", "python"),
    ("c", "int x;\n", None),
    ("c-block", "a { color: red }\n", None),
    ("html", "<a/>\n", "xml"),
    ("dash", "select 1;\n", None),
    ("semicolon", "(+ 1 2)\n", None),
    ("percent", "\\documentclass{article}\n", None),
    ("apostrophe", "Dim x\n", None),
    ("rem", "echo hi\n", None),
    ("bang", "program p\nend program\n", None),
    ("vim", "set nocompatible\n", None),
    ("ml", "let x = 1\n", None),
    ("jinja", "{{ x }}\n", None),
    ("handlebars", "{{x}}\n", None),
    ("mustache", "{{x}}\n", None),
    ("erb", "<%= x %>\n", None),
    ("jsp", "<p/>\n", None),
    ("razor", "<p>@x</p>\n", None),
    ("liquid", "{{ x }}\n", None),
    ("gotmpl", "{{ .X }}\n", None),
    ("mdx", "# Title\n", None),
    ("xquery", "1 + 1\n", None),
    ("rst", "Title\n=====\n", None),
    ("troff", ".TH X 1\n", None),
    ("m4", "AC_INIT([x])\n", None),
    ("texinfo", "@node Top\n", None),
    ("pug", "p hello\n", None),
    ("haml", "%p hello\n", None),
    ("slim", "p hello\n", None),
    ("velocity", "$x\n", None),
    ("apl", "x\u21901\n", None),
    ("cobol", "IDENTIFICATION DIVISION.\n", None),
    ("mermaid", "graph TD\n", None),
    ("forth", ": x 1 ;\n", None),
    ("tla", "---- MODULE x ----\n", None),
    ("php-html", "<p/>\n", None),
    ("astro", "<p>static</p>\n", None),
    ("sidecar", "", None),
]


@pytest.mark.parametrize(("style", "source", "parser"), SYNTAXES, ids=[c[0] for c in SYNTAXES])
def test_comment_syntaxes(style: str, source: str, parser: str | None) -> None:
    verdict, fixed = fix(source.encode(), style)
    assert verdict.rule == "header-missing"
    gap = STYLES[style].gap + "\n" if source and style != "php-html" else ""
    assert fixed.decode() == header(style) + gap + source
    assert check(fixed, style).rule is None
    if parser:
        parses(parser, fixed)


def test_every_style_has_a_syntax_case() -> None:
    # "php" needs its <?php line, "astro-script" its --- fence: the prolog cases above
    # cover them.
    assert {c[0] for c in SYNTAXES} | {"php", "astro-script"} == set(STYLES)


CURRENT = H("hash")
VERDICTS = [
    ("current", CURRENT + "\nx = 1\n", None, CURRENT + "\nx = 1\n"),
    (
        "old first year is current",
        H("hash", year="2019") + "x = 1\n",
        None,
        H("hash", year="2019") + "x = 1\n",
    ),
    (
        "a range is current",
        H("hash", year="2019-2024") + "x\n",
        None,
        H("hash", year="2019-2024") + "x\n",
    ),
    ("implausible year", H("hash", year="1066") + "x\n", "header-outdated-year", CURRENT + "x\n"),
    (
        "missing year",
        H("hash").replace("2026 ", "") + "x\n",
        "header-outdated-year",
        CURRENT + "x\n",
    ),
    (
        "outdated expression",
        CURRENT.replace("GPL-3.0-or-later AND", "MIT AND") + "x\n",
        "header-outdated-text",
        CURRENT + "x\n",
    ),
    (
        "outdated holder keeps the year",
        H("hash", year="2020").replace("The Example", "Old") + "x\n",
        "header-outdated-text",
        H("hash", year="2020") + "x\n",
    ),
    (
        "outdated sentence",
        CURRENT.replace("permitted only if", "allowed if") + "x\n",
        "header-outdated-text",
        CURRENT + "x\n",
    ),
    (
        "missing sentence line",
        "\n".join(CURRENT.split("\n")[:2]) + "\nx\n",
        "header-outdated-text",
        CURRENT + "x\n",
    ),
    (
        "other holders are kept after ours",
        CURRENT.replace("Authors\n", "Authors\n# SPDX-FileCopyrightText: 2025 Jane Doe\n") + "x\n",
        None,
        CURRENT.replace("Authors\n", "Authors\n# SPDX-FileCopyrightText: 2025 Jane Doe\n") + "x\n",
    ),
    (
        "another holder above ours moves below it",
        "# SPDX-FileCopyrightText: 2025 Jane Doe\n" + CURRENT + "x\n",
        "header-outdated-text",
        CURRENT.replace("Authors\n", "Authors\n# SPDX-FileCopyrightText: 2025 Jane Doe\n") + "x\n",
    ),
    (
        "foreign notice stays, ours goes above",
        "# Copyright (c) 2001 Someone\n# Licensed under the MIT licence.\n\nx\n",
        "header-foreign-only",
        CURRENT + "\n# Copyright (c) 2001 Someone\n# Licensed under the MIT licence.\n\nx\n",
    ),
    (
        "foreign REUSE header stays below ours",
        CURRENT + "\n# SPDX-FileCopyrightText: 2001 Jane\n# SPDX-License-Identifier: MIT\n\nx\n",
        None,
        CURRENT + "\n# SPDX-FileCopyrightText: 2001 Jane\n# SPDX-License-Identifier: MIT\n\nx\n",
    ),
    (
        "ours below a foreign notice is moved up",
        "# Copyright 2001 Jane\n\n" + CURRENT + "\nx\n",
        "header-wrong-position",
        CURRENT + "\n# Copyright 2001 Jane\n\nx\n",
    ),
    ("duplicate", CURRENT + "\n" + CURRENT + "\nx\n", "header-duplicate", CURRENT + "\nx\n"),
    ("wrong style", H("c") + "\nx = 1\n", "header-wrong-style", CURRENT + "\nx = 1\n"),
    (
        "a header-like comment after code is not a header",
        "x = 1\n" + CURRENT,
        "header-missing",
        CURRENT + "\nx = 1\n" + CURRENT,
    ),
    (
        "another licence's identifier in our block stays in it, and the block stays one",
        "# SPDX-License-Identifier: MIT\n# AI training: permitted; see ai-training.toml.\nx = 1\n",
        "header-outdated-text",
        CURRENT.replace(
            "2026 The Example Authors\n",
            "2026 The Example Authors\n# SPDX-License-Identifier: MIT\n",
            1,
        )
        + "x = 1\n",
    ),
    (
        "beside another licence's identifier too",
        "# SPDX-License-Identifier: MIT\n# AI training: our own words\nx = 1\n",
        "header-foreign-only",
        CURRENT + "\n# SPDX-License-Identifier: MIT\n# AI training: our own words\nx = 1\n",
    ),
    (
        "a comment that only starts like our sentence is the author's",
        "# AI training: this module trains nothing\nx = 1\n",
        "header-missing",
        CURRENT + "\n# AI training: this module trains nothing\nx = 1\n",
    ),
    (
        "a header inside a docstring is not a header",
        '"""\n' + CURRENT + '"""\n',
        "header-missing",
        CURRENT + '\n"""\n' + CURRENT + '"""\n',
    ),
]


@pytest.mark.parametrize(
    ("name", "before", "rule", "after"), VERDICTS, ids=[c[0] for c in VERDICTS]
)
def test_verdicts(name: str, before: str, rule: str | None, after: str) -> None:
    assert check(before.encode(), "hash").rule == rule
    verdict, fixed = fix(before.encode(), "hash")
    assert verdict.rule == rule
    assert fixed.decode() == after
    assert check(fixed, "hash").rule is None
    assert fix(fixed, "hash")[1] == fixed


def test_finding_names_the_line_that_differs() -> None:
    verdict = check(
        CURRENT.replace("MIT", "X").replace("GPL-3.0-or-later AND", "MIT AND").encode(), "hash"
    )
    assert verdict.line == 1
    assert "expected '# SPDX-License-Identifier: GPL-3.0-or-later AND" in verdict.message


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_line_endings_are_the_files_own(eol: str) -> None:
    source = f"#!/bin/sh{eol}echo{eol}"
    _, fixed = fix(source.encode(), "hash")
    assert fixed.decode() == f"#!/bin/sh{eol}" + header("hash", eol) + f"{eol}echo{eol}"


def test_missing_final_newline_stays_missing() -> None:
    _, fixed = fix(b"x = 1", "hash")
    assert fixed == (CURRENT + "\nx = 1").encode()


@pytest.mark.parametrize(
    ("data", "rule"),
    [
        (b"a\nb\r\nc\n", "header-mixed-line-endings"),
        (b"x = '\xe9'\n", "header-unreadable-encoding"),
        ("x = 1\n".encode("utf-16"), "header-unreadable-encoding"),
    ],
)
def test_files_left_alone_are_reported(data: bytes, rule: str) -> None:
    verdict, fixed = fix(data, "hash")
    assert verdict.rule == rule and verdict.new_head is None and fixed == data


def test_a_heading_in_another_syntax_is_never_taken_for_a_header() -> None:
    # In Markdown "# ..." is a heading: only an SPDX line makes another language's
    # comment a header copied from elsewhere.
    page = b"# AI training: our policy\n\nText.\n"
    verdict, fixed = fix(page, "html")
    assert verdict.rule == "header-missing"
    assert fixed == header("html").encode() + b"\n" + page


def test_a_header_half_in_another_syntax_becomes_one() -> None:
    ours = header("c").splitlines(keepends=True)
    data = ("# " + ours[1][3:] + ours[2] + "int x;\n").encode()  # identifier in "#" comments
    verdict, fixed = fix(data, "c")
    assert verdict.rule == "header-duplicate"
    assert fixed == header("c").encode() + b"\nint x;\n"
    assert check(fixed, "c").rule is None


def test_what_a_block_comment_holds_is_never_a_header() -> None:
    # The "<!--" opened on the first line closes on the second: that line is the
    # comment's text, and moving it would close the comment further down.
    page = b"<!--\n<!-- AI training: permitted; see ai-training.toml. -->\n<p>x</p>\n"
    verdict, fixed = fix(page, "html")
    assert verdict.rule == "header-missing"
    assert fixed == header("html").encode() + b"\n" + page
    assert check(fixed, "html").rule is None


def test_header_text_a_style_cannot_hold_is_reported() -> None:
    spec = dataclasses.replace(SPEC, holder="A -- B")
    verdict = check(b"<a/>\n", "html", spec)
    assert verdict.rule == "header-unwritable"
    assert verdict.message == (
        "'--' cannot stand in a html comment (header line 'SPDX-FileCopyrightText: YEAR A -- B')"
    )


@pytest.mark.parametrize(
    ("style", "bad"),
    [(name, bad) for name, style in sorted(STYLES.items()) for bad in style.forbidden],
)
def test_a_fix_never_writes_what_it_cannot_write(style: str, bad: str) -> None:
    # The fixer once wrote such a file as its line ending alone.
    spec = dataclasses.replace(SPEC, holder=f"A {bad} B")
    data = b"x\ny\n"
    for head in (data, header(style).encode() + data):
        verdict, fixed = fix(head, style, spec)
        assert verdict.rule == "header-unwritable" and verdict.new_head is None
        assert fixed == head


@pytest.mark.parametrize(
    ("training", "sentence"),
    [
        ("allowed", "AI training: permitted; see ai-training.toml."),
        ("disallowed", "AI training: not permitted; see ai-training.toml."),
    ],
)
def test_sentence_follows_the_terms(training: str, sentence: str) -> None:
    spec = dataclasses.replace(SPEC, training=training)
    _, fixed = fix(CURRENT.encode(), "hash", spec)
    assert f"# {sentence}\n" in fixed.decode()
    assert check(fixed, "hash", spec).rule is None


def test_the_sentence_is_wrapped_to_the_projects_line_length() -> None:
    # flake8 at 79 (Black's B950 at 88, clang-format's 80 columns) would fail, or
    # rewrap, the sentence's one line of 100 characters in every file.
    spec = dataclasses.replace(SPEC, line_length=79)
    _, fixed = fix(b"import os\n", "hash", spec)
    assert fixed.decode() == (
        "# SPDX-FileCopyrightText: 2026 The Example Authors\n"
        "# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0\n"
        "# AI training: permitted only if trained models are released as free\n"
        "# software; see ai-training.toml.\n"
        "\n"
        "import os\n"
    )
    parses("python", fixed)
    assert check(fixed, "hash", spec).rule is None
    # Every style fits, markers and all.
    for name in STYLES:
        wrapped = header(name, spec=spec)
        assert all(len(line) <= 79 for line in wrapped.splitlines() if "SPDX-" not in line)
    # One line again when the limit goes, and wrapped when it comes back.
    assert check(fixed, "hash").rule == "header-outdated-text"
    unwrapped = fix(fixed, "hash")[1]
    assert unwrapped.decode() == H("hash") + "\nimport os\n"
    assert fix(unwrapped, "hash", spec)[1] == fixed


def test_a_comment_that_runs_on_after_a_sentence_of_ours_stays() -> None:
    # The sentence's lines end at its full stop: what follows is the file's own.
    spec = dataclasses.replace(SPEC, line_length=79)
    body = "# software; see ai-training.toml.\n# More of the author's words\nx = 1\n"
    _, fixed = fix(header("hash", spec=spec).encode() + b"# Notes\n" + body.encode(), "hash", spec)
    assert fixed.decode().endswith("# Notes\n" + body)


@pytest.mark.parametrize(
    ("policy", "existing", "fixed_year"),
    [
        ("first", "2019", "2019"),
        ("range", "2019", "2019-2026"),
        ("range", "2019-2021", "2019-2026"),
        ("range", "2026", "2026"),
        ("none", None, None),
    ],
)
def test_year_policy_is_what_the_fixer_writes(
    policy: str, existing: str | None, fixed_year: str | None
) -> None:
    spec = dataclasses.replace(SPEC, year_policy=policy)
    before = header("hash", year=existing or "", spec=spec) + "x\n"
    assert check(before.encode(), "hash", spec).rule is None
    _, fixed = fix(before.encode(), "hash", spec)
    assert fixed.decode() == header("hash", year=fixed_year or "", spec=spec) + "x\n"


def test_a_template_may_name_the_year_twice() -> None:
    # A classic copyright line above the SPDX one: the short way once failed to compile
    # the header's pattern (the year group named twice).
    template = (
        "Copyright (c) {year} {holder}",
        "SPDX-FileCopyrightText: {year} {holder}",
        "SPDX-License-Identifier: {expression}",
    )
    spec = dataclasses.replace(SPEC, template=template)
    verdict, fixed = fix(b"x = 1\n", "hash", spec)
    assert verdict.rule == "header-missing"
    assert fixed.startswith(b"# Copyright (c) 2026 The Example Authors\n")
    assert check(fixed, "hash", spec).rule is None
    wrong = fixed.replace(b"(c) 2026", b"(c) 2025", 1)  # two years that disagree
    assert check(wrong, "hash", spec).rule is not None
