# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The file edge of the header engine: read a file's head, judge it, write the fix atomically.

Only the head is read to judge (``HEAD_BYTES``, more only while the lines that
must stay first run on), so a check costs the same for a small file and a huge
one. A fix reads the rest of the file once and splices it back unchanged.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

from tgpl_git import git
from tgpl_git.findings import Finding
from tgpl_git.fsio import READ_FLAGS, atomic_write, read_no_follow
from tgpl_git.headers import SKIP_ATTRIBUTES
from tgpl_git.headers.context import Context, is_licensing_file
from tgpl_git.headers.engine import (
    MISSING,
    WIDE_BOMS,
    NeedMore,
    Verdict,
    examine,
    plainly_missing,
    whole_lines,
)
from tgpl_git.headers.filetypes import (
    AMBIGUOUS,
    UNCOMMENTABLE,
    content_skip,
    style_for,
)
from tgpl_git.headers.quick import is_current
from tgpl_git.headers.styles import STYLES, CommentStyle
from tgpl_git.headers.template import HeaderSpec
from tgpl_git.parallel import map_items
from tgpl_git.swap import Swapper

HEAD_BYTES = 4096
MAX_HEAD_BYTES = 256 * 1024
FIX_MIN_PARALLEL = 100
FIX_BATCH = 64

EXCLUDED = "excluded by ai-training.toml"


class Outcome(NamedTuple):
    """What happened to one file: skipped (and why), a finding, a change, a diff.

    (A named tuple: one is made per file, and a tuple is the cheapest record.)
    """

    path: str
    skipped: str | None = None
    finding: Finding | None = None
    changed: bool = False
    diff: str = ""

    def __reduce__(self) -> tuple[Callable[..., Outcome], tuple[Any, ...]]:
        # Workers send outcomes back by the thousand; as plain values they pickle several
        # times faster than as named tuples (one class look-up per object, each way).
        finding = None if self.finding is None else tuple(self.finding)
        return _outcome, (self.path, self.skipped, finding, self.changed, self.diff)


def handle_all(
    root: Path,
    files: list[str],
    ctx: Context,
    mode: str,
    pending: Callable[[], dict[str, set[str]]] | None = None,
) -> list[Outcome]:
    """``handle`` for each file, over every core when there are many, with one
    look-up of the attributes that skip files (``pending``, when the caller started it
    already: see ``git.start_attributes``).

    Returns what there is to say, in the files' order: a file whose header is current
    has no outcome. A check judges the files while git reads the attributes, then skips
    the files they exclude; a fix or a diff waits for them, since it must not touch
    those files.
    """
    if pending is None:
        pending = git.start_attributes(root, files, list(SKIP_ATTRIBUTES))
    attributes = {} if mode == "check" else pending()
    none: set[str] = set()
    base = f"{root}/"
    # Nothing is written through a linked folder. A check only reads, and does not ask
    # (asking costs a whole-tree check 4% here, for a state a clone never has): it
    # reports such a file as it finds it, and the fix says why it leaves it alone.
    behind_link = _link_test(base) if mode != "check" else None

    def one(path: str, later: list[Write] | None = None) -> Outcome | None:
        if behind_link is not None and behind_link(path):
            return Outcome(path, skipped=BEHIND_LINK)
        return handle(root, base, path, ctx, attributes.get(path, none), mode, later)

    if mode == "fix":
        # A fix judges a batch of files, then writes them (each atomically, as always):
        # judging and writing in turn, file by file, cost a tenth more, each evicting
        # what the other had in the processor's caches. Writing costs more than reading,
        # so a fix spreads its files over processes from fewer files.
        batches = [files[i : i + FIX_BATCH] for i in range(0, len(files), FIX_BATCH)]
        spread = 1 if len(files) >= FIX_MIN_PARALLEL else len(batches) + 1
        parts = map_items(lambda batch: _fix_batch(one, batch), batches, min_parallel=spread)
        results = [outcome for part in parts for outcome in part]
    else:
        results = map_items(one, files)
    if mode == "check":
        _skip_late(pending(), files, results)
    return [outcome for outcome in results if outcome is not None]


BEHIND_LINK = "behind a symbolic link"


def _link_test(base: str) -> Callable[[str], bool]:
    """Whether a file's folder is reached through a symbolic link (a tracked folder the
    work tree has replaced by a link): its files are never written, as a link to a file
    is not. One ``lstat`` per folder, remembered."""
    through: dict[str, bool] = {"": False}

    def behind(folder: str) -> bool:
        known = through.get(folder)
        if known is None:
            parent = folder.rpartition("/")[0]
            known = through[folder] = behind(parent) or os.path.islink(base + folder)
        return known

    return lambda path: behind(path.rpartition("/")[0])


