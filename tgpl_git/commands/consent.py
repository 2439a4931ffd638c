# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git consent check``: judge a range of commits, or the message being written."""

from __future__ import annotations

import shlex
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from tgpl_git import git
from tgpl_git.ci_range import Choice
from tgpl_git.consent import history
from tgpl_git.consent.identity import Person, parse_person, same_email
from tgpl_git.consent.message import clean_message
from tgpl_git.consent.policy import (
    Commit,
    Judgement,
    Ledger,
    Policy,
    amend_command,
    judge,
    quick_pass,
)
from tgpl_git.consent.settings import policy_for, read_settings
from tgpl_git.errors import EXIT_CLEAN, EXIT_FINDINGS, GitError, UsageError
from tgpl_git.findings import Finding, FindingWriter
from tgpl_git.terms import FILE_NAME, Terms, load_terms


def check_command(
    range_text: str | None, message_file: str | None, fmt: str, write: Callable[[str], object]
) -> int:
    """Judge ``range_text`` (default: ``default_range``), or one message file (commit-msg).

    Findings are written as they are found, so memory does not grow with the range.
    """
    root = git.toplevel(Path.cwd())
    terms = load_terms(root / FILE_NAME, FILE_NAME)
    policy = policy_for(terms, read_settings(root))
    writer = FindingWriter(fmt, write)
    if message_file is not None:
        for finding in check_message(root, Path(message_file), terms, policy):
            writer.add(finding)
        writer.close({"message": message_file})
        return EXIT_FINDINGS if writer.errors else EXIT_CLEAN
    text = range_text or default_range(root, terms.consent.since).text
    revisions = history.resolve(
        root, text, terms.consent.since, whole_history=policy.scope == "contributor"
    )
    missing: Counter[Person] = Counter()
    judged = 0
    for verdict in check_range(root, revisions, policy):
        judged += 1
        missing.update(verdict.missing)
        for finding in verdict.findings:
            writer.add(finding)
    writer.close({"range": {"text": text, "commits": judged}})
    if fmt == "text":
        write(f"consent: judged {judged} commit{'s' if judged != 1 else ''} in {text}\n")
        write(remedies(missing, policy, revisions))
    return EXIT_FINDINGS if writer.errors else EXIT_CLEAN


def default_range(root: Path, since: str | None) -> Choice:
    """``@{upstream}..HEAD`` when the branch has an upstream, else every commit since the
    adoption (``[consent] since``): the commits that need consent at all."""
    if not history.head_exists(root):
        raise UsageError("the repository has no commits yet: there is nothing to check")
    try:
        git.run(["rev-parse", "--verify", "--quiet", "@{upstream}"], root)
        return Choice("@{upstream}..HEAD", "the branch's upstream")
    except GitError:
        pass
    if since:
        return Choice(f"{since}..HEAD", "the adoption commit, [consent] since")
    raise UsageError(
        "no range given, the current branch has no upstream and ai-training.toml "
        "names no [consent] since: pass --range BASE..HEAD"
    )


CONSENTED = Judgement((), True)


def check_range(root: Path, revisions: history.Range, policy: Policy) -> Iterator[Judgement]:
    """The judgement of every commit of the range that is judged (merges may not be).

    For ``scope = "contributor"`` all history is read, oldest first, so that consent
    given before the range counts, under the terms in force then.
    """
    if policy.scope != "contributor":
        for commit in history.commits_or_passes(root, revisions, quick_pass(policy)):
            verdict = CONSENTED if commit is None else judge(commit, policy)
            if verdict.judged:
                yield verdict
        return
    ledger = Ledger()
    whole = history.Range(revisions.text, revisions.include, ())
    stamps = history.terms_at(root, history.commit_ids(root, whole), FILE_NAME)
    in_range = set(history.commit_ids(root, revisions))
    for commit in history.commits(root, whole, oldest_first=True, terms=stamps):
        verdict = judge(commit, policy, ledger)
        if commit.sha in in_range and verdict.judged:
            yield verdict


def check_message(root: Path, path: Path, terms: Terms, policy: Policy) -> list[Finding]:
    """The commit-msg hook: the message file, judged as the commit it is about to become."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such message file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from None
    if b"\0" in data:
        return [
            Finding(
                "consent-bad-message",
                "the message contains a NUL byte; git refuses it",
                path=str(path),
            )
        ]
    message = clean_message(history.decode(data), policy.comment)
    author = _ident(root, "GIT_AUTHOR_IDENT")
    merging = _exists(root, "MERGE_HEAD")
    commit = Commit(
        sha="0" * 40,
        parents=2 if merging else 1,
        author=author,
        mapped_author=_mailmap(root, author),
        committer=_ident(root, "GIT_COMMITTER_IDENT"),
        message=message,
        terms=terms.terms.license,
    )
    ledger = None
    if policy.scope == "contributor" and history.head_exists(root):
        ledger = Ledger()
        whole = history.Range("HEAD", ("HEAD",), ())
        filter_ = ("--fixed-strings", "--regexp-ignore-case", f"--author=<{author.email}>")
        earlier = list(history.commits(root, whole, oldest_first=True, extra=filter_))
        stamps = history.terms_at(root, [c.sha for c in earlier], FILE_NAME)
        for before in earlier:
            judge(before._replace(terms=stamps[before.sha]), policy, ledger)
    findings = list(judge(commit, policy, ledger).findings)
    return [
        Finding(
            f.rule,
            f.message.replace(commit.short + " ", "", 1),
            f.severity,
            path=str(path),
            hint=_message_hint(f, policy, author),
        )
        for f in findings
    ]


def _message_hint(finding: Finding, policy: Policy, author: Person) -> str | None:
    if finding.rule != "consent-missing":
        return finding.hint
    return (
        f'add the line "{policy.trailer}: {author}" at the end of the message '
        f'(git commit --trailer "{policy.trailer}: {author}"), or run '
        "`tgpl-git consent sign` once to have it added for you"
    )


def _ident(root: Path, variable: str) -> Person:
    value = git.run(["var", variable], root).decode("utf-8", "replace")
    person = parse_person(value)
    if person is None:
        raise UsageError(f"git var {variable} gave no usable identity: {value.strip()!r}")
    return person


def _mailmap(root: Path, person: Person) -> Person:
    try:
        out = git.run(["check-mailmap", str(person)], root).decode("utf-8", "replace")
    except GitError:
        return person
    return parse_person(out) or person


def _exists(root: Path, ref: str) -> bool:
    try:
        git.run(["rev-parse", "--verify", "--quiet", ref], root)
    except GitError:
        return False
    return True


def remedies(missing: Counter[Person], policy: Policy, revisions: history.Range) -> str:
    """What to run: one command for your own commits, a grant per past contributor."""
    if not missing:
        return ""
    lines = ["", "To fix:"]
    me = policy.me
    for person, n in sorted(missing.items(), key=lambda item: str(item[0])):
        commits = f"{n} commit{'s' if n != 1 else ''}"
        if me is not None and same_email(person.email, me.email):
            base = revisions.exclude[0] if revisions.exclude else "--root"
            lines.append(f"  your own {commits} (review the command, then run it):")
            lines.append(f"    {amend_command(base, f'{policy.trailer}: {me}', me.email)}")
        else:
            name = shlex.quote(person.name or person.email)
            lines.append(f"  {person} ({commits}): ask them to add the line, or record")
            lines.append(f"    tgpl-git consent grant {name} {person.email} --evidence URL")
    return "\n".join(lines) + "\n"
