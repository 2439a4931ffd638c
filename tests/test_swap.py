# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Replacing many files: each atomically, and an old inode reused only where nothing
could tell."""

from __future__ import annotations

import mmap
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tgpl_git import swap
from tgpl_git.swap import Swapper

needs_exchange = pytest.mark.skipif(
    swap._rename2() is None, reason="no renameat2 with RENAME_EXCHANGE here"
)


def files(folder: Path, count: int, size: int = 10) -> list[Path]:
    paths = []
    for index in range(count):
        path = folder / f"f{index}"
        path.write_bytes(f"old {index} ".encode() * size)
        paths.append(path)
    return paths


def new_bytes(path: Path) -> bytes:
    return b"new " + os.fsencode(path.name) + b"\n"


def replace_all(paths: list[Path]) -> None:
    with Swapper() as swapper:
        for path in paths:
            swapper.write(str(path), new_bytes(path), os.lstat(path))


def test_every_file_gets_its_bytes_and_mode_and_no_temporary_file_stays(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    paths = files(tmp_path, 3) + files(tmp_path / "sub", 3, size=1)
    for path, bits in zip(paths, [0o644, 0o755, 0o600, 0o640, 0o700, 0o604]):
        path.chmod(bits)
    replace_all(paths)
    for path, bits in zip(paths, [0o644, 0o755, 0o600, 0o640, 0o700, 0o604]):
        assert path.read_bytes() == new_bytes(path)
        assert path.stat().st_mode & 0o7777 == bits
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0", "f1", "f2", "sub"]
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["f0", "f1", "f2"]


def test_bytes_in_parts_longer_and_shorter_than_the_reused_file(tmp_path: Path) -> None:
    short, long, shorter = files(tmp_path, 3)
    long.write_bytes(b"x" * 100_000)
    wanted = {short: b"a" * 50_000, long: b"b" * 10, shorter: b"c" * 3}
    with Swapper() as swapper:
        for path, data in wanted.items():
            parts = iter([data[: len(data) // 2], data[len(data) // 2 :]])
            swapper.write(str(path), parts, os.lstat(path))
    assert {path: path.read_bytes() for path in wanted} == wanted


def test_a_file_on_another_file_system_gets_a_temporary_file_beside_it(tmp_path: Path) -> None:
    import tempfile

    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("no second file system at hand")
    with tempfile.TemporaryDirectory(dir=shm) as elsewhere:
        here = files(tmp_path, 3)
        there, streamed = files(Path(elsewhere), 2)
        with Swapper() as swapper:
            for path in [here[0], there, here[1]]:
                swapper.write(str(path), new_bytes(path), os.lstat(path))
            # bytes in parts, read as they are written, cannot be written a second time
            swapper.write(str(streamed), iter([b"in ", b"parts"]), os.lstat(streamed))
            swapper.write(str(here[2]), new_bytes(here[2]), os.lstat(here[2]))
        assert there.read_bytes() == new_bytes(there)
        assert streamed.read_bytes() == b"in parts"
        assert sorted(p.name for p in Path(elsewhere).iterdir()) == ["f0", "f1"]
    assert [path.read_bytes() for path in here] == [new_bytes(path) for path in here]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0", "f1", "f2"]


def test_names_that_are_not_utf8_are_swapped_byte_for_byte(tmp_path: Path) -> None:
    names = [os.fsdecode(b"caf\xe9.py"), os.fsdecode(b"\xff\xfe.c"), "plain.py"]
    for name in names:
        (tmp_path / name).write_bytes(b"old")
    replace_all([tmp_path / name for name in names])
    assert sorted(os.listdir(os.fsencode(tmp_path))) == sorted(map(os.fsencode, names))
    assert all((tmp_path / name).read_bytes() == new_bytes(tmp_path / name) for name in names)


@needs_exchange
def test_an_old_inode_is_reused_for_the_next_file(tmp_path: Path) -> None:
    first, second, third = files(tmp_path, 3)
    inodes = [path.stat().st_ino for path in (first, second)]
    replace_all([first, second, third])
    assert [second.stat().st_ino, third.stat().st_ino] == inodes


@needs_exchange
def test_a_file_open_elsewhere_keeps_its_old_bytes(tmp_path: Path) -> None:
    paths = files(tmp_path, 4)
    old = [path.read_bytes() for path in paths]
    reader = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths[1])], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert reader.stdout is not None and reader.stdout.readline() == b"open\n"
    with paths[0].open("rb") as handle:
        with open(paths[2], "rb") as mapped_file:
            mapped = mapped_file.fileno()
            view = mmap.mmap(mapped, 0, prot=mmap.PROT_READ)
        replace_all(paths)
        assert handle.read() == old[0]
        assert view[:] == old[2]
        view.close()
    out, _ = reader.communicate(b"read\n", timeout=30)
    assert out == old[1]
    assert [path.read_bytes() for path in paths] == [new_bytes(path) for path in paths]


# Opens a file, says so, and prints what it reads from it once told to.
HOLDER = """
import sys
with open(sys.argv[1], "rb") as handle:
    print("open", flush=True)
    sys.stdin.readline()
    sys.stdout.buffer.write(handle.read())
