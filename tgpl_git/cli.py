# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The ``tgpl-git`` command line: parse, call one function, print, return an exit code.

``main`` is the one error boundary: ``TgplError`` becomes a message and exit 2,
anything unexpected a one-line report request and exit 3 (a traceback only
with ``--debug`` or ``TGPL_GIT_DEBUG=1``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from tgpl_git import __version__
from tgpl_git.errors import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_USAGE,
    ConfigError,
    TgplError,
)

BUG_REPORT = "please report it with the output of `tgpl-git --debug ...`"
FORMAT = click.Choice(["text", "json"])
# The formats ai-training.toml may name; the export command says which are built.
EXPORT_CHOICES = ["tdmrep", "tdm-policy", "aipref", "robots", "rsl", "spdx", "markdown", "json"]


class _State:
    debug = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="tgpl-git")
@click.option(
    "-C",
    "directory",
    type=click.Path(file_okay=False, exists=True),
    help="Run as if tgpl-git was started in this folder.",
)
@click.option("--debug", is_flag=True, help="Show a traceback for unexpected errors.")
def cli(directory: str | None, debug: bool) -> None:
    """Adopt and keep a Training GPL in a git repository."""
    _State.debug = debug or _State.debug
    if directory:
        os.chdir(directory)


@cli.group()
def terms() -> None:
    """Validate and query ai-training.toml."""


@terms.command("validate")
@click.argument("file", required=False, type=click.Path(dir_okay=True))
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.option(
    "--sync", is_flag=True, help="Also regenerate the [export] files (exit 1 if one changed)."
)
def terms_validate(file: str | None, fmt: str, sync: bool) -> int:
    """Check FILE (default: the project's ai-training.toml) and report every problem."""
    from tgpl_git.commands.terms import validate_command

    output, code = validate_command(file, fmt)
    if sync and code == EXIT_CLEAN:
        from tgpl_git.commands.export import sync_project

        changed = sync_project()
        output += "".join(f"wrote {path}\n" for path in changed)
        code = EXIT_FINDINGS if changed else code
    return _emit(output, code)


@terms.command("show")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
def terms_show(paths: tuple[str, ...], fmt: str) -> int:
    """Show the terms that apply to each PATH (default: the project-wide terms)."""
    from tgpl_git.commands.terms import show_command

    return _emit(show_command(paths, fmt), EXIT_CLEAN)


@cli.command("headers")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--all", "all_files", is_flag=True, help="Every tracked file.")
@click.option("--check", "mode", flag_value="check", help="Change nothing; exit 1 on findings.")
@click.option("--diff", "mode", flag_value="diff", help="Show what a fix would change.")
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.option("-v", "--verbose", is_flag=True, help="Also list skipped files and why.")
def headers(
    paths: tuple[str, ...], all_files: bool, mode: str | None, fmt: str, verbose: bool
) -> int:
    """Add or update licence headers in PATHS (default: the files staged for commit)."""
    from tgpl_git.commands.headers import headers_command

    report = headers_command(paths, all_files, mode or "fix", fmt, verbose)
    click.echo(report.stderr, err=True, nl=False)
    return _emit(report.stdout, report.code)


@cli.group()
def consent() -> None:
    """Check and record contributors' consent to the training terms."""


@consent.command("check")
@click.option("--range", "range_text", metavar="A..B", help="Commits in B and not in A.")
@click.option("--message-file", type=click.Path(), help="Judge a message being committed.")
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
def consent_check(range_text: str | None, message_file: str | None, fmt: str) -> int:
    """Check that every commit carries its author's consent (default: @{upstream}..HEAD)."""
    from tgpl_git.commands.consent import check_command

    if range_text and message_file:
        raise click.UsageError("--range and --message-file do not go together")
    # sys.stdout.write, not click.echo: it flushes each time, a write call per finding.
    return check_command(range_text, message_file, fmt, sys.stdout.write)


