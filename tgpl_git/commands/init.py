# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git init``: detect, decide, plan, show, apply; then say what is left to do."""

from __future__ import annotations

import datetime
import errno
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tgpl_git import __version__, git
from tgpl_git.errors import ConfigError, UsageError
from tgpl_git.fsio import atomic_write, read_no_follow
from tgpl_git.headers.context import Context, is_licensing_file
from tgpl_git.headers.files import Outcome, annotated, handle_all
from tgpl_git.init import ci, contributing, precommit, reuse_files
from tgpl_git.init.detect import (
    Detected,
    detect,
    holder_from_texts,
    license_from_texts,
    text_for,
)
from tgpl_git.init.licenses import standard_text
from tgpl_git.init.plan import (
    TERMS_FILE,
    Plan,
    Write,
    config_writes,
    reuse_annotations,
    reuse_gaps,
    reuse_write,
    text_of,
)
from tgpl_git.init.reuse_files import literal
from tgpl_git.init.terms_text import TGPL, Choices, ThirdParty, render_terms
from tgpl_git.terms import Terms, spdx, terms_from_text
from tgpl_git.terms.validate import CONTROL

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "LICENSES"
CHUNK = 2000  # files per step of the progress bar (and per parallel batch)

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Options:
    """The command line of ``init``."""

    license: str | None = None
    holder: str | None = None
    terms: str = TGPL
    headers: bool = True
    ci: str = "auto"
    hooks: precommit.HookSource = field(default_factory=precommit.HookSource)
    force: bool = False


@dataclass
class Prepared:
    """The repository, what was found in it, and the terms init will stand on."""

    root: Path
    detected: Detected
    terms: Terms
    choices: Choices | None  # None: ai-training.toml is there already
    third_party: tuple[ThirdParty, ...]
    existing: dict[str, bytes | None]
    notes: list[str]


def repository_root() -> Path:
    """The work tree init runs in (a clear refusal outside one, or in a bare repository)."""
    return git.toplevel(Path.cwd())


def detect_choices(root: Path, options: Options) -> tuple[Detected, str | None, str, list[str]]:
    """What was detected, the code licence and holder it suggests, and notes about them."""
    detected = detect(root)
    notes: list[str] = []
    # A manifest is the project's own statement; a licence file says what the whole
    # project is under; a header may be one file's exception (git has one LGPL file).
    found = list(detected.declared)
    text_license = license_from_texts(detected.texts)
    if text_license:
        wider = license_from_texts(detected.texts, or_later=True)
        said = {e for e, _ in (*detected.declared, *detected.in_headers)}
        text_license = wider if wider in said else text_license
        found.append((text_license, ", ".join(t.path for t in detected.texts if t.base)))
    found += detected.in_headers
    license_ = options.license or (found[0][0] if found else None)
    if not options.license and found:
        notes.append(f"code licence {found[0][0]} (from {found[0][1]})")
        others = "; ".join(
            f"{e} in {w}" for e, w in found[1:] if not spdx.same_expression(e, found[0][0])
        )
        if others:
            notes.append(f"other licences declared: {others}; pass --license to choose")
        if found[0][0] == text_license and "-only" in text_license:
            notes.append(
                "the GNU licence text does not say 'or any later version'; "
                f"{text_license} assumed (pass --license ...-or-later if your notices say so)"
            )
    # The holder the licence names is the project's own word; git's user.name is only
    # whoever runs init.
    named = None if options.holder else holder_from_texts(detected.texts)
    if named:
        notes.append(f"copyright holder {named[0]} (from {named[1]}; --holder to change)")
    holder = options.holder or (named and named[0]) or detected.user_name
    holder = holder or f"The {detected.name} Authors"
    return detected, license_, holder, notes