"""


@needs_exchange
def test_a_file_with_another_link_keeps_its_old_bytes_there(tmp_path: Path) -> None:
    first, second, third = files(tmp_path, 3)
    twin = tmp_path / "twin"
    os.link(first, twin)
    old = first.read_bytes()
    replace_all([first, second, third])
    assert twin.read_bytes() == old
    assert twin.stat().st_nlink == 1


@needs_exchange
def test_extended_attributes_never_move_to_another_file(tmp_path: Path) -> None:
    first, second = files(tmp_path, 2)
    try:
        os.setxattr(first, "user.origin", b"first")
    except OSError:
        pytest.skip("no user extended attributes on this file system")
    replace_all([first, second])
    assert os.listxattr(second) == []
    assert second.stat().st_ino != first.stat().st_ino


@pytest.mark.parametrize("exchange", [True, False])
def test_a_folder_that_took_the_files_place_stays_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr(swap, "_RENAME2", [None])
    first, second = files(tmp_path, 2)
    seen = os.lstat(second)
    second.unlink()
    second.mkdir()
    (second / "inside").write_bytes(b"keep")
    with Swapper() as swapper:
        swapper.write(str(first), b"new", os.lstat(first))
        with pytest.raises(IsADirectoryError) as raised:
            swapper.write(str(second), b"new", seen)
    assert raised.value.filename == str(second)
    assert (second / "inside").read_bytes() == b"keep" and first.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0", "f1"]


def test_a_link_that_took_the_files_place_is_replaced_not_written_through(
    tmp_path: Path,
) -> None:
    first, second, target = files(tmp_path, 3)
    seen = os.lstat(second)
    second.unlink()
    second.symlink_to(target.name)
    with Swapper() as swapper:
        swapper.write(str(first), b"new", os.lstat(first))
        swapper.write(str(second), b"new", seen)
    assert not second.is_symlink() and second.read_bytes() == b"new"
    assert second.stat().st_mode & 0o777 == seen.st_mode & 0o777
    assert target.read_bytes() == b"old 2 " * 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0", "f1", "f2"]


as_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
NOBODY = 65534


def owner(path: Path) -> tuple[int, int]:
    return path.stat().st_uid, path.stat().st_gid


@as_root
def test_an_inode_of_another_owner_or_group_is_never_reused(tmp_path: Path) -> None:
    theirs, also_theirs, other_group, ours = files(tmp_path, 4)
    os.chown(theirs, NOBODY, NOBODY)
    os.chown(also_theirs, NOBODY, NOBODY)
    os.chown(other_group, 0, NOBODY)
    replace_all([theirs, also_theirs, other_group, ours])
    # the fixer's, as a new file's would be
    assert {owner(path) for path in (theirs, also_theirs, other_group, ours)} == {(0, 0)}


@as_root
def test_in_a_folder_that_gives_its_group_a_file_keeps_that_group(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chown(folder, 0, NOBODY)
    folder.chmod(0o2775)
    ours, shared = files(folder, 2)
    os.chown(ours, 0, 0)
    os.chown(shared, 0, NOBODY)
    replace_all([ours, shared])
    assert owner(shared) == (0, NOBODY)


# Replaces three files where the process may not write a file past 20 bytes: the second
# file's new bytes are too long.
LIMITED = """
import os, resource, signal, sys
from tgpl_git.swap import Swapper
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (20, 20))
with Swapper() as swapper:
    for name, size in zip(sys.argv[1:], [5, 30, 5]):
        try:
            swapper.write(name, b"n" * size, os.lstat(name))
        except OSError as exc:
            print(exc.errno, exc.filename)
