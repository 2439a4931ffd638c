# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The verdict on one commit: whose consent it needs, whose it carries, what is missing.

Pure: a commit record and the project's consent settings go in, findings come
out. Consent counts only when it names the commit's author (or co-author) by
email; a consent line naming anyone else counts for nobody and is reported.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from tgpl_git.consent.identity import Person, is_exempt, parse_person, same_email
from tgpl_git.consent.trailers import Configured, Trailer, parse_trailers
from tgpl_git.findings import Finding, Severity


class Commit(NamedTuple):
    """What the verdict needs of a commit. Emails are raw and after .mailmap."""

    sha: str
    parents: int
    author: Person
    mapped_author: Person
    committer: Person
    message: str
    terms: str = ""  # the training terms' id in force at this commit
    trailers: tuple[Trailer, ...] | None = None  # as git read them; None: parse the message
    time: int = 0  # author date, seconds since the epoch

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0].strip()

    @property
    def short(self) -> str:
        return self.sha[:10]


@dataclass(frozen=True)
class Policy:
    """``[consent]`` of ai-training.toml, plus what git says about reading messages."""

    trailer: str = "Training-Consent"
    signoff_counts: bool = False
    scope: str = "commit"
    co_authors: str = "require"
    check_merges: bool = False
    exempt: tuple[str, ...] = ()
    grants: frozenset[str] = frozenset()  # casefolded emails
    comment: str = "#"
    configured: tuple[Configured, ...] = ()
    me: Person | None = None  # the person running the check, for the remedy


@dataclass
class Ledger:
    """Who has consented, under which terms: for ``scope = "contributor"``."""

    consented: set[tuple[str, str]] = field(default_factory=set)

    def has(self, email: str, terms: str) -> bool:
        return (email.casefold(), terms) in self.consented

    def add(self, email: str, terms: str) -> None:
        self.consented.add((email.casefold(), terms))


@dataclass(frozen=True)
class Judgement:
    """The findings for one commit, and whether it was judged at all."""

    findings: tuple[Finding, ...]
    judged: bool
    consenting: tuple[str, ...] = ()  # emails whose consent this commit carries
    missing: tuple[Person, ...] = ()  # whose consent it lacks


def judge(commit: Commit, policy: Policy, ledger: Ledger | None = None) -> Judgement:
    """Check one commit against the policy (feeding ``ledger`` oldest first)."""
    if commit.parents > 1 and not policy.check_merges:
        return NOT_JUDGED
    trailers = commit.trailers
    if trailers is None:
        trailers = tuple(
            parse_trailers(commit.message, policy.comment, configured=policy.configured)
        )
    consents, findings, signoffs, coauthors = _read(commit, trailers, policy)
    author = {commit.author.email.casefold(), commit.mapped_author.email.casefold()}
    given = {p.email.casefold() for p in consents}
    if not given <= author:  # someone else named: report it, it counts for nobody
        people = author.union(p.email.casefold() for p in coauthors)
        for person in consents:
            if person.email.casefold() not in people:
                message = (
                    f"{policy.trailer} names {person}, who is neither the author nor a "
                    "co-author: it counts for nobody"
                )
                findings.append(_finding(commit, "consent-foreign", message, "warning"))
    consenting = tuple(p.email for p in consents)
    if policy.exempt and is_exempt(tuple(author), policy.exempt):
        return Judgement(tuple(findings), True, consenting)
    own_signoff = {p.email.casefold() for p in signoffs} & author
    missing: list[Person] = []
    if not (given & author or own_signoff or _elsewhere(author, commit, policy, ledger)):
        reason = _why(commit, policy, consents)
        findings.append(_finding(commit, "consent-missing", reason, hint=_remedy(commit, policy)))
        missing.append(commit.author)
    for coauthor in coauthors:
        theirs = {coauthor.email.casefold()}
        if policy.exempt and is_exempt((coauthor.email,), policy.exempt):
            continue
        if not (given & theirs or _elsewhere(theirs, commit, policy, ledger)):
            missing.append(coauthor)
            findings.append(_coauthor_finding(commit, coauthor, policy))
    if ledger is not None:
        for email in consenting:
            ledger.add(email, commit.terms)
        if own_signoff:
            ledger.add(commit.author.email, commit.terms)
    if not findings:
        return Judgement((), True, consenting)
    return Judgement(tuple(findings), True, consenting, tuple(missing))


def _elsewhere(emails: set[str], commit: Commit, policy: Policy, ledger: Ledger | None) -> bool:
    """Consent not in this commit: a grant, or (per contributor) an earlier commit."""
    if not emails.isdisjoint(policy.grants):
        return True
    if ledger is None or policy.scope != "contributor":
        return False
    return any(ledger.has(email, commit.terms) for email in emails)


NOT_JUDGED = Judgement((), False)


def _read(
    commit: Commit, trailers: tuple[Trailer, ...], policy: Policy
) -> tuple[list[Person], list[Finding], list[Person], list[Person]]:
    """Consents, findings about malformed ones, sign-offs and co-authors, in one pass."""
    consents: list[Person] = []
    findings: list[Finding] = []
    signoffs: list[Person] = []
    coauthors: list[Person] = []
    consent_key = policy.trailer.lower()
    for trailer in trailers:
        key = trailer.key.lower()
        if key == consent_key:
            person = parse_person(trailer.value)
            if person is None:
                message = f'"{trailer.key}: {trailer.value}" has no <email>; it counts for nobody'
                findings.append(_finding(commit, "consent-malformed", message, "warning"))
            else:
                consents.append(person)
        elif key == "signed-off-by" and policy.signoff_counts:  # git's own key
            signoffs.extend(p for p in [parse_person(trailer.value)] if p is not None)
        elif key == "co-authored-by" and policy.co_authors == "require":
            coauthors.extend(p for p in [parse_person(trailer.value)] if p is not None)
    return consents, findings, signoffs, coauthors