def _outcome(
    path: str, skipped: str | None, finding: tuple[Any, ...] | None, changed: bool, diff: str
) -> Outcome:
    # tuple.__new__ rather than the classes' own: the fields come whole from a worker's
    # records, and this runs once per file it sends back.
    if finding is not None:
        finding = tuple.__new__(Finding, finding)
    return tuple.__new__(Outcome, (path, skipped, finding, changed, diff))


def _skip_late(
    attributes: dict[str, set[str]], files: list[str], results: list[Outcome | None]
) -> None:
    """Turn the results of the files an attribute excludes into skips, as ``handle`` would
    have (only the terms' own exclusion comes before the attributes there)."""
    if not attributes:
        return
    position = {path: index for index, path in enumerate(files)}
    for path, names in attributes.items():
        index = position.get(path)
        reason = _attribute_skip(names)
        if index is None or reason is None:
            continue
        result = results[index]
        if result is None or result.skipped != EXCLUDED:
            results[index] = Outcome(path, skipped=reason)


def handle(
    root: Path,
    base: str,
    path: str,
    ctx: Context,
    attributes: set[str],
    mode: str,
    later: list[Write] | None = None,
) -> Outcome | None:
    """Check (``mode="check"``), fix (``"fix"``) or diff (``"diff"``) one file's header
    (``base`` is ``root`` as a string ending in ``/``); None for a file whose header is
    current, the common case. A fix whose new bytes are all in memory goes to ``later``,
    when given, for the caller to write."""
    effective = (
        ctx.project if ctx.project is not None else ctx.terms.terms_for(ctx.terms.matching(path))
    )
    if not effective.applies:
        return Outcome(path, skipped=EXCLUDED)
    reason = (_attribute_skip(attributes) if attributes else None) or _path_skip(path, ctx)
    if reason is not None:
        return Outcome(path, skipped=reason)
    try:
        fd = os.open(base + path, READ_FLAGS)
    except OSError as exc:
        return _open_failure(path, exc)
    try:
        return _handle_open(fd, root, path, ctx, ctx.spec_for(effective), mode, later)
    finally:
        os.close(fd)


def _handle_open(
    fd: int,
    root: Path,
    path: str,
    ctx: Context,
    spec: HeaderSpec,
    mode: str,
    later: list[Write] | None,
) -> Outcome | None:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        return Outcome(path, skipped="not a regular file")
    head = os.read(fd, HEAD_BYTES)
    if not head and ctx.terms.headers.empty_files == "skip":
        return Outcome(path, skipped="empty")
    reason = _head_skip(head)
    if reason is not None:
        return Outcome(path, skipped=reason)
    style_name = style_for(path, head, ctx.styles)
    if style_name is None:
        return Outcome(path, skipped="unknown file type")
    if style_name == AMBIGUOUS:
        return Outcome(path, skipped="ambiguous type (set it in [headers.styles])")
    reason = content_skip(path, head, style_name)
    if reason is not None and not ctx.chosen_style(path):
        return Outcome(path, skipped=reason)
    if style_name == UNCOMMENTABLE:
        if ctx.terms.headers.uncommentable == "skip":
            return Outcome(path, skipped="cannot hold a comment")
        reason = ctx.generated(head) or ctx.test_data(path)
        if reason is not None:
            return Outcome(path, skipped=reason)
        return _sidecar(root, path, spec, mode)
    style = STYLES[style_name]
    checking = mode == "check"
    # A check asks the short ways here, once, without the engine's frames.
    if checking and is_current(head, len(head) >= info.st_size, style, spec):
        return None
    # Only now: a file whose header is current has nothing to skip, and the scan for the
    # generators' markers is a good part of what a file costs.
    reason = (
        ctx.generated(head) or ctx.test_data(path) or _untouchable(fd, path, head, info.st_size)
    )
    if reason is not None:
        return Outcome(path, skipped=reason)
    if checking and plainly_missing(head, style, spec):
        return Outcome(path, finding=Finding(*MISSING, path=path, line=1))
    verdict, head = _judge(
        lambda n: os.read(fd, n), head, info.st_size, style, spec, not checking, quick=not checking
    )
    if verdict.rule is None:
        return None
    finding = Finding(verdict.rule, verdict.message, path=path, line=verdict.line)
    if verdict.new_head is None or mode == "check":
        return Outcome(path, finding=finding)
    if len(head) < info.st_size:  # the rest is read a MiB at a time, as it is written
        later = None
    return _apply(root, path, info, head, _rest(fd), finding, mode, verdict, later)


