# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Oracle: a tree the tool annotated passes ``reuse lint``, the REUSE reference checker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_TERMS, git
from tgpl_git.cli import main

SAMPLES = {
    "src/app.py": "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nprint('hi')\n",
    "src/lib.c": "/*\n * Copyright (c) 2001 Someone Else\n */\n#include <stdio.h>\n",
    "src/main.go": "//go:build linux\n\npackage main\n",
    "src/lib.rs": "#![allow(unused)]\nfn main() {}\n",
    "src/page.php": "<?php\n\ndeclare(strict_types=1);\n\necho 1;\n",
    "src/view.php": "<p><?= 1 ?></p>\n",
    "web/index.html": "<!DOCTYPE html>\n<html></html>\n",
    "web/style.css": '@charset "UTF-8";\na { color: red }\n',
    "web/icon.svg": '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    "web/t.j2": "{{ x }}\n",
    "docs/post.md": "---\ntitle: Hi\n---\n# Hi\n",
    "docs/guide.rst": "Guide\n=====\n",
    "docs/paper.tex": "\\documentclass{article}\n",
    "db/schema.sql": "create table t (x int);\n",
    "scripts/run.bat": "@echo off\r\necho hi\r\n",
    "scripts/tool": "#!/bin/sh\necho hi\n",
    "num/calc.f90": "program p\nend program\n",
    "ml/x.ml": "let x = 1\n",
    "lisp/init.el": ";;; init.el -*- lexical-binding: t -*-\n(setq x 1)\n",
    "hs/Main.hs": "main = pure ()\n",
    "conf/app.yaml": "a: 1\n",
    "conf/app.toml": "a = 1\n",
    "conf/vimrc.vim": "set nocompatible\n",
    "data/table.json": '{"a": 1}\n',
    "Dockerfile": "# syntax=docker/dockerfile:1\nFROM scratch\n",
    "Makefile": "all:\n\ttrue\n",
    "README.md": "# Example\n",
    # Template comments that end in a closer REUSE does not strip: written as a block.
    "views/show.html.erb": "<p><%= x %></p>\n",
    "views/page.ejs": "<p><%= x %></p>\n",
    "views/live.html.heex": "<p><%= @x %></p>\n",
    "views/Index.cshtml": "<p>@x</p>\n",
    "views/post.liquid": "{{ x }}\n",
    "views/card.mustache": "{{x}}\n",
    "views/form.jsp": "<p/>\n",
    "views/site.gotmpl": "{{ .X }}\n",
    "docs/intro.mdx": "# Hi\n",
    "queries/q.xq": "1 + 1\n",
    "legacy/hello.cob": "       IDENTIFICATION DIVISION.\n       PROGRAM-ID. HELLO.\n",
    "man/tool.1": "'\\\" t\n.TH TOOL 1\n",
    "configure.ac": "AC_INIT([x], [1])\n",
    "docs/fig.eps": "%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 1 1\nshowpage\n",
}


@pytest.mark.skipif(sys.platform == "win32", reason="reuse lint on POSIX paths")
def test_annotated_tree_passes_reuse_lint(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS + '\n[headers]\nuncommentable = "sidecar"\n'
    )
    for name, content in SAMPLES.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode())
    git(project, "add", "-A")
    assert main(["-C", str(project), "headers", "--all"]) == 1
    assert main(["-C", str(project), "headers", "--all", "--check"]) == 0
    capsys.readouterr()
    git(project, "add", "-A")
    done = subprocess.run(
        [sys.executable, "-m", "reuse", "--root", str(project), "lint"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # The foreign notice is still there, byte for byte, below ours.
    assert (project / "src/lib.c").read_text().endswith(SAMPLES["src/lib.c"])
