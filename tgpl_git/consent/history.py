# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Commits from git, streamed: one ``git log`` for a whole range, NUL-separated fields,
bytes decoded without ever failing, and memory that does not grow with the range.

It fails closed: an unknown revision, a record it cannot read, or a range that
a shallow clone cannot answer is an error, never a pass.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tgpl_git import git
from tgpl_git.consent.identity import Person
from tgpl_git.consent.policy import Commit
from tgpl_git.consent.trailers import Trailer
from tgpl_git.errors import GitError, UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# author raw, author after .mailmap, committer, the raw message, its trailers as git
# itself reads them (unfolded; \x01 between trailers, \x02 between key and value), and
# the author date.
FIELDS = (
    "%H",
    "%P",
    "%an",
    "%ae",
    "%aN",
    "%aE",
    "%cn",
    "%ce",
    "%B",
    "%(trailers:only=true,unfold=true,separator=%x01,key_value_separator=%x02)",
    "%at",
)
_SHA = re.compile(rb"[0-9a-f]{40}([0-9a-f]{24})?")
SHALLOW_FIX = (
    "fetch the whole history: `git fetch --unshallow` (in GitHub Actions, "
    "actions/checkout with fetch-depth: 0; in GitLab CI, GIT_DEPTH: 0)"
)


@dataclass(frozen=True)
class Range:
    """The commits to judge: reachable from ``include``, not from ``exclude``."""

    text: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]


def decode(data: bytes) -> str:
    """UTF-8 (git has already honoured a commit's ``encoding`` header), else Latin-1."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def resolve(root: Path, text: str, since: str | None = None, whole_history: bool = False) -> Range:
    """``A..B`` (or a single revision: all its history) checked against the repository."""
    if not head_exists(root):
        raise UsageError("the repository has no commits yet: there is nothing to check")
    base, dots, head = text.partition("..")
    if dots and head.startswith("."):
        raise UsageError(f"{text}: use A..B (the commits in B that are not in A)")
    head = head or ("HEAD" if dots else base)
    base = base if dots else ""
    exclude = [verify(root, base or "HEAD")] if base else []
    include = [verify(root, head)]
    if is_shallow(root):
        if whole_history:
            raise UsageError(
                f"this clone is shallow, and this check needs all history; {SHALLOW_FIX}"
            )
        if exclude and not is_ancestor(root, exclude[0], include[0]):
            raise UsageError(
                f"{text}: this clone is shallow and does not reach {base} from {head}; "
                f"judging only part of the range could pass commits it never read. {SHALLOW_FIX}"
            )
        if not exclude:
            raise UsageError(f"{text}: this clone is shallow, so its history is cut; {SHALLOW_FIX}")
    if since:
        exclude.append(verify(root, since, "consent.since"))
    return Range(text, tuple(include), tuple(exclude))


def is_shallow(root: Path) -> bool:
    """Whether this clone's history is cut (``git clone --depth``)."""
    return git.run(["rev-parse", "--is-shallow-repository"], root).strip() == b"true"


def head_exists(root: Path) -> bool:
    try:
        git.run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], root)
    except GitError:
        return False
    return True


def verify(root: Path, revision: str, what: str = "") -> str:
    """The commit id of ``revision``, or a clear error."""
    try:
        out = git.run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], root
        )
    except GitError:
        source = f" ({what})" if what else ""
        cut = f"; this clone is shallow, so it may lack that commit: {SHALLOW_FIX}"
        raise UsageError(
            f"unknown revision {revision!r}{source}{cut if is_shallow(root) else ''}"
        ) from None
    return out.decode().strip()


def is_ancestor(root: Path, older: str, newer: str) -> bool:
    try:
        git.run(["merge-base", "--is-ancestor", older, newer], root)
    except GitError:
        return False
    return True


def commits(
    root: Path,
    revisions: Range,
    oldest_first: bool = False,
    terms: dict[str, str] | None = None,
    default_terms: str = "",
    extra: tuple[str, ...] = (),
) -> Iterator[Commit]:
    """Every commit of the range, from one streaming ``git log``.

    ``terms`` (from ``terms_at``) stamps each commit with the terms id in force there.
    """
    stamps = terms or {}
    for record in _log(root, revisions, oldest_first, extra):
        commit = _commit(record, default_terms)
        if commit.sha in stamps:
            commit = commit._replace(terms=stamps[commit.sha])
        yield commit