"""


def test_a_refused_write_leaves_its_file_and_the_others_go_on(tmp_path: Path) -> None:
    import errno

    paths = files(tmp_path, 3, size=1)
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, *map(str, paths)], capture_output=True, text=True
    )
    assert done.stdout == f"{errno.EFBIG} {paths[1]}\n", done.stderr
    assert [path.read_bytes() for path in paths] == [b"nnnnn", b"old 1 ", b"nnnnn"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0", "f1", "f2"]


def test_without_the_exchange_every_write_is_a_plain_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(swap, "_RENAME2", [None])
    paths = files(tmp_path, 3)
    replace_all(paths)
    assert [path.read_bytes() for path in paths] == [new_bytes(path) for path in paths]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0", "f1", "f2"]


NO_CTYPES = """
import os, sys
sys.modules["ctypes"] = None  # as in a Python built without libffi
from tgpl_git.swap import Swapper
with Swapper() as swapper:
    for name in sys.argv[1:]:
        swapper.write(name, b"new", os.lstat(name))
"""


def test_a_python_without_ctypes_writes_plainly(tmp_path: Path) -> None:
    paths = files(tmp_path, 3)
    done = subprocess.run(
        [sys.executable, "-c", NO_CTYPES, *map(str, paths)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert [path.read_bytes() for path in paths] == [b"new"] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0", "f1", "f2"]


# Reads every file again and again while another process replaces them all: each read
# must find a whole old file or a whole new one. It says when it has read them all
# once, and stops after a last round once the file "stop" is there.
WATCHER = """
import os, sys
names = sys.argv[2:]
first = True
while True:
    last = os.path.exists(sys.argv[1])
    for name in names:
        with open(name, "rb") as handle:
            data = handle.read()
        if data not in (b"old " + name.encode() * 500, b"new " + name.encode() * 700):
            print("torn", name, len(data), flush=True)
            sys.exit(1)
    if first:
        print("reading", flush=True)
        first = False
    if last:
        break
print("whole", flush=True)
"""


def test_a_reader_never_sees_a_file_half_replaced(tmp_path: Path) -> None:
    paths = [tmp_path / f"f{index}" for index in range(200)]
    for path in paths:
        path.write_bytes(b"old " + str(path).encode() * 500)
    stop = tmp_path.with_name(tmp_path.name + "-stop")
    watcher = subprocess.Popen(
        [sys.executable, "-c", WATCHER, str(stop), *map(str, paths)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert watcher.stdout is not None and watcher.stdout.readline() == "reading\n"
    with Swapper() as swapper:
        for path in paths:
            swapper.write(str(path), b"new " + str(path).encode() * 700, os.lstat(path))
    stop.touch()
    out, _ = watcher.communicate(timeout=60)
    assert out == "whole\n"


# Any mix of files: sizes up and down, modes, folders, files open elsewhere (by this
# process, which the kernel counts as it would another's) and files with a second link.
FILE_SPEC = st.tuples(
    st.integers(0, 5000),  # old size
    st.integers(0, 5000),  # new size
    st.sampled_from([0o644, 0o600, 0o755, 0o700, 0o666]),
    st.integers(0, 2),  # folder
    st.sampled_from(["alone", "open", "mapped", "linked"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(specs=st.lists(FILE_SPEC, min_size=1, max_size=12))
def test_any_files_get_their_bytes_and_no_one_else_sees_a_change(
    tmp_path_factory: pytest.TempPathFactory,
    specs: list[tuple[int, int, int, int, str]],
) -> None:
    root = tmp_path_factory.mktemp("swap")
    folders = [root / "a", root / "a" / "b", root / "c"]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    paths, olds, news, handles, views = [], [], [], [], []
    for index, (old_size, new_size, bits, where, how) in enumerate(specs):
        path = folders[where] / f"f{index}"
        old = bytes([65 + index % 26]) * old_size
        path.write_bytes(old)
        path.chmod(bits)
        if how == "open":
            handles.append((path.open("rb"), old))
        elif how == "mapped" and old:
            with path.open("rb") as mapped:
                views.append((mmap.mmap(mapped.fileno(), 0, prot=mmap.PROT_READ), old))
        elif how == "linked":
            os.link(path, root / f"twin{index}")
        paths.append(path)
        olds.append(old)
        news.append(bytes([97 + index % 26]) * new_size + b"\n")
    try:
        with Swapper() as swapper:
            for path, new in zip(paths, news):
                swapper.write(str(path), new, os.lstat(path))
        for handle, old in handles:
            assert handle.read() == old
        for view, old in views:
            assert view[:] == old
    finally:
        for handle, _ in handles:
            handle.close()
        for view, _ in views:
            view.close()
    for index, (path, new, spec) in enumerate(zip(paths, news, specs)):
        assert path.read_bytes() == new
        assert path.stat().st_mode & 0o7777 == spec[2]
        if spec[4] == "linked":
            assert (root / f"twin{index}").read_bytes() == olds[index]
    left = sorted(p.name for p in root.rglob("*") if p.name.startswith(".tgpl-"))
    assert left == []