def prepare(
    root: Path,
    options: Options,
    detected: Detected,
    license_: str | None,
    holder: str,
    notes: list[str],
) -> Prepared:
    """Settle the terms (the file that is there, or the one init writes) and read the
    files the plan may change."""
    existing = {
        path: _read(root, path)
        for path in (
            TERMS_FILE,
            precommit.FILE,
            ci.GITHUB_FILE,
            ci.GITLAB_FILE,
            *contributing.PLACES,
            *contributing.OTHER_FORMATS,
            reuse_files.REUSE_TOML,
            reuse_files.DEP5,
        )
    }
    parties = detected.third_party
    planned_texts = {TGPL, *detected.third_party_texts}

    def has_text(identifier: str) -> bool:
        return identifier in planned_texts or (root / "LICENSES" / f"{identifier}.txt").is_file()

    current = existing[TERMS_FILE]
    if current is not None:
        notes = []  # what was detected does not matter: the terms are there
        text = current.decode("utf-8", "replace")
        terms = terms_from_text(text, root, TERMS_FILE, has_text)
        globs = {g for o in terms.overrides for g in o.paths}
        parties = tuple(p for p in parties if p.glob in globs)
        for party in detected.third_party:
            if party.glob not in globs:
                notes.append(
                    f"{party.folder} has its own licence ({party.license_file}); "
                    f'ai-training.toml is yours, so add an [[overrides]] entry with terms = "none"'
                )
        return Prepared(root, detected, terms, None, parties, existing, notes)
    if license_ is None:
        raise UsageError(
            "could not tell the code's licence (no SPDX headers, no recognised licence text, "
            "no license field); pass --license SPDX-EXPRESSION"
        )
    problem = spdx.check_expression(license_).problem
    if problem:
        raise UsageError(f"--license {license_}: {problem}")
    if CONTROL.search(holder) or not holder.strip():
        raise UsageError(f"--holder {holder!r}: must be one line of text, not empty")
    if options.terms != TGPL and not (root / "LICENSES" / f"{options.terms}.txt").is_file():
        raise UsageError(
            f"--terms {options.terms}: its text must be at LICENSES/{options.terms}.txt"
        )
    choices = Choices(
        name=detected.name,
        code_license=license_,
        holder=holder,
        terms_license=options.terms,
        repository=detected.repository,
        since=detected.head,
        third_party=parties,
        line_length=detected.line_limit,
    )
    if detected.line_limit:
        limit, source = detected.line_limit
        notes.append(f"the header's sentence wraps at {limit} characters ({source})")
    terms = terms_from_text(
        render_terms(choices, datetime.date.today()), root, TERMS_FILE, has_text
    )
    return Prepared(root, detected, terms, choices, parties, existing, notes)


def make_plan(
    prepared: Prepared, options: Options, progress: Progress | None = None
) -> tuple[Plan, Context]:
    """Every write and every header fix, without changing anything."""
    root, terms, existing = prepared.root, prepared.terms, prepared.existing
    plan = Plan(notes=list(prepared.notes))
    _license_texts(plan, prepared)
    install = (
        f"tgpl-git=={__version__}"
        if options.hooks.repo == "local"
        else f"git+{options.hooks.repo}@{options.hooks.rev}"
    )
    targets = (
        ()
        if options.ci == "none"
        else (prepared.detected.platforms or ("github",))
        if options.ci == "auto"
        else (options.ci,)
    )
    config_writes(plan, existing, options.hooks, targets, install, terms)
    ctx = Context.create(terms)
    for index, write in enumerate(plan.writes):
        data, unfit = annotated(write.path, write.data, ctx)
        plan.writes[index] = replace(write, data=data)
        if unfit is not None:  # kept as it is (a guide not in UTF-8): skipped, like the others
            plan.unfixable.append(Outcome(write.path, finding=unfit))
    # A licence text REUSE does not know by its name (Clojure's epl-v10.html) keeps its
    # bytes: it is skipped, listed in [headers] skip, and REUSE.toml covers it.
    detected = prepared.detected
    texts = [
        t.path for t in (*detected.texts, *detected.part_texts) if not is_licensing_file(t.path)
    ]
    if options.headers:
        written = {w.path for w in plan.writes}
        files = [f for f in detected.tracked if f not in written and f not in texts]
        plan.skipped += [Outcome(path, skipped=LICENCE_TEXT) for path in texts]
        for outcome in run_headers(root, files, ctx, "diff", progress):
            if outcome.diff:
                plan.annotate.append(outcome)
            elif outcome.finding is not None:
                plan.unfixable.append(outcome)
            elif outcome.skipped:
                plan.skipped.append(outcome)
    if prepared.choices is not None:
        # Files no header fits are listed in [headers] skip, so that the check passes
        # and REUSE.toml carries them; the terms are written last, knowing which.
        skip = tuple(literal(path) for path in (*texts, *(o.path for o in plan.unfixable)))
        text = render_terms(replace(prepared.choices, header_skip=skip), datetime.date.today())
        plan.writes.insert(
            0,
            Write(
                TERMS_FILE, annotated(TERMS_FILE, text.encode(), ctx)[0], None, "the training terms"
            ),
        )
    elif plan.unfixable:
        plan.notes.append(
            "no header fits the files above; fix them, or list them in [headers] skip "
            "of ai-training.toml (REUSE.toml covers them)"
        )
    covered = reuse_files.covered_by(
        text_of(existing, reuse_files.REUSE_TOML), text_of(existing, reuse_files.DEP5)
    )
    sidecars = {f for f in prepared.detected.tracked if f.endswith(".license")}
    gaps = reuse_gaps([*plan.skipped, *plan.unfixable], covered, sidecars)
    copyright_ = f"{ctx.year} {ctx.holder}" if terms.headers.year != "none" else ctx.holder
    annotations = reuse_annotations(
        gaps, terms, copyright_, prepared.third_party, prepared.detected.tracked
    )
    reuse_write(plan, existing, annotations)
    for write in plan.writes:
        _refuse_links(root, write.path)
    ours = [*(w.path for w in plan.writes), *(p for p, data in existing.items() if data)]
    folder = root / "LICENSES"
    ours += [f"LICENSES/{p.name}" for p in folder.glob("*.txt")] if folder.is_dir() else []
    plan.ignored = git.ignored(root, ours)
    return plan, ctx


