# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The conversation of ``tgpl-git init``: questions on a terminal, the plan, a progress
bar for long runs, the summary. Everything it says comes from ``commands.init``."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import click

from tgpl_git.commands.init import (
    CHUNK,
    Options,
    Progress,
    apply,
    detect_choices,
    make_plan,
    prepare,
    repository_root,
    uncommitted,
)
from tgpl_git.commands.init_report import (
    describe,
    diff,
    history_line,
    identity,
    ignored_note,
    next_steps,
)
from tgpl_git.errors import EXIT_CLEAN, EXIT_FINDINGS, UsageError


def run_init(options: Options, dry_run: bool, show_diff: bool, yes: bool) -> int:
    """Detect, ask (on a terminal), plan, show, apply, summarise."""
    root = repository_root()
    interactive = sys.stdin.isatty() and sys.stdout.isatty() and not yes and not dry_run
    detected, license_, holder, notes = detect_choices(root, options)
    if interactive and not (root / "ai-training.toml").exists():
        license_ = click.prompt("Code licence (SPDX expression)", default=license_ or None)
        holder = click.prompt("Copyright holder for new headers", default=holder)
    prepared = prepare(root, options, detected, license_, holder, notes)
    total = len(detected.tracked) if options.headers else 0
    with _progress(total, "Reading files") as progress:
        plan, ctx = make_plan(prepared, options, progress)
    if show_diff:
        click.echo(diff(plan), nl=False)
    if plan.empty:
        click.echo("tgpl-git init: nothing to do; this project is set up already.")
        click.echo(ignored_note(plan), nl=False)
        return EXIT_CLEAN
    dirty = uncommitted(
        root, [w.path for w in plan.writes if not w.created] + [o.path for o in plan.annotate]
    )
    if dirty and not options.force and not dry_run:
        listed = "\n  ".join(dirty[:20]) + ("\n  ..." if len(dirty) > 20 else "")
        raise UsageError(
            f"{len(dirty)} file(s) init would change have uncommitted changes; commit or "
            f"stash them first (or pass --force):\n  {listed}"
        )
    if dry_run:
        click.echo("tgpl-git init --dry-run: the plan (nothing was changed)")
        click.echo(describe(plan, dry=True), nl=False)
        if dirty:
            click.echo(
                f"  note: {len(dirty)} of these files have uncommitted changes; init will refuse"
            )
        return EXIT_CLEAN
    if interactive:
        click.echo("tgpl-git init: the plan")
        click.echo(describe(plan, dry=True), nl=False)
        if not click.confirm("Apply it?", default=True):
            click.echo("tgpl-git init: nothing changed.")
            return EXIT_CLEAN
    with _progress(len(plan.annotate), "Writing headers") as progress:
        fixed = apply(root, plan, ctx, progress)
    failed = [o for o in fixed if not o.changed]
    click.echo(
        f"tgpl-git init: wrote {len(plan.writes)} file(s), "
        f"added or updated {len(fixed) - len(failed)} header(s)."
    )
    click.echo(describe(plan, dry=False), nl=False)
    for outcome in failed:  # changed on disk since the plan was made
        message = outcome.finding.message if outcome.finding else "not changed"
        click.echo(f"  not annotated {outcome.path}: {message}")
    for party in prepared.third_party:
        click.echo(f"  third-party: {party.folder} ({party.license}, from {party.license_file})")
    click.echo(history_line(root, prepared.terms))
    trailer = prepared.terms.consent.trailer
    click.echo(next_steps(trailer, identity(root), list(plan.ignored)), nl=False)
    return EXIT_FINDINGS if failed else EXIT_CLEAN


@contextlib.contextmanager
def _progress(total: int, label: str) -> Iterator[Progress | None]:
    """A progress bar on a terminal when the work is long enough to wait for."""
    if total < 2 * CHUNK or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update
