# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Atomic writes: all or nothing, mode kept, symlinks refused, no write without a change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tgpl_git.errors import TgplError
from tgpl_git.fsio import atomic_write


def test_replaces_content_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "run.sh"
    path.write_bytes(b"old")
    path.chmod(0o751)
    assert atomic_write(path, b"new") is True
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o751
    assert [p.name for p in tmp_path.iterdir()] == ["run.sh"]


def test_unchanged_bytes_are_not_written(tmp_path: Path) -> None:
    path = tmp_path / "a"
    path.write_bytes(b"same")
    inode = path.stat().st_ino
    assert atomic_write(path, b"same") is False
    assert path.stat().st_ino == inode


def test_creates_a_new_file_with_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o640


def test_refuses_to_write_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_bytes(b"keep")
    link = tmp_path / "link"
    link.symlink_to(target)
    with pytest.raises(TgplError, match="symbolic link"):
        atomic_write(link, b"overwrite")
    assert target.read_bytes() == b"keep" and link.is_symlink()


def test_a_name_at_the_length_limit_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / ("n" * 255)
    path.write_bytes(b"original")
    assert atomic_write(path, b"new") is True
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


# A write the file system refuses half-way: the process may not write a file past 10 bytes.
FAILING_WRITE = """
import resource, signal, sys
from pathlib import Path
from tgpl_git.fsio import atomic_write
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (10, 10))
try:
    atomic_write(Path(sys.argv[1]), b"new and much longer than ten bytes")
except OSError as exc:
    print(exc.errno, exc.filename)  # the file's name, not the temporary one's
"""


def test_a_failed_write_leaves_the_original_and_no_temp_file(tmp_path: Path) -> None:
    import errno
    import subprocess
    import sys

    path = tmp_path / "file"
    path.write_bytes(b"original")
    done = subprocess.run(
        [sys.executable, "-c", FAILING_WRITE, str(path)], capture_output=True, text=True
    )
    assert done.stdout.strip() == f"{errno.EFBIG} {path}", done.stderr
    assert path.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_folder_that_cannot_take_the_temporary_file_is_named_as_the_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "gone" / "file"
    with pytest.raises(FileNotFoundError) as raised:
        atomic_write(target, b"data")
    assert raised.value.filename == str(target)


def test_a_stale_temporary_file_is_stepped_over(tmp_path: Path) -> None:
    from tgpl_git import fsio

    # The name the next write would take, left behind by a crash.
    upcoming = next(fsio._serial) + 1
    stale = tmp_path / f".tgpl-{os.getpid()}-{upcoming}.tmp"
    stale.write_bytes(b"stale")
    atomic_write(tmp_path / "a", b"new")
    assert (tmp_path / "a").read_bytes() == b"new" and stale.read_bytes() == b"stale"


def test_reads_never_follow_a_link(tmp_path: Path) -> None:
    import errno

    from tgpl_git.fsio import read_if_there, read_no_follow

    (tmp_path / "real").write_bytes(b"data")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert read_no_follow(tmp_path / "real", 2) == b"da"
    with pytest.raises(OSError) as caught:
        read_no_follow(tmp_path / "link")
    assert caught.value.errno == errno.ELOOP
    assert read_if_there(tmp_path / "link") is None
    assert read_if_there(tmp_path / "missing") is None


def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    # Opening a pipe for reading waits for a writer: a run over files given by hand
    # (`tgpl-git headers *`) once hung on one. A second process bounds the wait.
    import subprocess
    import sys

    os.mkfifo(tmp_path / "pipe")
    code = (
        "import errno, sys; from tgpl_git.fsio import read_no_follow\n"
        "try: read_no_follow(sys.argv[1])\n"
        "except OSError as e: sys.exit(0 if e.errno == errno.EINVAL else 3)\n"
        "sys.exit(4)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "pipe")], timeout=30)
    assert done.returncode == 0
