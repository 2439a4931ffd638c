# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The one way tgpl-git runs git: NUL-separated output, no pager, no colour, no external
diff, errors that carry the command and git's own message. One process per stream."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from tgpl_git.errors import GitError, UsageError

BASE = ("git", "-c", "core.quotepath=off", "--no-pager")


def run(
    args: Sequence[str], cwd: Path, stdin: bytes | None = None, ok: Sequence[int] = (0,)
) -> bytes:
    """git's stdout for ``args`` run in ``cwd``; a ``GitError`` when git exits with a code
    not in ``ok``."""
    command = [*BASE, *args]
    try:
        done = subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if done.returncode not in ok:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise GitError(f"`git {' '.join(args)}` failed: {message}")
    return done.stdout


def toplevel(cwd: Path) -> Path:
    """The root of the work tree ``cwd`` is in; a clear error outside one or in a bare one."""
    try:
        out = run(["rev-parse", "--show-toplevel"], cwd)
    except GitError as exc:
        if "not a git repository" in str(exc):
            raise UsageError(f"{cwd}: not inside a git repository") from None
        if "work tree" in str(exc):
            raise UsageError(f"{cwd}: not in a work tree (a bare repository, or .git)") from None
        raise
    return Path(os.fsdecode(out.rstrip(b"\n")))


def _split(out: bytes) -> list[str]:
    return [os.fsdecode(p) for p in out.split(b"\0") if p]


def tracked_files(root: Path, pathspecs: Sequence[str] = ()) -> list[str]:
    """Every tracked path (or those under ``pathspecs``), relative to ``root``, with ``/``."""
    return _split(run(["ls-files", "-z", "--", *pathspecs], root))


def tracked_modes(root: Path) -> list[tuple[str, str]]:
    """Every tracked path with its mode (``100644``, ``120000`` for a link, ``160000`` for a
    submodule), as the index records them."""
    entries = []
    for record in run(["ls-files", "-s", "-z"], root).split(b"\0"):
        if record:
            meta, _, path = record.partition(b"\t")
            entries.append((os.fsdecode(path), meta.split(b" ", 1)[0].decode()))
    return entries


def ignored(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """Those of ``paths`` that git does not track and ``git add -A`` would leave out, each
    with the file and pattern that ignore it (``.gitignore: /*.*``)."""
    stdin = b"".join(os.fsencode(p) + b"\0" for p in paths)
    out = run(["check-ignore", "--verbose", "-z", "--stdin"], root, stdin, ok=(0, 1))
    found = {}
    fields = iter(out.split(b"\0"))
    for source, _line, pattern, path in zip(fields, fields, fields, fields):
        if not pattern.startswith(b"!"):  # a negation: the path is matched, not ignored
            found[os.fsdecode(path)] = f"{os.fsdecode(source)}: {os.fsdecode(pattern)}"
    return found


def staged_files(root: Path) -> list[str]:
    """Paths added, copied, modified or renamed in the index (what the next commit changes)."""
    args = ["diff", "--cached", "--name-only", "-z", "--no-ext-diff", "--diff-filter=ACMR"]
    return _split(run(args, root))


# Up to this many paths, asking git about each costs less than listing the whole tree's.
FEW_PATHS = 1000


def start_attributes(
    root: Path, paths: Sequence[str], names: Sequence[str]
) -> Callable[[], dict[str, set[str]]]:
    """For each path, which of the boolean ``names`` are set in ``.gitattributes``: started
    now and collected by calling the result, so other work can run meanwhile.

    For a few paths (a commit's), one ``git check-attr`` on them, answered at once. For
    more, one ``git ls-files`` per name, with the ``attr:`` pathspec magic: git matches
    the attributes itself and lists only the files that have them, which costs a
    fraction of reading ``check-attr``'s answer for every file, and reads the whole
    tree in the time ``check-attr`` takes for a thousand paths. Its answer waits in a
    pipe (git writes ahead up to the pipe's size, and the rest when it is collected).
    """
    if not paths:
        return dict
    if len(paths) <= FEW_PATHS:
        answer = _check_attributes(root, paths, names)
        return lambda: answer
    wanted = set(paths)
    # Pathspec magic must not be switched off from outside for these calls.
    env = {k: v for k, v in os.environ.items() if k != "GIT_LITERAL_PATHSPECS"}
    started = []
    for name in names:
        args = ["ls-files", "-z", "--", f":(attr:{name})", f":(attr:{name}=true)"]
        try:
            process = subprocess.Popen(
                [*BASE, *args],
                cwd=root,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
        except FileNotFoundError:
            raise GitError("git is not installed or not on PATH") from None
        started.append((name, args, process))

    def collect() -> dict[str, set[str]]:
        result: dict[str, set[str]] = {}
        for name, args, process in started:
            out, err = process.communicate()
            if process.returncode != 0:
                message = err.decode("utf-8", "replace").strip()
                raise GitError(f"`git {' '.join(args)}` failed: {message}")
            for path in _split(out):
                if path in wanted:
                    result.setdefault(path, set()).add(name)
        return result

    return collect


def _check_attributes(
    root: Path, paths: Sequence[str], names: Sequence[str]
) -> dict[str, set[str]]:
    stdin = b"".join(os.fsencode(p) + b"\0" for p in paths)
    out = run(["check-attr", "-z", "--stdin", *names], root, stdin)
    result: dict[str, set[str]] = {}
    fields = iter(out.split(b"\0"))
    for path, name, value in zip(fields, fields, fields):
        if value in (b"set", b"true"):  # as ``attr:NAME`` and ``attr:NAME=true`` match
            result.setdefault(os.fsdecode(path), set()).add(name.decode())
    return result