def commits_or_passes(
    root: Path, revisions: Range, quick: Callable[[list[bytes]], bool]
) -> Iterator[Commit | None]:
    """Like ``commits``, but None where ``quick`` (``policy.quick_pass``) says a raw record
    consents: nothing more needs to be read of it."""
    for record in _log(root, revisions, False, ()):
        yield None if quick(record) else _commit(record, "")


def _log(
    root: Path, revisions: Range, oldest_first: bool, extra: tuple[str, ...]
) -> Iterator[list[bytes]]:
    """The raw records of one ``git log`` over the range; git's failure is an error."""
    args = [
        *git.BASE,
        "log",
        "-z",
        "--no-color",
        "--no-show-signature",
        "--encoding=UTF-8",
        f"--format={'%x00'.join(FIELDS)}",
    ]
    if oldest_first:
        args += ["--reverse", "--topo-order"]
    args += [*extra, *revisions.include, *(f"^{sha}" for sha in revisions.exclude), "--"]
    process = subprocess.Popen(args, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    try:
        yield from _records(process.stdout, len(FIELDS))
    finally:
        process.stdout.close()
        stderr = process.stderr.read() if process.stderr else b""
        code = process.wait()
    if code != 0:
        raise GitError(f"`git log` failed: {decode(stderr).strip() or f'exit {code}'}")


def _records(stream: IO[bytes], size: int) -> Iterator[list[bytes]]:
    """NUL-separated fields, ``size`` to a commit, read in chunks."""
    fields: list[bytes] = []
    pending = b""
    while chunk := stream.read(1 << 16):
        parts = (pending + chunk).split(b"\0")
        pending = parts.pop()
        fields += parts
        whole = len(fields) - len(fields) % size
        for i in range(0, whole, size):
            yield fields[i : i + size]
        del fields[:whole]
    if pending:
        fields.append(pending)
    if not fields or fields == [b""]:
        return
    if len(fields) == size:
        yield fields
        return
    raise GitError(f"unreadable commit record from git log ({len(fields)} of {size} fields)")


def _commit(record: list[bytes], terms: str) -> Commit:
    if not _SHA.fullmatch(record[0]):
        raise GitError(f"unreadable commit record from git log: {record[0][:60]!r}")
    try:
        text = [field.decode() for field in record]
    except UnicodeDecodeError:  # an old commit in another encoding, without a header
        text = [decode(field) for field in record]
    sha, parents, an, ae, mapped_n, mapped_e, cn, ce, message, trailers, when = text
    return Commit(
        sha,
        parents.count(" ") + 1 if parents else 0,
        Person(an, ae),
        Person(mapped_n, mapped_e),
        Person(cn, ce),
        message,
        terms,
        tuple(Trailer._make(t.split("\x02", 1)) for t in trailers.split("\x01") if "\x02" in t),
        int(when) if when.isdigit() else 0,
    )


def terms_at(root: Path, shas: list[str], file_name: str) -> dict[str, str]:
    """For each commit: the id of the training terms its own tree declares ("" for none).

    Two ``git cat-file`` processes for any number of commits: one finds each
    commit's copy of the terms file, the other reads each distinct copy once.
    """
    if not shas:
        return {}
    query = "".join(f"{sha}:{file_name}\n" for sha in shas).encode()
    answers = git.run(["cat-file", "--batch-check=%(objectname) %(objecttype)"], root, query)
    blob_of = {}
    for sha, line in zip(shas, answers.decode().splitlines()):
        blob, _, kind = line.partition(" ")
        blob_of[sha] = blob if kind == "blob" else ""
    distinct = sorted({b for b in blob_of.values() if b})
    terms_of = {"": ""}
    if distinct:
        contents = git.run(
            ["cat-file", "--batch"], root, "".join(f"{b}\n" for b in distinct).encode()
        )
        for blob, text in zip(distinct, _batch_contents(contents)):
            try:
                license_id = tomllib.loads(decode(text)).get("terms", {}).get("license", "")
            except (tomllib.TOMLDecodeError, AttributeError):
                license_id = ""  # unreadable there: no terms in force
            terms_of[blob] = str(license_id)
    return {sha: terms_of[blob] for sha, blob in blob_of.items()}


def _batch_contents(out: bytes) -> Iterator[bytes]:
    """The objects of ``git cat-file --batch`` output, in order."""
    at = 0
    while at < len(out):
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        yield out[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1


def commit_ids(root: Path, revisions: Range) -> list[str]:
    """The ids of the range's commits (one ``git rev-list``)."""
    args = ["rev-list", *revisions.include, *(f"^{sha}" for sha in revisions.exclude), "--"]
    return git.run(args, root).decode().split()