def _coauthor_finding(commit: Commit, coauthor: Person, policy: Policy) -> Finding:
    return _finding(
        commit,
        "consent-missing-coauthor",
        f"co-author {coauthor} has not consented",
        hint=f'their line "{policy.trailer}: {coauthor}" in the commit, or '
        f"tgpl-git consent grant {shlex.quote(coauthor.name)} {coauthor.email} --evidence URL",
    )


def _why(commit: Commit, policy: Policy, consents: list[Person]) -> str:
    who = f"{commit.subject!r} by {commit.author}"
    if any(same_email(p.email, commit.committer.email) for p in consents):
        return f"{who}: the consent names the committer, not the author"
    if consents:
        return f"{who}: the consent names someone else, not the author"
    pattern = rf"(?im)^\s*{re.escape(policy.trailer)}\s*:"
    if re.search(pattern, commit.message):
        return (
            f"{who}: a {policy.trailer} line in the body does not count; it must be a "
            "trailer, in the last paragraph of the message"
        )
    return f"{who}: no {policy.trailer} trailer from the author"


def _remedy(commit: Commit, policy: Policy) -> str:
    trailer = f"{policy.trailer}: {commit.author}"
    if policy.me is not None and same_email(policy.me.email, commit.author.email):
        base = "--root" if commit.parents == 0 else f"{commit.short}^"
        return amend_command(base, trailer, commit.author.email)
    name = shlex.quote(commit.author.name or commit.author.email)
    return (
        f'ask {commit.author} to add "{trailer}" to the commit, or record consent they gave '
        f"elsewhere: tgpl-git consent grant {name} {commit.author.email} --evidence URL"
    )


def amend_command(base: str, trailer: str, email: str) -> str:
    """The command that adds ``trailer`` to every commit by ``email`` after ``base``
    (a revision, or ``--root``), and to no one else's."""
    amend = (
        f'if [ "$(git log -1 --format=%ae)" = {_dq(email)} ]; then '
        f"git commit --amend --no-edit --allow-empty --trailer {_dq(trailer)}; fi"
    )
    return f"git rebase --exec {shlex.quote(amend)} {base}"


def _dq(text: str) -> str:
    """``text`` in double quotes for sh, with what is special there escaped."""
    return '"' + re.sub(r'(["$`\\])', r"\\\1", text) + '"'


def _finding(
    commit: Commit, rule: str, message: str, severity: str = "error", hint: str | None = None
) -> Finding:
    level: Severity = "warning" if severity == "warning" else "error"
    return Finding(rule, message, severity=level, commit=commit.short, hint=hint)


def quick_pass(policy: Policy) -> Callable[[list[bytes]], bool]:
    """A test on a raw ``git log`` record that is True only when ``judge`` would find the
    commit consenting with nothing to report: the author and every co-author named by a
    consent trailer (as ``parse_person`` reads it), nobody else named, and no merge.

    It skips building records for the common case; anything else gets the full verdict.
    """
    key = policy.trailer.lower().encode() + b"\x02"
    coauthor_key = b"co-authored-by\x02" if policy.co_authors == "require" else None
    signoff_key = b"signed-off-by\x02" if policy.signoff_counts else None
    needle = signoff_key if signoff_key is not None else key

    def passes(record: list[bytes]) -> bool:
        trailers = record[9].lower()
        if (key not in trailers and needle not in trailers) or b" " in record[1]:
            return False
        author = {record[3].lower(), record[5].lower()}
        if not all(_EMAIL.fullmatch(email) for email in author):
            return False  # an address parse_person would not read: the full verdict says why
        consents: set[bytes] = set()
        coauthors: set[bytes] = set()
        signoffs: set[bytes] = set()
        for trailer in trailers.split(b"\x01"):
            if trailer.startswith(key):
                target, value = consents, trailer[len(key) :]
            elif coauthor_key is not None and trailer.startswith(coauthor_key):
                target, value = coauthors, trailer[len(coauthor_key) :]
            elif signoff_key is not None and trailer.startswith(signoff_key):
                target, value = signoffs, trailer[len(signoff_key) :]
            else:
                continue
            email = _address(value)
            if email is None:
                if target is signoffs:
                    continue  # a sign-off nobody can read counts for nobody, and is no finding
                return False
            target.add(email)
        own = consents & author or signoffs & author
        return bool(own) and coauthors <= consents <= author | coauthors

    return passes


def _address(value: bytes) -> bytes | None:
    """The email ``parse_person`` reads in a trailer value, or None where it reads none."""
    at = value.find(b"<")
    if at < 0 or b">" in value[:at]:
        return None
    end = value.find(b">", at)
    email = value[at + 1 : end] if end > at else b""
    return email if _EMAIL.fullmatch(email) else None


_EMAIL = re.compile(rb"[^<>\s]*@[^<>\s]*")  # what parse_person reads between < and >