def annotated(path: str, data: bytes, ctx: Context) -> tuple[bytes, Finding | None]:
    """``data`` (a whole file not yet on disk) with the header ``path`` should carry;
    unchanged where no header goes (same rules as ``handle``, without the file system),
    with the finding that says why when a header should go but none fits."""
    effective = ctx.terms.effective_terms(path)
    head = data[:HEAD_BYTES]
    if not effective.applies or _path_skip(path, ctx) or _head_skip(head):
        return data, None
    if ctx.generated(head) or ctx.test_data(path):
        return data, None
    style_name = style_for(path, head, ctx.styles)
    if style_name is None or style_name in (AMBIGUOUS, UNCOMMENTABLE):
        return data, None
    verdict = examine(data, True, STYLES[style_name], ctx.spec_for(effective), True)
    if verdict.new_head is None:
        if verdict.rule is None:
            return data, None
        return data, Finding(verdict.rule, verdict.message, path=path)
    return verdict.new_head + data[verdict.consumed :], None


def _path_skip(path: str, ctx: Context) -> str | None:
    """Why a file takes no header, from its path alone (after the terms and attributes)."""
    if is_licensing_file(path):
        return "licensing file"
    if path in ctx.terms.export:  # written from ai-training.toml: a header would be drift
        return "generated (export)"
    if ctx.skip is not None and ctx.skip.match(path):
        return "listed in [headers] skip"
    return None


# A Git LFS pointer stands in for content that was not fetched: a header in it would
# be committed as the file itself, and the real content lost from the next commit.
_LFS_POINTERS = (
    b"version https://git-lfs.github.com/spec/v1\n",
    b"version https://hawser.github.com/spec/v1\n",
)


def _head_skip(head: bytes) -> str | None:
    """Why a file takes no header, from its first bytes: binary, or an LFS pointer."""
    if b"\0" in head and not head.startswith(WIDE_BOMS):  # UTF-16 text is reported
        return "binary"
    if head.startswith(_LFS_POINTERS):
        return "Git LFS pointer (its content is not checked out)"
    return None


def _attribute_skip(attributes: set[str]) -> str | None:
    for attribute in sorted(attributes):
        if attribute in SKIP_ATTRIBUTES:
            return f"{SKIP_ATTRIBUTES[attribute]} (.gitattributes)"
    return None


# Text with control characters in its first 2 KiB is binary to libmagic, and so to
# REUSE, which then reads no header in it: NUL to ACK, SO to SUB, FS to US and DEL,
# the bytes libmagic's text test rejects. Such a file is left to REUSE.toml.
CONTROL_BYTES = "control characters (REUSE reads the file as binary)"
_SNIFF = 2048  # REUSE decides a file's encoding from its first 2 KiB
_TEXT_BYTES = bytes(
    b for b in range(256) if not (b <= 0x06 or 0x0E <= b <= 0x1A or 0x1C <= b <= 0x1F or b == 0x7F)
)
# Windows scripts signed with Authenticode carry the signature as a comment block at
# their end: any change voids it, and a policy that asks for signed scripts (AllSigned)
# then refuses to run the script.
SIGNED = "signed script (a change would void its signature)"
_SIGNABLE = (".ps1", ".psm1", ".psd1", ".ps1xml", ".cdxml", ".vbs", ".wsf")
_TAIL = 512  # the block's last line ends the file: "# SIG # End signature block"


def _untouchable(fd: int, path: str, head: bytes, size: int) -> str | None:
    """Why a file that needs a header must not get one after all: REUSE would not read
    it, or it is signed. (Asked only of files that need a header: the scan of the head
    would cost every current one.)"""
    if head[:_SNIFF].translate(None, _TEXT_BYTES) and not head.startswith(WIDE_BOMS):
        return CONTROL_BYTES
    if path.lower().endswith(_SIGNABLE):
        tail = head[-_TAIL:] if size <= len(head) else os.pread(fd, _TAIL, size - _TAIL)
        if b"End signature block" in tail:
            return SIGNED
    return None


def _rest(fd: int) -> Iterator[bytes]:
    """The bytes of the file after its head, a MiB at a time (never all in memory)."""
    while chunk := os.read(fd, 1 << 20):
        yield chunk


def _judge(
    read: Callable[[int], bytes],
    head: bytes,
    size: int,
    style: CommentStyle,
    spec: HeaderSpec,
    fixing: bool,
    limit: int = MAX_HEAD_BYTES,
    quick: bool = True,
) -> tuple[Verdict, bytes]:
    """Examine the head, reading more of the file (up to ``limit``) while the engine asks."""
    while True:
        complete = len(head) >= size
        try:
            return examine(head, complete, style, spec, fixing, quick), head
        except NeedMore as need:
            if len(head) >= limit:
                if need.in_prolog:
                    message = f"the lines that must stay first run past {limit // 1024} KiB"
                    if b"\n" not in head and b"\r" not in head[:-1]:
                        message = f"no line break in the first {limit // 1024} KiB (minified?)"
                    return Verdict("header-prolog-too-long", message), head
                # Comments all the way: a header further down is not the header anyway.
                # (the bytes after the cut stay in ``head``, for the splice)
                return examine(whole_lines(head), True, style, spec, fixing), head
            more = read(len(head))
            if not more:
                size = len(head)
            head += more


