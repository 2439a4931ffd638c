# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""What ``tgpl-git init`` says: the plan in words or as a diff, the consent picture of
the history, and the steps left to the maintainer."""

from __future__ import annotations

import shlex
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from tgpl_git.errors import UsageError
from tgpl_git.init.plan import Plan
from tgpl_git.terms import Terms


def describe(plan: Plan, dry: bool) -> str:
    """The plan in words: files written, files annotated, files skipped and why."""
    lines = []
    for write in plan.writes:
        action = (
            ("would create" if dry else "created")
            if write.created
            else ("would update" if dry else "updated")
        )
        lines.append(f"  {action} {write.path}: {write.why}")
    if plan.annotate:
        action = "would add or update" if dry else "added or updated"
        lines.append(f"  {action} the licence header of {len(plan.annotate)} file(s)")
    skipped = Counter(o.skipped for o in plan.skipped)
    if skipped:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(skipped.items()))
        lines.append(f"  left without a header: {sum(skipped.values())} file(s) ({reasons})")
    for outcome in plan.unfixable:
        assert outcome.finding is not None
        lines.append(f"  cannot annotate {outcome.path}: {outcome.finding.message}")
    lines += [f"  note: {note}" for note in plan.notes]
    return "\n".join(lines) + "\n" + ignored_note(plan)


def ignored_note(plan: Plan) -> str:
    """The files of the plan that git ignores: committed only with ``git add -f``."""
    if not plan.ignored:
        return ""
    listed = "".join(f"    {path} ({rule})\n" for path, rule in plan.ignored.items())
    return (
        "  warning: git ignores these files, so `git add -A` leaves them out and CI will not\n"
        "  see them; commit them with `git add -f` (see the next steps):\n" + listed
    )


def diff(plan: Plan) -> str:
    """What ``init`` would change, as a unified diff."""
    import difflib

    out = []
    for write in plan.writes:
        new = write.data.decode("utf-8", "surrogateescape").splitlines(True)
        old = (write.old or b"").decode("utf-8", "surrogateescape").splitlines(True)
        old_name = "/dev/null" if write.created else f"a/{write.path}"
        out.append("".join(difflib.unified_diff(old, new, old_name, f"b/{write.path}")))
    out += [o.diff for o in plan.annotate]
    return "".join(out)


def history_line(root: Path, terms: Terms) -> str:
    """The consent picture of the history so far (the commits before ``since``)."""
    from tgpl_git.commands.consent_status import contributors, summary_sentence
    from tgpl_git.consent.history import head_exists
    from tgpl_git.consent.status import summarize

    if not head_exists(root):
        return "No commits yet: every commit from the first one carries consent."
    try:
        people = contributors(root, terms)
    except UsageError as exc:  # a shallow clone: say so rather than count part of it
        return f"History not counted: {exc}"
    summary = summarize(people, terms.consent.scope)
    why = (
        " Those commits need no consent (they come before `since`);" if terms.consent.since else ""
    )
    return (
        f"History so far: {summary_sentence(summary, False)}{why} "
        "`tgpl-git consent status --blame` shows who wrote today's code, for a relicensing."
    )


def next_steps(trailer: str, user: str | None, ignored: Sequence[str] = ()) -> str:
    """What the maintainer does after init: review, commit with consent, install the hooks.
    ``ignored``: files init wrote that only ``git add -f`` adds."""
    me = user or "Your Name <you@example.org>"
    add = "git add -A" + (f" && git add -f {shlex.join(ignored)}" if ignored else "")
    return (
        "Next steps:\n"
        "  git status && git diff            # review every change; init commits nothing\n"
        f'  {add} && git commit -m "Adopt the training terms" --trailer "{trailer}: {me}"\n'
        "  pre-commit install                # the hooks, commit-msg included\n"
        "  tgpl-git check                    # what CI will run\n"
        "  tgpl-git consent status --blame   # past contributors: ask them to consent, and\n"
        "                                    # record it with tgpl-git consent grant\n"
    )


def identity(root: Path) -> str | None:
    """``Name <email>`` of the git user, for the example commit."""
    from tgpl_git.consent.settings import read_settings

    me = read_settings(root).me
    return f"{me.name} <{me.email}>" if me and me.name else None
