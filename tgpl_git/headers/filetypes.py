# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Which comment style a file takes, as data: identify's tags first, then our own tables.

``identify`` (pre-commit's file-type detection) turns a file name, or the
interpreter of a shebang, into tags such as ``{"text", "python"}``. ``TAG_STYLES``
maps tags to styles, most specific first; ``EXTENSIONS`` and ``NAMES`` cover
what identify does not know. A file whose tags say it cannot hold a comment
(JSON, images, lock files) is ``UNCOMMENTABLE``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from re import Pattern

from identify import extensions as known
from identify.identify import tags_from_filename, tags_from_interpreter

from tgpl_git.headers.styles import STYLES

# Tag -> style, in priority order: the first tag of a file found here decides.
TAG_STYLES: dict[str, str] = {
    # templates and languages embedded in markup come before the markup itself
    "php": "php",
    "jinja": "jinja",
    "twig": "jinja",
    "nunjucks": "jinja",
    "liquid": "liquid",
    "handlebars": "handlebars",
    "mustache": "mustache",
    "erb": "erb",
    "ejs": "erb",
    "gotmpl": "gotmpl",
    "mdx": "mdx",
    "vtl": "velocity",
    "apinotes": "hash",
    "jade": "pug",
    "pug": "pug",
    "templ": "c",
    "astro": "astro",
    "vue": "html",
    "svelte": "html",
    "json5": "c",
    "jsonnet": "c",
    "cson": "hash",
    "svg": "html",
    "xml": "html",
    "html": "html",
    "xhtml": "html",
    "dtd": "html",
    "markdown": "html",
    "quarto": "html",
    "myst": "html",
    "zpt": "html",
    "xquery": "xquery",
    # hash
    "python": "hash",
    "pyi": "hash",
    "cython": "hash",
    "shell": "hash",
    "bash": "hash",
    "zsh": "hash",
    "fish": "hash",
    "csh": "hash",
    "ruby": "hash",
    "perl": "hash",
    "yaml": "hash",
    "toml": "hash",
    "r": "hash",
    "makefile": "hash",
    "cmake": "hash",
    "dockerfile": "hash",
    "nix": "hash",
    "julia": "hash",
    "elixir": "hash",
    "nim": "hash",
    "nimble": "hash",
    "crystal": "hash",
    "coffee": "hash",
    "powershell": "hash",
    "tcl": "hash",
    "gitignore": "hash",
    "gitattributes": "hash",
    "gitmodules": "hash",
    "gitconfig": "hash",
    "dockerignore": "hash",
    "npmignore": "hash",
    "editorconfig": "hash",
    "mailmap": "hash",
    "ini": "hash",
    "dotenv": "hash",
    "java-properties": "hash",
    "bazel": "hash",
    "bazelrc": "hash",
    "bitbake": "hash",
    "meson": "hash",
    "scons": "hash",
    "tiltfile": "hash",
    "browserslistrc": "hash",
    "conf": "hash",
    "terraform": "hash",
    "hcl": "hash",
    "graphql": "hash",
    "gherkin": "hash",
    "robot": "hash",
    "textproto": "hash",
    "pofile": "hash",
    "puppet": "hash",
    "salt": "hash",
    "spec": "hash",
    "gdscript": "hash",
    "magik": "hash",
    "nushell": "hash",
    "cylc": "hash",
    "ipxe": "hash",
    "awk": "hash",
    "expect": "hash",
    "pdbrc": "hash",
    "cargo": "hash",
    "pyproject": "hash",
    # C-like line comments
    "c": "c",
    "c++": "c",
    "header": "c",
    "cuda": "c",
    "objective-c": "c",
    "objective-c++": "c",
    "java": "c",
    "javascript": "c",
    "jsx": "c",
    "ts": "c",
    "tsx": "c",
    "go": "c",
    "go-mod": "c",
    "rust": "c",
    "swift": "c",
    "kotlin": "c",
    "scala": "c",
    "c#": "c",
    "f#": "c",
    "dart": "c",
    "groovy": "c",
    "proto": "c",
    "zig": "c",
    "solidity": "c",
    "verilog": "c",
    "system-verilog": "c",
    "hlsl": "c",
    "metal": "c",
    "vala": "c",
    "thrift": "c",
    "prisma": "c",
    "cue": "c",
    "gleam": "c",
    "idl": "c",
    "yang": "c",
    "modulemap": "c",
    "xcconfig": "c",
    "stylus": "c",
    "scss": "c",
    "sass": "c",
    "less": "c",
    "asciidoc": "c",
    "aspectj": "c",
    "pascal": "c",
    "qml": "c",
    "ino": "c",
    "inl": "c",
    # other syntaxes
    "css": "c-block",
    "sas": "c-block",
    "sql": "dash",
    "haskell": "dash",
    "c2hs": "dash",
    "literate-haskell": "dash",
    "lua": "dash",
    "luau": "dash",
    "elm": "dash",
    "purescript": "dash",
    "idris": "dash",
    "lean": "dash",
    "vhdl": "dash",
    "mib": "dash",
    "clojure": "semicolon",
    "clojurescript": "semicolon",
    "edn": "semicolon",
    "scheme": "semicolon",
    "beancount": "semicolon",
    "tex": "percent",
    "erlang": "percent",
    "bib": "percent",
    "vb": "apostrophe",
    "plantuml": "apostrophe",
    "batch": "rem",
    "fortran": "bang",
    "vim": "vim",
    "ocaml": "ml",
    "rst": "rst",
    "m4": "m4",
}

# Extensions identify does not know (lower case, without the dot).
EXTENSIONS: dict[str, str] = {
    **dict.fromkeys(
        "tcl awk sed exp rbs rbi ru podspec thor builder t psgi cgi am desktop service socket "
        "timer mount target path slice rego star sky smk wdl cwl vy mcfunction janet capnp "
        "hocon ncl prql sparql rq ttl graphqls gql hxml ls ucf xdc qsf sdc pri tf tfvars "
        "nf kts bzl sh-session pxd pxi pyx gyp gypi pp eyaml cfg cnf conf jq supp network "
        "netdev zsh-theme zsh-template zunit opam".split(),
        "hash",
    ),
    **dict.fromkeys(
        "h++ hh hxx cc cxx d cts mts es6 jsonc kdl ron pkl avdl fbs cypher dot gv scad glsl "
        "vert frag geom comp tesc tese wgsl shader cginc usf ush uc mel lsl pwn sp nut gml ck "
        "pde hx as re rei res resi fsi fsscript move cairo als qbs do ado dpr lpk strings "
        "ets sv svh v vh mjs cjs gs".split(),
        "c",
    ),
    **dict.fromkeys("s S".split(), "c-block"),
    **dict.fromkeys("pcss postcss wxss".split(), "c-block"),
    # Yacc and Lex: POSIX yacc and lex read only /* */ comments before the first %%.
    **dict.fromkeys("y yy yacc lex".split(), "c-block"),
    **dict.fromkeys(
        "ada adb ads applescript cabal hsc agda dhall psql pgsql plsql hql cql vhdl".split(),
        "dash",
    ),
    **dict.fromkeys(
        "el lisp lsp rkt fnl hy lfe scrbl sld asm nsi nsh iss ahk au3 reg inf tscn tres".split(),
        "semicolon",
    ),
    **dict.fromkeys("m4 ac".split(), "m4"),
    **dict.fromkeys("cls dtx ins bst bbx cbx rnw ps eps pl6 rd".split(), "percent"),
    **dict.fromkeys("vbs bas frm".split(), "apostrophe"),
    **dict.fromkeys("f for f77 ftn fpp".split(), "bang"),
    **dict.fromkeys("mll mly thy sml sig fun".split(), "ml"),
    **dict.fromkeys("eex heex leex".split(), "erb"),
    **dict.fromkeys("cshtml vbhtml razor".split(), "razor"),
    **dict.fromkeys("jsp jspf tag aspx ascx asax master".split(), "jsp"),
    **dict.fromkeys(
        "xul nuspec storyboard xib rdf owl ps1xml wsf qrc ui csproj vbproj xsd xsl xslt "
        "wiki mediawiki rmd marko riot htm shtml plist".split(),
        "html",
    ),
    **dict.fromkeys("1 2 3 4 5 6 7 8 9 man mdoc".split(), "troff"),
    **dict.fromkeys("texi texinfo".split(), "texinfo"),
    "haml": "haml",
    "slim": "slim",
    "apl": "apl",
    "cob": "cobol",
    "cbl": "cobol",
    "mmd": "mermaid",
    "fth": "forth",
    "4th": "forth",
    "tla": "tla",
    "org": "hash",
    "pot": "hash",
    "vim": "vim",
    "xq": "xquery",
}

# Exact file names identify does not know.
NAMES: dict[str, str] = {
    **dict.fromkeys(
        "Justfile justfile Procfile Snakefile Earthfile Caddyfile Podfile Guardfile Berksfile "
        "Capfile Dangerfile Appfile Matchfile Pluginfile Steepfile Thorfile Puppetfile "
        "Cakefile Modulefile Kconfig Kbuild BUCK TARGETS APKBUILD Doxyfile Jamfile Jamroot "
        "CODEOWNERS .npmrc .yarnrc .env .terraformrc .tool-versions .ignore .rgignore "
        ".fdignore .eslintignore .stylelintignore .helmignore .gcloudignore .vscodeignore "
        ".hgignore .bzrignore .vercelignore .nowignore .slugignore .cfignore .ebignore "
        ".funcignore .markdownlintignore .inputrc .tmux.conf .xinitrc .screenrc .wgetrc "
        ".curlrc .gemrc .irbrc .pryrc .Rprofile NAMESPACE requirements.txt constraints.txt "
        "MANIFEST.in Makefile.am crontab .gitignore .gitattributes .flaskenv .htaccess".split(),
        "hash",
    ),
    **dict.fromkeys(".vimrc .gvimrc .exrc _vimrc".split(), "vim"),
    **dict.fromkeys(".emacs .spacemacs".split(), "semicolon"),
    **dict.fromkeys(".Xresources .Xdefaults".split(), "bang"),
    **dict.fromkeys("configure.ac configure.in".split(), "m4"),
    **dict.fromkeys("dune dune-project dune-workspace".split(), "semicolon"),
    "opam": "hash",
    "go.work": "c",
}

# Tags of files that cannot carry a comment; names of lock and data files likewise.
UNCOMMENTABLE_TAGS = frozenset(
    "json jupyter binary image csv tsv plain-text diff pem icalendar wkt dbc def map "
    "manifest swiftdeps cargo-lock poetry-lock uv-lock pipfile-lock gemfile-lock go-sum "
    "avro-schema geojson ejson piskel xctestplan babelrc bowerrc jshintrc csslintrc "
    "mention-bot inc lektor ngdoc".split()
)
UNCOMMENTABLE_NAMES = frozenset(
    "package-lock.json yarn.lock pnpm-lock.yaml composer.lock flake.lock go.sum Cargo.lock "
    "poetry.lock Pipfile.lock Gemfile.lock uv.lock bun.lockb mix.lock pubspec.lock "
    "Podfile.lock Package.resolved packages.lock.json .nvmrc .node-version "
    ".python-version".split()
)

UNCOMMENTABLE = ""


def style_for(path: str, head: bytes, configured: Sequence[tuple[Pattern[str], str]]) -> str | None:
    """The comment style name of ``path``: ``UNCOMMENTABLE`` (""), ``AMBIGUOUS`` when the
    extension belongs to several languages and the head does not say which, or None.

    Order: the project's own globs, lock and data file names, our names, identify's
    tags for the name, our extensions (checked against the content where they are
    ambiguous), then the interpreter of a ``#!`` line.
    """
    for pattern, chosen in configured:
        if pattern.match(path):
            return chosen
    name = path.rsplit("/", 1)[-1]
    dotted = "." in name.lstrip(".")
    suffix = name.rsplit(".", 1)[-1] if dotted else ""
    special = _special(name)
    style, data_tags = _by_name(name if special else f"x.{suffix}" if dotted else "x")
    extension = suffix.lower()
    if not special and extension in SNIFFS:
        style = _sniffed(extension, head)
    if style == "hash" and extension in _YAML and _helm_template(path, head):
        return "gotmpl"
    if name == "dune" and head.startswith(_DUNE_SCRIPT):  # a dune file written in OCaml
        return "ml"
    if style is not None:
        return style
    if head.startswith(b"#!"):
        interpreter = _interpreter(head.split(b"\n", 1)[0])
        style = _from_tags(tags_from_interpreter(interpreter)) if interpreter else None
        if style is not None:
            return style
    if head.startswith(_ZSH_FUNCTION):  # a completion function: `_git`, no extension
        return "hash"
    return UNCOMMENTABLE if data_tags else None


_ZSH_FUNCTION = (b"#compdef ", b"#autoload")
_DUNE_SCRIPT = b"(* -*- tuareg -*- *)"


AMBIGUOUS = "?"


def _sniffed(extension: str, head: bytes) -> str:
    """The style a shared extension's content shows; a header already there decides first
    (it moves the content the patterns look at further down). A UTF-8 BOM is not part
    of the first line the patterns read."""
    head = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    sniffs = _sniffs(extension)
    for _, style in sniffs:
        if _header_in(style).search(head):
            return style
    return next((style for pattern, style in sniffs if pattern.search(head)), AMBIGUOUS)


@functools.cache
def _sniffs(extension: str) -> tuple[tuple[Pattern[bytes], str], ...]:
    """SNIFFS' patterns for one extension, compiled the first time a file needs them."""
    rules = SNIFFS[extension]
    return tuple((re.compile(pattern.encode(), re.M), style) for pattern, style in rules)


@functools.cache
def _header_in(style: str) -> Pattern[bytes]:
    return re.compile(rb"^" + re.escape(STYLES[style].prefix.encode()) + rb"SPDX-", re.M)


# Extensions several languages share, with what tells them apart in the first 4 KiB
# (patterns over bytes, line by line). A file that matches none is skipped: a wrong
# comment syntax would break it.
_LEX = r"^%(%|\{|top\{|option\b|[sSxX][ \t]+\w[\w \t]*$)"
SNIFFS: dict[str, tuple[tuple[str, str], ...]] = {
    "m": (
        (r"^\s*(#import|#include|@interface|@implementation|@protocol)\b", "c"),
        (r"^:-\s*module\b", "percent"),  # Mercury
        # MATLAB / Octave: a comment (not a MUMPS %label), a function or class definition
        (
            r"^\s*%(%|[ \t]|$)|^\s*function\s+(\[[^\]\n]*\]\s*=\s*|\w+\s*=\s*)?\w+\s*(\(|$)"
            r"|^\s*classdef\b",
            "percent",
        ),
        # MUMPS matches none: its first line must stay the routine's label line.
    ),
    "pp": (
        (r"(?i)^\s*(unit|program|library|uses|procedure|interface)\b", "c"),  # Free Pascal
        (r"^\s*(class|define|node)\s+[\w:'\"]+.*\{|^\s*#", "hash"),  # Puppet
    ),
    "pl": (
        (
            r"^#!.*perl|^\s*use\s+(strict|warnings)|^\s*package\s+\w|^\s*sub\s+\w|\bmy\s+[$@%]",
            "hash",
        ),
        (r"^:-|:-\s*$", "percent"),  # Prolog
    ),
    "t": (
        (r"^#!.*perl|^\s*use\s+(strict|warnings|Test)", "hash"),
        (r"^  \$ ", "hash"),  # a cram test: lines not indented two spaces are prose
    ),
    "v": (
        (r"^\s*(module\s+\w+\s*[(#;]|endmodule\b)", "c"),  # Verilog
        (r"^\s*(Require|Theorem|Lemma|Definition|Inductive|Fixpoint|Proof)\b", "ml"),  # Rocq
        (r"^\s*(fn|import|module)\s+\w", "c"),  # V
    ),
    # C# (Smalltalk change sets share .cs: they start with a quoted string or a "!")
    "cs": (
        (
            r"^\s*((global\s+)?using\s+[\w.=\s]+;|namespace\s+\w|//|/\*|\[assembly:|#(region|nullable|if)\b"
            r"|((public|internal|private|protected|static|sealed|abstract|partial|readonly)\s+)+"
            r"(class|interface|struct|record|enum|delegate)\b)",
            "c",
        ),
    ),
    "d": ((r"^\s*(module|import)\s+[\w.]+\s*;", "c"),),
    # qmake's project files (IDL and Prolog share .pro)
    "pro": (
        (
            r"^\s*(QT|CONFIG|TEMPLATE|TARGET|SOURCES|HEADERS|FORMS|INCLUDEPATH|LIBS|DEFINES"
            r"|SUBDIRS|RESOURCES)\s*[-+*~]?=",
            "hash",
        ),
    ),
    # .NET's app.config, web.config, nuget.config... are XML; other .config files vary
    "config": ((r"\A\s*<(!--|[?!]?\w)", "html"),),
    "cls": (
        (r"\\(ProvidesClass|NeedsTeXFormat|LoadClass)\b", "percent"),
        (r"(?i)^\s*(public|global|private)\s+(\w+\s+)*class\b", "c"),  # Apex
        (r"^VERSION \d|^Attribute VB_", "apostrophe"),
    ),
    # REBOL scripts must open with their REBOL [...] header; everything else is R
    "r": ((r"(?i)^\s*REBOL\s*\[", "semicolon"), (r".", "hash")),
    "fs": ((r"^\s*(open|module|namespace|let)\s|^#version\b|\bvoid\s+main\b", "c"),),
    "ts": ((r"^\s*<\?xml|<TS\b", "html"), (r".", "c")),
    "sls": ((r"^\s*\(", "semicolon"), (r".", "hash")),
    # Apple's "key" = "value"; (biblatex's key|value .lbx.strings have no comments)
    "strings": ((r'^\s*("|/\*|//)', "c"),),
    # Go templates' partials (a Helm chart's _helpers.tpl); Smarty and others share .tpl
    "tpl": ((r"^\s*\{\{-?\s*(define\b|/\*)", "gotmpl"),),
    # Lex (its %{ block, %option lines, start conditions, the %% between sections);
    # .l is also Lisp and troff, .ll also LLVM's assembly, which comments with ";".
    "l": ((_LEX, "c-block"),),
    "ll": (
        (r"^(; (ModuleID|RUN:)|source_filename\s*=|target (datalayout|triple)\s*=)", "semicolon"),
        (_LEX, "c-block"),
    ),
}


# Templates: a comment at the top would be copied into every document they render, and
# the exact output is often what tests compare. HTML that a template engine renders
# (Jinja, Django, Angular...), and Pandoc's templates in any format ($if(x)$, $body$)
# where the path says "template" (searching every shell script's "$" would cost more).
_TEMPLATE_SYNTAX = re.compile(rb"\{%|\{\{")
_PAGES = (".html", ".htm")
_PANDOC_TEMPLATE = re.compile(rb"\$\{?(if|for)\(\w|\$(body|endif|endfor)\$")


# Classic BASIC numbers every line: a comment line without a number does not load.
_NUMBERED_LINE = re.compile(rb"(?:\xef\xbb\xbf)?\s*\d+[ \t]*[A-Za-z']")
TEMPLATE = "template (a comment would be rendered)"
NUMBERED = "numbered BASIC lines (a comment line would need a number)"


# A chart's templates are Go templates: Helm renders every file in a templates/ folder.
# A "#" header there would be in every manifest, and one above "{{-" (which trims the
# white space before it) would take the manifest's first line into the comment; so
# they take Go template comments, which render to nothing. (values.yaml is no template,
# whatever it quotes: it is read as YAML.)
_YAML = frozenset({"yaml", "yml"})
_GO_TEMPLATE = re.compile(
    rb"\{\{-?\s*(?:[.$]|/\*|(?:if|with|range|define|template|include|block)\b)"
)


def _helm_template(path: str, head: bytes) -> bool:
    return (
        (path.startswith("templates/") or "/templates/" in path)
        and b"{%" not in head  # Jinja's, in an Ansible role's templates/
        and _GO_TEMPLATE.search(head) is not None
    )


TRIMMED = "template whose first tag trims the line break before it (set its style)"


def content_skip(path: str, head: bytes, style: str) -> str | None:
    """Why a file of ``style`` can hold no comment after all, from its first bytes: a
    template (HTML with template syntax, a Pandoc template) would render it, or one
    whose first tag trims the line before it would join it to the header; a program of
    numbered lines would not load with it. (A project that sets the file's style itself
    overrides this.)"""
    if style == "html" and path.lower().endswith(_PAGES) and _TEMPLATE_SYNTAX.search(head):
        return TEMPLATE
    # "emplat": template, Template, TEMPLATE (this runs for every file; lower() costs more)
    if ("emplat" in path or "EMPLAT" in path) and _PANDOC_TEMPLATE.search(head):
        return TEMPLATE
    if style == "apostrophe" and _NUMBERED_LINE.match(head):
        return NUMBERED
    if style == "hash" and _trims_before(head):
        return TRIMMED
    return None


def _trims_before(head: bytes) -> bool:
    """Whether the file's first line (after a #! line) opens with a template tag that
    trims the white space before it, Go's "{{-" or Jinja's "{%-": the line break ending
    a "#" header would go, and the text that follows would join the comment."""
    text = head.lstrip()
    if text.startswith(b"#!"):
        text = text[text.find(b"\n") + 1 :].lstrip() if b"\n" in text else b""
    return text.startswith((b"{{-", b"{%-", b"{#-"))


_KNOWN_NAMES = frozenset(known.NAMES)
_SPECIAL_NAMES = frozenset((*UNCOMMENTABLE_NAMES, *NAMES, *known.NAMES))


def _special(name: str) -> bool:
    """Whether a file name, not just its extension, decides its type (Makefile, go.sum)."""
    if name in _SPECIAL_NAMES:
        return True
    return not _KNOWN_NAMES.isdisjoint(name.split("."))


@functools.lru_cache(maxsize=4096)
def _by_name(name: str) -> tuple[str | None, bool]:
    """Style from the name alone, and whether the name's tags mark data that takes no comment."""
    if name in UNCOMMENTABLE_NAMES:
        return UNCOMMENTABLE, True
    if name in NAMES:
        return NAMES[name], False
    tags = tags_from_filename(name)
    style = _from_tags(tags)
    if style is None:
        extension = name.rsplit(".", 1)[-1] if "." in name.lstrip(".") else ""
        style = EXTENSIONS.get(extension) or EXTENSIONS.get(extension.lower())
    return style, bool(tags & UNCOMMENTABLE_TAGS)


_RANKED = {tag: (rank, style) for rank, (tag, style) in enumerate(TAG_STYLES.items())}


def _from_tags(tags: set[str]) -> str | None:
    ranked = [_RANKED[tag] for tag in tags if tag in _RANKED]
    return min(ranked)[1] if ranked else None


def _interpreter(first_line: bytes) -> str | None:
    """The interpreter a ``#!`` line names, through ``env`` and its options."""
    words = first_line[2:].decode("utf-8", "replace").split()
    if words and words[0].endswith("/env"):
        words = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
    return words[0].rsplit("/", 1)[-1] if words else None