LICENCE_TEXT = "licence text"


def _license_texts(plan: Plan, prepared: Prepared) -> None:
    """The texts REUSE needs under LICENSES/: the training terms, the code licence (from
    the project's own licence file) and the third-party licences."""
    root, terms, detected = prepared.root, prepared.terms, prepared.detected
    wanted: dict[str, bytes | None] = {}
    if terms.terms.license == TGPL:
        wanted[TGPL] = (BUNDLED / f"{TGPL}.txt").read_bytes()
    for key in spdx.check_expression(terms.terms.code_license).keys:
        wanted.setdefault(key, text_for(detected, key))
    for party in prepared.third_party:
        for key in spdx.check_expression(party.license).keys:
            wanted.setdefault(key, detected.third_party_texts.get(key))
    for key in detected.header_keys:  # named in a file's own header: REUSE wants its text
        wanted.setdefault(key, text_for(detected, key))
    for key, data in wanted.items():
        path = f"LICENSES/{key}.txt"
        if (root / path).is_file():
            continue
        why = "licence text for REUSE"
        if data is None and (data := standard_text(key)) is not None:
            why += " (the project has no copy: the standard text, from choosealicense.com)"
        if data is None:
            plan.notes.append(
                f"no text of {key} found in the project: put it at {path} "
                f"(`reuse download {key}`), or `reuse lint` will report it missing"
            )
            continue
        plan.writes.append(Write(path, data, None, why))


def run_headers(
    root: Path, files: Sequence[str], ctx: Context, mode: str, progress: Progress | None
) -> list[Outcome]:
    """The header engine over ``files`` in batches, reporting each batch done."""
    if progress is None:
        return handle_all(root, list(files), ctx, mode)
    outcomes: list[Outcome] = []
    for start in range(0, len(files), CHUNK):
        batch = list(files[start : start + CHUNK])
        outcomes += handle_all(root, batch, ctx, mode)
        progress(len(batch))
    return outcomes


def uncommitted(root: Path, paths: Sequence[str]) -> list[str]:
    """Which of ``paths`` have changes git has not committed (or are not tracked at all)."""
    out = git.run(["status", "--porcelain=v1", "-z", "--untracked-files=all"], root)
    dirty: set[str] = set()
    fields = out.split(b"\0")
    i = 0
    while i < len(fields):
        entry = fields[i]
        if len(entry) > 3:
            dirty.add(os.fsdecode(entry[3:]))
            if entry[:1] in (b"R", b"C"):
                i += 1  # the rename's source follows
        i += 1
    return [p for p in paths if p in dirty]


def apply(root: Path, plan: Plan, ctx: Context, progress: Progress | None = None) -> list[Outcome]:
    """Write the plan: whole files first, then the header fixes. Returns the fixes made."""
    for write in plan.writes:
        target = root / write.path
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, write.data)
    files = [o.path for o in plan.annotate]
    return run_headers(root, files, ctx, "fix", progress) if files else []


def _refuse_links(root: Path, path: str) -> None:
    """A clear refusal when a folder on the way to ``path`` is a symbolic link (a shared
    LICENSES/, say): init writes only inside the work tree, never through links."""
    folder = root
    for part in path.split("/")[:-1]:
        folder = folder / part
        if folder.is_symlink():
            name = folder.relative_to(root).as_posix()
            raise UsageError(f"{name} is a symbolic link; init does not write through links")


def _read(root: Path, path: str) -> bytes | None:
    try:
        return read_no_follow(root / path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UsageError(
                f"{path} is a symbolic link; init does not write through links"
            ) from None
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
