# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Comment styles, as data.

A header is written one comment per line: ``prefix + text + suffix``. Styles
whose language only has block comments wrap each line on its own
(``/* text */``), which every parser, REUSE's included, reads line by line.
``block`` is the language's multi-line comment, used only to recognise the
foreign notices a header may sit above. ``forbidden`` lists what the header
text must not contain in that style (``--`` inside an XML comment).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommentStyle:
    """How one language writes a comment line."""

    name: str
    prefix: str
    suffix: str = ""
    block: tuple[str, str] | None = None
    forbidden: tuple[str, ...] = ()
    open_line: str | None = None  # a line written before the header (PHP in HTML: "<?php")
    close_line: str | None = None  # and after it ("?>")
    line_markers: tuple[str, ...] = ()  # other line comments of the language, for recognition
    # The line between the header and what follows: a blank line, except where a blank
    # line is content (troff prints it as space, TeX reads it as a paragraph break, m4
    # copies it out); there, an empty comment.
    gap: str = ""

    def __hash__(self) -> int:
        # Styles key caches asked once per file: hash the fields once.
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.name, self.prefix, self.suffix, self.open_line, self.close_line))
            object.__setattr__(self, "_hash", cached)
        return cached

    def markers(self) -> tuple[str, ...]:
        """Every way a line comment starts in this language (asked for every line read
        near the top of every file: worked out once)."""
        cached: tuple[str, ...] | None = self.__dict__.get("_markers")
        if cached is None:
            cached = tuple(m for m in (self.prefix.strip(), *self.line_markers) if m)
            object.__setattr__(self, "_markers", cached)
        return cached


_C_BLOCK = ("/*", "*/")
_ML_BLOCK = ("(*", "*)")

STYLES: dict[str, CommentStyle] = {
    s.name: s
    for s in (
        CommentStyle("hash", "# "),
        CommentStyle("c", "// ", block=_C_BLOCK),
        CommentStyle("c-block", "/* ", " */", block=_C_BLOCK, forbidden=("*/",)),
        CommentStyle("html", "<!-- ", " -->", block=("<!--", "-->"), forbidden=("--",)),
        # Astro: HTML comments in the template reach every page built, so a component with
        # a script (between --- fences) takes its header there, as JavaScript comments.
        CommentStyle("astro", "<!-- ", " -->", block=("<!--", "-->"), forbidden=("--",)),
        CommentStyle("astro-script", "// ", block=_C_BLOCK),
        CommentStyle("dash", "-- ", block=("{-", "-}")),
        CommentStyle("semicolon", "; ", line_markers=(";;",), block=("#|", "|#")),
        CommentStyle("percent", "% ", line_markers=("%%",), gap="%"),
        CommentStyle("apostrophe", "' ", line_markers=("REM",)),
        CommentStyle("rem", "REM ", line_markers=("::", "@REM", "rem")),
        CommentStyle("bang", "! "),
        CommentStyle("vim", '" '),
        CommentStyle("ml", "(* ", " *)", block=_ML_BLOCK, forbidden=("*)",)),
        CommentStyle("jinja", "{# ", " #}", block=("{#", "#}"), forbidden=("#}",)),
        CommentStyle("handlebars", "{{!-- ", " --}}", block=("{{!--", "--}}"), forbidden=("--}}",)),
        CommentStyle("mustache", "{{! ", " }}", block=("{{!", "}}"), forbidden=("}}",)),
        # REUSE reads "SPDX-...: value %>" as part of the value (it strips only the closers
        # it knows), so these styles write the header as one block, the tags on lines of
        # their own.
        CommentStyle("erb", "", open_line="<%#", close_line="%>", block=("<%#", "%>")),
        CommentStyle("jsp", "<%-- ", " --%>", block=("<%--", "--%>"), forbidden=("--%>",)),
        CommentStyle("razor", "", open_line="@*", close_line="*@", block=("@*", "*@")),
        CommentStyle(
            "liquid",
            "",
            open_line="{% comment %}",
            close_line="{% endcomment %}",
            block=("{% comment %}", "{% endcomment %}"),
        ),
        CommentStyle("gotmpl", "{{/* ", " */}}", block=("{{/*", "*/}}"), forbidden=("*/",)),
        CommentStyle("mdx", "{/* ", " */}", block=("{/*", "*/}"), forbidden=("*/",)),
        CommentStyle("xquery", "(: ", " :)", block=("(:", ":)"), forbidden=(":)",)),
        CommentStyle("rst", ".. "),
        CommentStyle("troff", '.\\" ', line_markers=("'\\\"", '.\\"'), gap='.\\"'),
        CommentStyle("m4", "dnl ", line_markers=("#",), gap="dnl"),
        CommentStyle("texinfo", "@c ", line_markers=("@comment",)),
        CommentStyle("pug", "//- ", line_markers=("//",)),
        CommentStyle("haml", "-# "),
        CommentStyle("slim", "/ "),
        CommentStyle("velocity", "## ", block=("#*", "*#")),
        CommentStyle("apl", "\u235d "),
        # Six spaces put the "*" in column 7, the comment indicator of fixed-format COBOL
        # (the compilers' default); free-format COBOL reads "*>" as a comment anywhere.
        CommentStyle("cobol", "      *> "),
        CommentStyle("mermaid", "%% "),
        CommentStyle("forth", "\\ "),
        CommentStyle("tla", "\\* ", block=_ML_BLOCK),
        CommentStyle("php", "// ", block=_C_BLOCK, line_markers=("#",)),
        CommentStyle(
            "php-html",
            "// ",
            open_line="<?php",
            close_line="?>",
            line_markers=("#",),
            block=_C_BLOCK,
        ),
        # A REUSE sidecar (FILE.license): the header lines with no comment markers.
        CommentStyle("sidecar", ""),
    )
}
