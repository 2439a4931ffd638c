# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""The command line: exit codes, the error boundary, and each command once through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_TERMS
from tgpl_git import __version__
from tgpl_git.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "No such command" in err


def test_validate_the_project_from_a_subfolder(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "src").mkdir()
    monkeypatch.chdir(project / "src")
    code, out, err = run(capsys, "terms", "validate")
    assert (code, out, err) == (0, "../ai-training.toml: valid\n", "")


def test_dash_c_runs_as_if_started_there(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-C", str(project), "terms", "validate")
    assert code == 0 and out == "ai-training.toml: valid\n"


def test_dash_c_to_a_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "-C", str(tmp_path / "nope"), "terms", "validate")
    assert code == 2 and "does not exist" in err


def test_invalid_terms_exit_2_with_every_problem(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS.replace('"conditional"', '"yes"').replace('name = "example"', 'nme = "x"')
    )
    code, out, _ = run(capsys, "-C", str(project), "terms", "validate")
    assert code == 2
    assert (
        "ai-training.toml:9: terms-value terms.training: expected one of allowed, conditional, "
        'disallowed; got "yes"' in out
    )
    assert (
        "ai-training.toml:4: terms-unknown-key project.nme: unknown key in [project]; "
        "did you mean 'name'?" in out
    )
    assert out.rstrip().endswith("3 errors, 0 warnings")


def test_warnings_do_not_fail(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "LICENSES" / "GPL-3.0-or-later.txt").unlink()
    code, out, _ = run(capsys, "-C", str(project), "terms", "validate")
    assert (
        code == 0
        and "terms-license-text warning: terms.code-license: GPL-3.0-or-later has no text" in out
    )


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "no such file"),
        (b"version = 1\n[terms\n", "bad.toml:2:7: terms-syntax invalid TOML"),
        (b"version = 1\xff\n", "not valid UTF-8"),
        (b"", "empty file"),
        (b"# padding\n" * 1_100_000, "larger than 1024 KiB"),
        (b"version = 2\n", "schema version 2 is not supported"),
        (b"dir", "is a directory"),
    ],
)
def test_bad_files_exit_2_with_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, fragment: str
) -> None:
    path = tmp_path / "bad.toml"
    if content == b"dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "terms", "validate", str(path))
    assert code == 2
    assert fragment in out + err
    assert "Traceback" not in out + err


def test_validate_json_reports_file_errors_as_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "terms", "validate", str(tmp_path / "x.toml"), "--format", "json")
    doc = json.loads(out)
    assert code == 2 and doc["version"] == 1 and doc["summary"] == {"errors": 1, "warnings": 0}
    assert doc["findings"][0]["rule"] == "terms-file"


OVERRIDE = '\n[[overrides]]\npath = "vendor/**"\nterms = "none"\ncode-license = "MIT"\n'


def test_show_paths_as_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "ai-training.toml").write_text(MINIMAL_TERMS + OVERRIDE)
    (project / "LICENSES" / "MIT.txt").write_text("MIT")
    code, out, _ = run(
        capsys, "-C", str(project), "terms", "show", "src/a.py", "vendor/x/y.c", "--format", "json"
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["project"]["name"] == "example"
    first, second = doc["files"]
    assert first["path"] == "src/a.py" and first["applies"] is True
    assert first["expression"] == "GPL-3.0-or-later AND LicenseRef-TGPL-1.0"
    assert first["conditions"]["weights-license"] == ["LicenseRef-TGPL-1.0"]
    assert second["applies"] is False and second["code-license"] == "MIT"
    assert second["overrides"] == [0] and second["expression"] == "MIT"


def test_show_text(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "ai-training.toml").write_text(MINIMAL_TERMS + OVERRIDE)
    (project / "LICENSES" / "MIT.txt").write_text("MIT")
    code, out, _ = run(capsys, "-C", str(project), "terms", "show", "vendor/x/y.c")
    assert code == 0
    assert out.splitlines()[:3] == [
        "vendor/x/y.c",
        "  training terms  none (an override excludes this path)",
        "  code licence    MIT",
    ]
    assert "overrides       #0 (vendor/**)" in out
    code, out, _ = run(capsys, "-C", str(project), "terms", "show")
    assert out.startswith("example (project-wide [terms])\n")
    assert "weights under   LicenseRef-TGPL-1.0" in out


def test_show_refuses_paths_outside_the_project(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "-C", str(project), "terms", "show", "../elsewhere.py")
    assert code == 2 and "outside the project" in err


def test_show_with_invalid_terms_lists_the_problems(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "ai-training.toml").write_text(MINIMAL_TERMS.replace("version = 1", "version = 0"))
    code, _, err = run(capsys, "-C", str(project), "terms", "show", "a.py")
    assert code == 2
    assert "ai-training.toml:1: terms-version" in err


def test_unexpected_errors_exit_3_without_traceback(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr("tgpl_git.commands.terms.check_file", boom)
    code, _, err = run(capsys, "-C", str(project), "terms", "validate")
    assert code == 3
    assert "internal error: RuntimeError: kaput; please report" in err
    assert "Traceback" not in err
    monkeypatch.setenv("TGPL_GIT_DEBUG", "1")
    code, _, err = run(capsys, "-C", str(project), "terms", "validate")
    assert code == 3 and "Traceback" in err


def test_real_subprocess_and_python_dash_m(project: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for command in (
        [sys.executable, "-m", "tgpl_git", "terms", "validate"],
        [sys.executable, "-m", "tgpl_git", "terms", "validate", "--format", "json"],
    ):
        done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["findings"] == []
    (project / "ai-training.toml").write_text("version = [\n")
    done = subprocess.run(
        [sys.executable, "-m", "tgpl_git", "terms", "validate"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 2
    assert "ai-training.toml:2:1: terms-syntax invalid TOML: Invalid value" in done.stdout
    assert "Traceback" not in done.stderr


def test_the_command_exits_without_teardown_yet_loses_no_output(project: Path) -> None:
    # The command leaves through os._exit: everything it printed must still arrive,
    # with its exit code, and a reader that stops early gets no traceback.
    from tests.conftest import git

    names = [f"src/m{i:04}.py" for i in range(2000)]
    for name in names:
        path = project / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("x = 1\n")
    git(project, "add", "-A")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    command = [sys.executable, "-m", "tgpl_git", "headers", "--all", "--check"]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    assert done.returncode == 1
    lines = done.stdout.splitlines()  # more than a pipe holds
    assert len(lines) == 2001 and lines[-1].startswith("src/m1999.py:1: header-missing")
    assert done.stderr.startswith("tgpl-git headers: 2001 files checked; 2001 to fix")
    with subprocess.Popen(
        command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as reader:
        assert reader.stdout is not None and reader.stderr is not None
        reader.stdout.readline()
        reader.stdout.close()  # as `| head -1` does
        err = reader.stderr.read()
    assert reader.returncode != 0
    assert b"Traceback" not in err and b"Exception ignored" not in err
