# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Writing files without ever leaving one half-written."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from tgpl_git.errors import TgplError


def atomic_write(
    path: Path | str,
    data: bytes | Iterable[bytes],
    compare: bool = True,
    mode: int | None = None,
) -> bool:
    """Replace ``path`` with ``data`` through a temporary file in the same folder.

    The file keeps its permission bits; a symlink is refused rather than followed
    or replaced. Returns False, and writes nothing, when the bytes are already there
    (``compare=False``: the caller knows they differ and the file is not re-read).
    ``data`` may come in parts (a huge file, read a piece at a time), written in
    order; parts are never compared. A caller that has just read the file through
    a descriptor that refuses links passes its ``st_mode`` as ``mode`` and spares
    the look at the path. (Plain ``os`` calls on the path as a string: a fix writes
    thousands of files, and pathlib's layers cost more than the calls.)
    """
    name = os.fspath(path)
    if mode is None:
        try:
            info = os.lstat(name)
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISLNK(info.st_mode):
            raise TgplError(f"{name}: is a symbolic link; not writing through it")
        if compare and isinstance(data, bytes) and info is not None and _read(name) == data:
            return False
        mode = info.st_mode if info is not None else 0o666 & ~_umask()
    bits = stat.S_IMODE(mode)
    parts = (data,) if isinstance(data, bytes) else data
    # Created with its final bits where the umask leaves them whole (the usual case),
    # else private until it has them.
    direct = bits <= 0o777 and not bits & _umask()
    fd, tmp = temporary_file(os.path.dirname(name) or ".", bits if direct else 0o600, name)
    with standing_in(tmp, name):
        # No fsync: the rename is what makes the write all-or-nothing for every reader,
        # and syncing each file would make a fix of many files several times slower.
        try:
            for part in parts:
                write_all(fd, part)
            if not direct:
                os.fchmod(fd, bits)
        finally:
            os.close(fd)
        os.replace(tmp, name)
    return True


@contextlib.contextmanager
def standing_in(tmp: str, name: str) -> Iterator[None]:
    """While ``tmp`` stands in for ``name``: a failure removes it and is raised as
    ``name``'s own (the user's file, not the temporary one, which is gone)."""
    try:
        yield
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _about(exc, name) from exc
        raise


def _about(exc: OSError, name: str) -> OSError:
    return OSError(exc.errno, exc.strerror or str(exc), name)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read(name: str) -> bytes:
    with open(name, "rb") as handle:
        return handle.read()


_serial = itertools.count()


def temporary_name(folder: str) -> str:
    """A name for a temporary file in ``folder``, not used before by this process."""
    return f"{folder}/.tgpl-{os.getpid()}-{next(_serial)}.tmp"


def temporary_file(folder: str, bits: int, name: str) -> tuple[int, str]:
    """A new file in ``folder`` with permission ``bits``, open for writing, to stand in
    for ``name`` (a failure is raised as its own).

    Its name is short whatever the file it stands in for is called (a name at the
    file system's length limit can still be replaced) and unique to this process;
    a stale one left by a crash is stepped over, never reused.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    while True:
        tmp = temporary_name(folder)
        try:
            return os.open(tmp, flags, bits), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise _about(exc, name) from exc


# Never through a link, and never waiting: opening a named pipe for reading blocks
# until something writes to it (for a regular file, O_NONBLOCK changes nothing).
READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def read_no_follow(path: Path | str, limit: int = -1) -> bytes:
    """The file's bytes (at most ``limit``), never through a symbolic link: one that is
    raises ``OSError`` with ``ELOOP``, anything but a regular file ``EINVAL``, as every
    other failure raises its own."""
    fd = os.open(path, READ_FLAGS)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", os.fspath(path))
        return handle.read(limit)


def read_if_there(path: Path | str, limit: int = -1) -> bytes | None:
    """``read_no_follow``, or None for a file that cannot be read (missing, a link...)."""
    try:
        return read_no_follow(path, limit)
    except OSError:
        return None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
