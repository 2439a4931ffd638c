# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git export``, the ``[export]`` files kept in sync, and their drift as findings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tgpl_git import git
from tgpl_git.errors import ConfigError, UsageError
from tgpl_git.exports import RENDERERS, render
from tgpl_git.findings import Finding
from tgpl_git.fsio import atomic_write, read_if_there
from tgpl_git.terms import FILE_NAME, Terms, load_terms
from tgpl_git.terms.validate import WEB_URL


def export_command(fmt: str, output: str | None, base_url: str | None = None) -> str:
    """The export on stdout, or written to ``output`` (a message says so).

    ``base_url`` stands in for ``[project] website`` in this run.
    """
    root = git.toplevel(Path.cwd())
    terms = load_terms(root / FILE_NAME, FILE_NAME)
    if base_url is not None:
        if not WEB_URL.match(base_url):
            raise UsageError(f"--base-url: not an http(s) URL without query: {base_url}")
        terms = replace(terms, project=terms.project._replace(website=base_url))
    text = _render(root, fmt, terms)
    if text is None:
        built = ", ".join(sorted([*RENDERERS, "spdx"]))
        raise UsageError(f"the {fmt} export is not built in this version (built: {built})")
    if output is None:
        return text
    changed = atomic_write(Path(output), _encoded(text))
    return f"{'wrote' if changed else 'unchanged'} {output}\n"


def sync_exports(root: Path, terms: Terms) -> list[str]:
    """Regenerate every ``[export]`` file this version can write; the paths that changed.

    An export the terms cannot give is a ``ConfigError``, raised once the others are written.
    """
    changed, impossible = [], []
    for path, fmt in sorted(terms.export.items()):
        try:
            text = _render(root, fmt, terms)
        except ConfigError as exc:
            impossible.append(f"{path}: {exc}")
            continue
        target = root / path
        if text is not None and not _same(fmt, read_if_there(target), text):
            target.parent.mkdir(parents=True, exist_ok=True)
            if atomic_write(target, _encoded(text)):
                changed.append(path)
    if impossible:
        raise ConfigError("cannot write " + "; ".join(impossible))
    return changed


def stale_exports(root: Path, terms: Terms) -> list[Finding]:
    """An ``[export]`` file that is missing or says something else than the terms do."""
    findings = []
    for path, fmt in sorted(terms.export.items()):
        try:
            text = _render(root, fmt, terms)
        except ConfigError as exc:
            findings.append(Finding("export-impossible", f"{path}: {exc}", path=FILE_NAME))
            continue
        if text is None:
            findings.append(
                Finding(
                    "export-unsupported",
                    f"{path}: the {fmt} export is not built in this version, so it is not checked",
                    "warning",
                    path=FILE_NAME,
                )
            )
            continue
        current = read_if_there(root / path)
        if not _same(fmt, current, text):
            source = "the tracked files" if fmt == "spdx" else "ai-training.toml"
            what = "missing" if current is None else f"out of date with {source}"
            findings.append(
                Finding(
                    "export-stale", f"{what}", path=path, hint=f"tgpl-git export {fmt} -o {path}"
                )
            )
    return findings


def _render(root: Path, fmt: str, terms: Terms) -> str | None:
    """``render``, and for ``spdx`` the tracked files, hashed, that it describes."""
    if fmt != "spdx":
        return render(fmt, terms)
    import datetime
    import hashlib

    from tgpl_git.exports.spdx_doc import FileEntry, render_spdx

    documents = {p for p, kind in terms.export.items() if kind == "spdx"}
    files = []
    for path, mode in git.tracked_modes(root):
        data = (
            read_if_there(root / path) if mode.startswith("100") and path not in documents else None
        )
        if data is not None:  # links, submodules and files missing from the work tree: none
            files.append(FileEntry(path, hashlib.sha1(data).hexdigest()))
    texts = {
        p.stem: p.read_text(encoding="utf-8", errors="replace")
        for p in sorted((root / "LICENSES").glob("LicenseRef-*.txt"))
    }
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    excluded = sorted(documents)  # in the package once committed; never in its own hash
    return render_spdx(terms, files, now, texts, excluded)


def _same(fmt: str, current: bytes | None, text: str) -> bool:
    """Whether the file says what ``text`` says (an SPDX document's creation time aside)."""
    if current is None:
        return False
    if fmt == "spdx":
        from tgpl_git.exports.spdx_doc import without_created

        current_text = current.decode("utf-8", "surrogateescape")
        return without_created(current_text) == without_created(text)
    return current == _encoded(text)


def _encoded(text: str) -> bytes:
    """An export's bytes: a tracked path that is not UTF-8 (lone surrogates, from
    ``os.fsdecode``) is written back as the bytes git has for it."""
    return text.encode("utf-8", "surrogateescape")


def sync_project() -> list[str]:
    """``sync_exports`` for the project around the working directory."""
    root = git.toplevel(Path.cwd())
    return sync_exports(root, load_terms(root / FILE_NAME, FILE_NAME))