def _apply(
    root: Path,
    path: str,
    info: os.stat_result,
    old_head: bytes,
    rest: Iterator[bytes],
    finding: Finding,
    mode: str,
    verdict: Verdict,
    later: list[Write] | None = None,
) -> Outcome:
    if not info.st_mode & stat.S_IWUSR:  # before --diff too: it shows only what a fix would do
        return Outcome(
            path,
            finding=Finding(
                "header-read-only", f"read-only file, not changed ({finding.rule})", path=path
            ),
        )
    if mode == "diff":
        return Outcome(path, finding=finding, diff=_diff(path, old_head, verdict))
    assert verdict.new_head is not None
    new = chain((verdict.new_head, old_head[verdict.consumed :]), rest)
    write = Write(path, f"{root}/{path}", new, info, finding)
    if later is None:
        return _written(write)
    # read to the end all the same: a file may have grown since
    later.append(write._replace(data=b"".join(new)))
    return Outcome(path, finding=finding, changed=True)


class Write(NamedTuple):
    """A fix to write atomically: the new bytes of ``target`` (whole, or in parts read
    as they are written), what it was as read (None: not read through a descriptor),
    and what ``path`` is reported for."""

    path: str
    target: str
    data: bytes | Iterator[bytes]
    info: os.stat_result | None
    finding: Finding


def _written(write: Write, swapper: Swapper | None = None) -> Outcome:
    """Write the fix (through ``swapper``, one of many); a file system that refuses it
    (full, read-only, a file size limit) gets a finding for that file, and the file
    stays as it was."""
    try:
        if swapper is not None and write.info is not None:
            swapper.write(write.target, write.data, write.info)
        else:
            mode = None if write.info is None else write.info.st_mode
            atomic_write(write.target, write.data, compare=False, mode=mode)
    except OSError as exc:
        message = f"cannot write: {exc.strerror or exc}; not changed ({write.finding.rule})"
        return Outcome(write.path, finding=Finding(WRITE_FAILED, message, path=write.path))
    return Outcome(write.path, finding=write.finding, changed=True)


WRITE_FAILED = "header-write-failed"


def _fix_batch(
    fix: Callable[[str, list[Write]], Outcome | None], batch: list[str]
) -> list[Outcome | None]:
    """``fix`` on each path of ``batch``, then the writes it left for later, in order."""
    later: list[Write] = []
    outcomes = [fix(path, later) for path in batch]
    with Swapper() if len(later) > 1 else contextlib.nullcontext() as swapper:
        done = [_written(write, swapper) for write in later]
    failed = {outcome.path: outcome for outcome in done if not outcome.changed}
    if failed:
        outcomes = [None if done is None else failed.get(done.path, done) for done in outcomes]
    return outcomes


def _diff(path: str, old_head: bytes, verdict: Verdict) -> str:
    import difflib  # only --diff pays for it

    assert verdict.new_head is not None
    old = old_head[: verdict.consumed].decode("utf-8", "surrogateescape").splitlines(True)
    new = verdict.new_head.decode("utf-8", "surrogateescape").splitlines(True)
    return "".join(difflib.unified_diff(old, new, f"a/{path}", f"b/{path}"))


def _sidecar(root: Path, path: str, spec: HeaderSpec, mode: str) -> Outcome:
    """Files that cannot hold a comment get ``FILE.license`` beside them (REUSE)."""
    sidecar = f"{path}.license"
    try:
        data = read_no_follow(os.path.join(root, sidecar), MAX_HEAD_BYTES)
    except FileNotFoundError:
        data = b""
    except OSError as exc:
        return _open_failure(sidecar, exc)
    verdict = examine(data, True, STYLES["sidecar"], spec, mode != "check")
    if verdict.rule is None:
        return Outcome(path)
    finding = Finding(verdict.rule, f"{verdict.message} (in {sidecar})", path=path)
    if verdict.new_head is None or mode == "check":
        return Outcome(path, finding=finding)
    new = verdict.new_head + data[verdict.consumed :]
    if mode == "diff":
        return Outcome(path, finding=finding, diff=_diff(sidecar, data, verdict))
    return _written(Write(path, f"{root}/{sidecar}", new, None, finding))


def _open_failure(path: str, exc: OSError) -> Outcome:
    if exc.errno == errno.ELOOP:
        return Outcome(path, skipped="symbolic link")
    if exc.errno == errno.ENOENT:
        return Outcome(path, skipped="missing from the work tree")
    if exc.errno == errno.EISDIR:
        return Outcome(path, skipped="not a regular file")
    return Outcome(
        path, finding=Finding("header-unreadable", f"cannot read: {exc.strerror}", path=path)
    )
