# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git consent sign``, ``consent grant`` and the ``consent-trailer`` hook:
recording consent once, and consent given outside commits."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from tgpl_git import git
from tgpl_git.consent.identity import Person, parse_person, same_email
from tgpl_git.errors import ConfigError, GitError, UsageError
from tgpl_git.fsio import atomic_write
from tgpl_git.terms import FILE_NAME, load_terms
from tgpl_git.terms.edit import append_table, load_document, save_document
from tgpl_git.terms.validate import EMAIL

STATEMENT = Path(__file__).resolve().parent.parent / "data" / "training-consent.txt"
KEY_TERMS = "tgpl.consent.terms"
KEY_IDENTITY = "tgpl.consent.identity"


def _author(root: Path) -> Person:
    value = git.run(["var", "GIT_AUTHOR_IDENT"], root).decode("utf-8", "replace")
    person = parse_person(value)
    if person is None:
        raise UsageError("git has no author identity: set user.name and user.email")
    return person


def _config(root: Path, key: str) -> str | None:
    try:
        return git.run(["config", "--get", key], root).decode("utf-8", "replace").strip()
    except GitError:
        return None


def sign_command(yes: bool, revoke: bool, ask: Callable[[str], str] | None) -> str:
    """Show the statement, take an explicit yes, and remember the opt-in in git config."""
    root = git.toplevel(Path.cwd())
    if revoke:
        for key in (KEY_TERMS, KEY_IDENTITY):
            if _config(root, key) is not None:
                git.run(["config", "--unset", key], root)
        return "Revoked: new commits will no longer get the consent trailer automatically.\n"
    terms = load_terms(root / FILE_NAME, FILE_NAME)
    me = _author(root)
    trailer = f"{terms.consent.trailer}: {me}"
    intro = (
        f"{STATEMENT.read_text(encoding='utf-8')}\n"
        f"The training terms of this project are {terms.terms.license} "
        f"(text in LICENSES/{terms.terms.license}.txt).\n"
        f'Your commits here will carry the line "{trailer}".\n'
    )
    if not yes:
        if ask is None:
            raise UsageError("consent needs an explicit yes: run this in a terminal, or pass --yes")
        if ask(intro + "\nType yes to give your consent: ").strip().lower() != "yes":
            return "Nothing recorded: consent needs the answer yes.\n"
    git.run(["config", KEY_TERMS, terms.terms.license], root)
    git.run(["config", KEY_IDENTITY, str(me)], root)
    return (
        f'Recorded. Commits you author in this repository will carry "{trailer}"\n'
        "once the tgpl-consent-trailer hook is installed (pre-commit install "
        "--hook-type prepare-commit-msg). Undo with: tgpl-git consent sign --revoke\n"
    )


def trailer_hook_command(message_file: str, source: str | None) -> str:
    """prepare-commit-msg: add the opted-in contributor's trailer, once, to their own commits."""
    root = git.toplevel(Path.cwd())
    stored = _config(root, KEY_IDENTITY)
    signed_terms = _config(root, KEY_TERMS)
    if not stored or not signed_terms or source == "merge":
        return ""
    identity = parse_person(stored)
    terms = load_terms(root / FILE_NAME, FILE_NAME)
    if identity is None:
        return f"tgpl-git: {KEY_IDENTITY} is not 'Name <email>'; run tgpl-git consent sign\n"
    if signed_terms != terms.terms.license:
        return (
            f"tgpl-git: you consented to {signed_terms}, the terms are now "
            f"{terms.terms.license}: run tgpl-git consent sign to consent again\n"
        )
    if not same_email(_author(root).email, identity.email):
        return ""  # someone else's commit (an amend, --author): never add your consent to it
    trailer = f"{terms.consent.trailer}: {identity}"
    git.run(
        [
            "interpret-trailers",
            "--in-place",
            "--if-exists",
            "addIfDifferent",
            "--trailer",
            trailer,
            message_file,
        ],
        root,
    )
    return ""


def grant_command(name: str, email: str, evidence: str | None, date: str | None) -> str:
    """Add a ``[[consent.grants]]`` entry, keeping the file's comments and layout."""
    if not EMAIL.match(email):
        raise UsageError(f"{email!r} is not an email address")
    try:
        when = datetime.date.fromisoformat(date) if date else datetime.date.today()
    except ValueError:
        raise UsageError(f"--date {date!r}: expected YYYY-MM-DD") from None
    root = git.toplevel(Path.cwd())
    path = root / FILE_NAME
    terms = load_terms(path, FILE_NAME)
    if any(same_email(g.email, email) for g in terms.consent.grants):
        raise UsageError(f"{email} already has a grant in {FILE_NAME}")
    doc, text = load_document(path)
    entry: dict[str, object] = {"name": name, "email": email, "date": when}
    if evidence:
        entry["evidence"] = evidence
    append_table(doc, "consent.grants", entry)
    save_document(path, doc, text)
    try:
        load_terms(path, FILE_NAME)
    except ConfigError:
        atomic_write(path, text.encode("utf-8"))  # as it was: UTF-8 comes back byte for byte
        raise
    return f"Recorded consent of {name} <{email}> in {FILE_NAME}.\n"
