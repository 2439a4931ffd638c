# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The one way tgpl-git runs git: NUL-separated output, no pager, no colour, no external
diff, errors that carry the command and git's own message. One process per stream."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO

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
        raise GitError(_MISSING) from None
    if done.returncode not in ok:
        raise _failed(args, done.returncode, done.stderr)
    return done.stdout


def start(
    args: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None
) -> Callable[[], bytes]:
    """``run``, started now and answered by calling the result, so that other work runs
    meanwhile. git writes its answer ahead into the pipe, which is made as large as the
    system allows (a whole-tree listing fits in it), and the rest once asked."""
    try:
        process = subprocess.Popen(
            [*BASE, *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
    except FileNotFoundError:
        raise GitError(_MISSING) from None
    _widen(process.stdout)

    def answer() -> bytes:
        out, err = process.communicate()
        if process.returncode != 0:
            raise _failed(args, process.returncode, err)
        return out

    return answer


_MISSING = "git is not installed or not on PATH"


def _failed(args: Sequence[str], code: int, stderr: bytes) -> GitError:
    message = stderr.decode("utf-8", "replace").strip() or f"exit {code}"
    return GitError(f"`git {' '.join(args)}` failed: {message}")


def _widen(pipe: IO[bytes] | None) -> None:
    """Let the pipe hold up to 1 MiB (Linux; elsewhere, or past the system's limit, it
    keeps its size: git then waits to be read, as with any pipe)."""
    if pipe is None:
        return
    try:
        import fcntl

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


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
    return start_tracked_files(root, pathspecs)()


def start_tracked_files(root: Path, pathspecs: Sequence[str] = ()) -> Callable[[], list[str]]:
    """``tracked_files``, started now and answered by calling the result (see ``start``)."""
    answer = start(["ls-files", "-z", "--", *pathspecs], root)
    return lambda: _split(answer())


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
    root: Path, paths: Sequence[str] | None, names: Sequence[str]
) -> Callable[[], dict[str, set[str]]]:
    """For each path (None: every tracked file), which of the boolean ``names`` are set in
    ``.gitattributes``: started now and collected by calling the result, so other work
    can run meanwhile.

    For a few paths (a commit's), one ``git check-attr`` on them, answered at once. For
    more, one ``git ls-files`` per name, with the ``attr:`` pathspec magic: git matches
    the attributes itself and lists only the files that have them, which costs a
    fraction of reading ``check-attr``'s answer for every file, and reads the whole
    tree in the time ``check-attr`` takes for a thousand paths.
    """
    if paths is not None and not paths:
        return dict
    if paths is not None and len(paths) <= FEW_PATHS:
        answer = _check_attributes(root, paths, names)
        return lambda: answer
    wanted = None if paths is None else set(paths)
    # Pathspec magic must not be switched off from outside for these calls.
    env = {k: v for k, v in os.environ.items() if k != "GIT_LITERAL_PATHSPECS"}
    started = [
        (
            name,
            start(["ls-files", "-z", "--", f":(attr:{name})", f":(attr:{name}=true)"], root, env),
        )
        for name in names
    ]

    def collect() -> dict[str, set[str]]:
        result: dict[str, set[str]] = {}
        for name, answer in started:
            for path in _split(answer()):
                if wanted is None or path in wanted:
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