@consent.command("status")
@click.option("--blame", is_flag=True, help="Also each author's share of today's lines.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
)
def consent_status(blame: bool, fmt: str) -> int:
    """Every author, their commits and their consent: the picture a relicensing needs."""
    from tgpl_git.commands.consent_status import status_command

    return _emit(status_command(blame, fmt), EXIT_CLEAN)


@consent.command("sign")
@click.option("--yes", is_flag=True, help="Consent without the question (for scripts).")
@click.option("--revoke", is_flag=True, help="Stop adding the trailer to new commits.")
def consent_sign(yes: bool, revoke: bool) -> int:
    """Read the training-consent statement and opt in to the trailer on your commits."""
    from tgpl_git.commands.consent_setup import sign_command

    ask = (
        (lambda prompt: click.prompt(prompt, default="", show_default=False))
        if (sys.stdin.isatty())
        else None
    )
    return _emit(sign_command(yes, revoke, ask), EXIT_CLEAN)


@consent.command("grant")
@click.argument("name")
@click.argument("email")
@click.option("--evidence", metavar="URL", help="Where the consent is recorded.")
@click.option("--date", metavar="YYYY-MM-DD", help="When it was given (default: today).")
def consent_grant(name: str, email: str, evidence: str | None, date: str | None) -> int:
    """Record consent given outside commits, in ai-training.toml."""
    from tgpl_git.commands.consent_setup import grant_command

    return _emit(grant_command(name, email, evidence, date), EXIT_CLEAN)


@cli.command("consent-trailer")
@click.argument("message_file", type=click.Path())
@click.argument("source", required=False)
@click.argument("commit", required=False)
def consent_trailer(message_file: str, source: str | None, commit: str | None) -> int:
    """prepare-commit-msg hook: add your consent trailer, if you opted in with consent sign."""
    from tgpl_git.commands.consent_setup import trailer_hook_command

    # Under pre-commit the message source comes in the environment, not as an argument.
    source = source or os.environ.get("PRE_COMMIT_COMMIT_MSG_SOURCE") or None
    click.echo(trailer_hook_command(message_file, source), err=True, nl=False)
    return EXIT_CLEAN


@cli.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_CHOICES))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--base-url", metavar="URL", help="Where the files are served, instead of [project] website."
)
def export(fmt: str, output: str | None, base_url: str | None) -> int:
    """Write the terms in FORMAT (json, markdown...), to stdout or to a file."""
    from tgpl_git.commands.export import export_command

    return _emit(export_command(fmt, output, base_url), EXIT_CLEAN)


def _checks(value: str | None) -> tuple[str, ...]:
    from tgpl_git.commands.check import CHECKS

    names = tuple(v.strip() for v in (value or "").split(",") if v.strip())
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise click.UsageError(f"unknown check {unknown[0]!r}: choose from {', '.join(CHECKS)}")
    return names


@cli.command("check")
@click.option("--range", "range_text", metavar="A..B", help="Commits to judge (default: from CI).")
@click.option("--only", metavar="CHECKS", help="Comma-separated: terms,headers,consent.")
@click.option("--skip", metavar="CHECKS", help="Comma-separated checks to leave out.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
)
def check(range_text: str | None, only: str | None, skip: str | None, fmt: str) -> int:
    """Run every check: the terms, every tracked file's header, every commit's consent."""
    from tgpl_git.commands.check import check_command

    return check_command(range_text, _checks(only), _checks(skip), fmt, sys.stdout.write)


@cli.command("install-hooks")
@click.option("--force", is_flag=True, help="Replace hooks that are not tgpl-git's.")
def install_hooks(force: bool) -> int:
    """Install plain git hooks (pre-commit, commit-msg, prepare-commit-msg) without pre-commit."""
    from tgpl_git.commands.install_hooks import install_hooks_command

    return _emit(install_hooks_command(force), EXIT_CLEAN)


