# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Replacing many files, each atomically, without a new inode for each.

``atomic_write`` writes a temporary file and renames it over the target: the rename
frees the target's old inode, and the next write creates a new one. On ext4 those two
steps were most of what a fix of many files cost (more than all the rest of the fix,
on a disk without a journal). Here the temporary file and the target trade places
instead, in one step (Linux's ``renameat2`` with ``RENAME_EXCHANGE``): a reader of the
path sees the old bytes or the new, as with a rename, and the old inode, now under the
temporary name, is overwritten with the next file's new bytes, then trades places
with that file, and so on. One inode is created and one freed per ``Swapper``. The
temporary name stays in the folder of the first file, as an exchange between folders
of one file system is as atomic as within one (and moving the name to each file's
folder cost a rename a file); for a file on another file system, or another mount
of one, a new temporary file is made beside it.

An old inode is reused only when nothing but the temporary name can reach it, and
nothing would tell it had been: its only link, no descriptor or mapping open on it
anywhere (a write lease is granted only then), no extended attributes or ACL, and it
and the file whose bytes it takes both have this process's owner and group (which a
new file would have). Otherwise it is removed, as a rename would have removed it,
and the next write starts a new temporary file. Where the exchange does not exist
(other systems, a C library without ``renameat2``, a Python without ``ctypes``, a file
system that refuses it), every write is ``atomic_write``'s.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable
from types import TracebackType

from tgpl_git.fsio import atomic_write, standing_in, temporary_file, write_all

RENAME_EXCHANGE = 2
AT_FDCWD = -100
# The errors that mean "not here" rather than "not this file".
UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}

# Never through a link, never waiting for a lease another process holds.
SPARE_FLAGS = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)

Rename2 = Callable[[str, str, int], None]


class Swapper:
    """Replaces file after file, atomically, recycling each old inode (see the module).

    Use as a context manager: the last old inode, kept for a next write, is removed
    on the way out.
    """

    def __init__(self) -> None:
        self._rename2 = _rename2()
        self._spare: tuple[int, str, os.stat_result] | None = None  # fd, name, stat
        self._owner = (os.geteuid(), os.getegid()) if hasattr(os, "geteuid") else None

    def __enter__(self) -> Swapper:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._drop()

    def write(self, name: str, data: bytes | Iterable[bytes], info: os.stat_result) -> None:
        """Replace ``name``, whose ``info`` was taken as it was read (never through a
        link), with ``data``, keeping its permission bits; raises ``OSError`` as
        ``atomic_write`` does, and then ``name`` is as it was."""
        if self._rename2 is None:
            atomic_write(name, data, compare=False, mode=info.st_mode)
            return
        folder = os.path.dirname(name) or "."
        spare = self._take(info)
        if spare is not None and not isinstance(data, bytes) and not _beside(spare[1], folder):
            _remove(*spare[:2])  # parts cannot be written twice (see below)
            spare = None
        try:
            self._write(name, folder, data, info, spare)
        except OSError as exc:
            if spare is None or exc.errno != errno.EXDEV:
                raise
            # The kept inode is on another file system (or mount): a new one, beside.
            self._write(name, folder, data, info, None)

    def _write(
        self,
        name: str,
        folder: str,
        data: bytes | Iterable[bytes],
        info: os.stat_result,
        spare: tuple[int, str, os.stat_result] | None,
    ) -> None:
        bits = stat.S_IMODE(info.st_mode)
        if spare is None:
            fd, tmp = temporary_file(folder, 0o600, name)
            kept = None
        else:
            fd, tmp, kept = spare
        with standing_in(tmp, name):
            try:
                size = 0
                for part in (data,) if isinstance(data, bytes) else data:
                    write_all(fd, part)
                    size += len(part)
                if kept is not None and kept.st_size > size:
                    os.ftruncate(fd, size)
                if kept is None or stat.S_IMODE(kept.st_mode) != bits:
                    os.fchmod(fd, bits)
            finally:
                os.close(fd)  # from here on, fd would be the new bytes: never written again
            self._exchange(tmp, name)
        if self._rename2 is not None:  # else the old inode is gone already
            self._keep(tmp, name)

    def _exchange(self, tmp: str, name: str) -> None:
        """``tmp`` takes ``name``'s place and ``name``'s old inode goes to ``tmp``; on a
        file system without the exchange, a plain rename, and no more exchanges."""
        assert self._rename2 is not None
        try:
            self._rename2(tmp, name, RENAME_EXCHANGE)
        except OSError as exc:
            if exc.errno not in UNSUPPORTED:
                raise
            self._rename2 = None
            os.replace(tmp, name)

    def _keep(self, tmp: str, name: str) -> None:
        """Keep the old inode now at ``tmp`` for the next write, if nothing else can
        reach it or would tell; else remove it, as a rename over ``name`` would have.
        A folder that took ``name``'s place since it was read goes back."""
        try:
            info = os.lstat(tmp)
        except OSError:
            return
        if stat.S_ISDIR(info.st_mode):
            assert self._rename2 is not None
            self._rename2(tmp, name, RENAME_EXCHANGE)
            os.unlink(tmp)
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), name)
        fd = None
        if (info.st_uid, info.st_gid) == self._owner and stat.S_ISREG(info.st_mode):
            with contextlib.suppress(OSError):
                fd = os.open(tmp, SPARE_FLAGS)
        if fd is not None and _alone(fd, info):
            self._spare = (fd, tmp, info)
        elif fd is not None:
            _remove(fd, tmp)
        else:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def _take(self, info: os.stat_result) -> tuple[int, str, os.stat_result] | None:
        """The kept inode, if it may take the bytes of the file ``info`` describes, which
        must be this process's own, owner and group; else None (and it is removed)."""
        spare, self._spare = self._spare, None
        if spare is None:
            return None
        if (info.st_uid, info.st_gid) != self._owner:
            _remove(*spare[:2])
            return None
        os.lseek(spare[0], 0, os.SEEK_SET)
        return spare

    def _drop(self) -> None:
        spare, self._spare = self._spare, None
        if spare is not None:
            _remove(*spare[:2])


def _remove(fd: int, name: str) -> None:
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(name)


def _alone(fd: int, info: os.stat_result) -> bool:
    """Whether only ``fd`` reaches this file: one link, no other descriptor or mapping
    open on it (a write lease says so, and is let go at once), and nothing beyond its
    bytes and mode that would carry over: no extended attributes, no ACL."""
    if info.st_nlink != 1:
        return False
    import fcntl

    try:
        if os.listxattr(fd):
            return False
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_WRLCK)
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
    except OSError:
        return False
    return True


def _beside(tmp: str, folder: str) -> bool:
    return (os.path.dirname(tmp) or ".") == folder


_RENAME2: list[Rename2 | None] = []


def _rename2() -> Rename2 | None:
    """``renameat2`` from the C library, or None where there is none (once per process)."""
    if not _RENAME2:
        _RENAME2.append(_load_rename2())
    return _RENAME2[0]


def _load_rename2() -> Rename2 | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes  # a Python built without libffi has none

        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (ImportError, OSError, AttributeError):  # or a C library without renameat2
        return None
    # Ints and bytes go to C as int and char * as they are: declaring the argument types
    # made each call a third slower. Names are encoded as os.fsencode does.
    encoding, errors = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()

    def rename2(source: str, target: str, flags: int) -> None:
        if call(
            AT_FDCWD,
            source.encode(encoding, errors),
            AT_FDCWD,
            target.encode(encoding, errors),
            flags,
        ):
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code), source, None, target)

    return rename2