@cli.command("init")
@click.option("--dry-run", is_flag=True, help="Print the plan; change nothing.")
@click.option("--diff", "show_diff", is_flag=True, help="Print what would change, as a diff.")
@click.option("--yes", is_flag=True, help="No questions: take the detected values.")
@click.option("--license", "license_", metavar="SPDX", help="The code's licence expression.")
@click.option("--holder", help="Copyright holder for new headers.")
@click.option(
    "--terms",
    default="LicenseRef-TGPL-1.0",
    show_default=True,
    metavar="ID",
    help="The training terms' id (another LicenseRef- text in LICENSES/).",
)
@click.option("--no-headers", is_flag=True, help="Leave the files' headers alone.")
@click.option(
    "--ci",
    type=click.Choice(["auto", "github", "gitlab", "none"]),
    default="auto",
    show_default=True,
    help="Which CI job to add.",
)
@click.option(
    "--hooks-repo",
    default="local",
    show_default=True,
    metavar="URL",
    help="Where pre-commit gets the hooks; local: the installed tgpl-git.",
)
@click.option("--hooks-rev", metavar="REV", help=f"Revision of --hooks-repo [v{__version__}].")
@click.option("--force", is_flag=True, help="Also change files with uncommitted changes.")
def init(
    dry_run: bool,
    show_diff: bool,
    yes: bool,
    license_: str | None,
    holder: str | None,
    terms: str,
    no_headers: bool,
    ci: str,
    hooks_repo: str,
    hooks_rev: str | None,
    force: bool,
) -> int:
    """Bring this project onto the training terms: terms, licence texts, headers, hooks, CI."""
    from tgpl_git.commands.init import Options
    from tgpl_git.commands.init_cli import run_init
    from tgpl_git.init.precommit import HookSource

    source = HookSource(hooks_repo, hooks_rev or f"v{__version__}")
    options = Options(license_, holder, terms, not no_headers, ci, source, force)
    return run_init(options, dry_run, show_diff, yes)


def _emit(output: str, code: int) -> int:
    click.echo(output, nl=False)
    return code


def _tolerant_stdout() -> None:
    """Paths are bytes to git: one that is not UTF-8 reaches us with lone surrogates
    (``os.fsdecode``). A UTF-8 stdout writes those bytes back as they were, as git does;
    another encoding escapes what it cannot write. Never an encoding error."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if reconfigure is not None:
        reconfigure(errors="surrogateescape" if encoding == "utf8" else "backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and map every outcome to an exit code; never lets a traceback escape."""
    _State.debug = os.environ.get("TGPL_GIT_DEBUG") == "1"
    _tolerant_stdout()
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            standalone_mode=False,
            prog_name="tgpl-git",
        )
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("tgpl-git: aborted", err=True)
        return 130
    except ConfigError as exc:
        from tgpl_git.findings import format_text

        click.echo(f"tgpl-git: error: {exc}", err=True)
        if exc.findings:
            click.echo(format_text(exc.findings), err=True, nl=False)
        return exc.exit_code
    except TgplError as exc:
        click.echo(f"tgpl-git: error: {exc}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`); nothing is left to say to it.
        sys.stderr.close()
        return EXIT_USAGE
    except Exception as exc:
        if isinstance(exc, OSError) and exc.filename is not None:
            # A file the system will not let us read or write (a full disk, a read-only
            # mount, a size limit): the user's to settle, not a bug.
            click.echo(f"tgpl-git: error: {exc.filename}: {exc.strerror or exc}", err=True)
            return EXIT_USAGE
        if _State.debug:
            import traceback  # only a crash with --debug pays for it

            traceback.print_exc()
        click.echo(f"tgpl-git: internal error: {type(exc).__name__}: {exc}; {BUG_REPORT}", err=True)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_CLEAN


def run() -> NoReturn:
    """The installed command: ``main``, its output flushed, and an exit that skips
    tearing the interpreter down. Freeing every module and object one by one costs a
    run about 15 ms (a tenth of a commit's hook) and leaves nothing behind that an
    exit does not: tgpl-git writes files whole as it goes, and keeps no handlers
    for the end."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away before the last of the output
        code = code or EXIT_USAGE
    with contextlib.suppress(OSError, ValueError):  # closed by main when a pipe broke
        sys.stderr.flush()
    os._exit(code)
