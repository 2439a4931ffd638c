# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tgpl-git headers`` on real repositories: selection, skip rules, fix, check, diff."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import tgpl_git.git
from tests.conftest import MINIMAL_TERMS, git
from tgpl_git.cli import main

# REUSE-IgnoreStart: header lines below are data, not this file's licence.
PY = "import os\n"
MARK = "AI training: permitted only if trained models are released as free software"
SIGNATURE = (  # an Authenticode signature block, shortened
    "# SIG # Begin signature block\r\n"
    "# MIIFuQYJKoZIhvcNAQcCoIIFqjCCBaYCAQExCzAJBgUrDgMCGgUAMGkGCisGAQQB\r\n"
    "# SIG # End signature block\r\n"
)
LFS_POINTER = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
    "size 12345\n"
)


def run(capsys: pytest.CaptureFixture[str], repo: Path, *args: str) -> tuple[int, str, str]:
    code = main(["-C", str(repo), "headers", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write(repo: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)


def add_all(repo: Path) -> None:
    git(repo, "add", "-A")


def test_fix_staged_files_then_nothing_to_do(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project, {"a.py": PY, "b.sh": "#!/bin/sh\necho\n", "unstaged.py": PY})
    git(project, "add", "a.py", "b.sh")
    code, out, err = run(capsys, project)
    assert code == 1
    assert out == "fixed a.py: header-missing\nfixed b.sh: header-missing\n"
    assert "2 files checked; 2 fixed" in err
    assert MARK in (project / "a.py").read_text()
    assert (project / "b.sh").read_text().startswith("#!/bin/sh\n# SPDX-FileCopyrightText: ")
    assert (project / "unstaged.py").read_text() == PY
    code, out, _ = run(capsys, project, "a.py", "b.sh")
    assert (code, out) == (0, "")


def test_check_all_reports_one_finding_per_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project, {"a.py": PY, "src/b.c": "int x;\n", "mixed.py": b"a = 1\r\nb = 2\n"})
    add_all(project)
    before = {p: (project / p).read_bytes() for p in ("a.py", "src/b.c", "mixed.py")}
    code, out, _ = run(capsys, project, "--all", "--check")
    assert code == 1
    assert "a.py:1: header-missing no licence header" in out
    assert "src/b.c:1: header-missing" in out
    assert "mixed.py: header-mixed-line-endings" in out
    assert "ai-training.toml:1: header-missing" in out
    assert {p: (project / p).read_bytes() for p in before} == before


def test_json_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"a.py": PY, "logo.png": b"\x89PNG\r\n\x1a\n\0\0"})
    add_all(project)
    code, out, _ = run(capsys, project, "--all", "--check", "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert {f["path"] for f in doc["findings"]} == {"a.py", "ai-training.toml"}
    assert doc["skipped"] == {"binary": 1, "licensing file": 2}
    code, out, _ = run(capsys, project, "--all", "--format", "json")
    assert {f["path"] for f in json.loads(out)["fixed"]} == {"a.py", "ai-training.toml"}


def test_diff_shows_and_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"a.py": PY})
    code, out, _ = run(capsys, project, "--diff", "a.py")
    assert code == 1
    assert out.startswith("--- a/a.py\n+++ b/a.py\n")
    assert f"+# {MARK}" in out
    assert (project / "a.py").read_text() == PY


def test_folders_expand_to_their_tracked_files(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project, {"src/a.py": PY, "src/sub/b.py": PY, "src/untracked.py": PY, "c.py": PY})
    git(project, "add", "src/a.py", "src/sub/b.py", "c.py")
    code, out, _ = run(capsys, project, "src")
    assert code == 1
    assert out == "fixed src/a.py: header-missing\nfixed src/sub/b.py: header-missing\n"
    assert (project / "c.py").read_text() == PY


def test_skip_rules(project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text(PY)
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS.replace("[terms]", '[headers]\nskip = ["legacy/*.sh"]\n\n[terms]')
        + '\n[[overrides]]\npath = "vendor/**"\nterms = "none"\n'
    )
    write(
        project,
        {
            "vendor/lib.py": PY,
            "legacy/old.sh": b"#!/bin/sh\necho caf\xe9\n",
            "gen/parser.py": PY,
            "third/x.py": PY,
            "marked.py": "# This file is @" + "generated by a tool.\n" + PY,
            "gen.go": "// Code generated by stringer; DO NOT " + "EDIT.\n\npackage x\n",
            "LICENSE": "MIT License\n",
            "COPYING.LESSER": "text\n",
            "bin.dat.py": b"\x00\x01\x02",
            "empty.py": "",
            "data.json": "{}\n",
            "strange.zzz": "?\n",
            "templates/page.html": "<p>{{ value }}</p>\n",
            "data/templates/default.org": "$if(title)$\n#+title: $title$\n$endif$\n$body$\n",
            "price.sh": 'echo "$for(x) costs $body$"\n',  # the path does not say template
            "old/GAME.BAS": '10 PRINT "HI"\r\n20 GOTO 10\r\n',
            "win/signed.ps1": "Write-Output 1\r\n" + "# pad\r\n" * 900 + SIGNATURE,
            "win/unsigned.ps1": "Write-Output 1\r\n",
            "term/charset.py": b'SWITCH = "\x0e\x0f"\n',
            "term/escape.py": b'CLEAR = "\x1b[2J\x0c"\n',  # ESC and form feed are text
            "new/game.bas": "' QuickBASIC needs no numbers\nPRINT 1\n",
            "assets/bundle.js": LFS_POINTER,
            "docs/license.rst": "The licence\n===========\n",
            ".gitattributes": "gen/** linguist-generated\nthird/** linguist-vendored=true\n",
        },
    )
    (project / "link.py").symlink_to(outside)
    add_all(project)
    code, out, _ = run(capsys, project, "--all", "-v")
    assert code == 1
    assert outside.read_text() == PY
    for path, reason in [
        ("vendor/lib.py", "excluded by ai-training.toml"),
        ("legacy/old.sh", "listed in [headers] skip"),
        ("gen/parser.py", "generated (.gitattributes)"),
        ("third/x.py", "vendored (.gitattributes)"),
        ("marked.py", "generated (marker)"),
        ("gen.go", "generated (marker)"),
        ("LICENSE", "licensing file"),
        ("COPYING.LESSER", "licensing file"),
        ("LICENSES/GPL-3.0-or-later.txt", "licensing file"),
        ("bin.dat.py", "binary"),
        ("empty.py", "empty"),
        ("data.json", "cannot hold a comment"),
        ("strange.zzz", "unknown file type"),
        ("link.py", "symbolic link"),
        ("templates/page.html", "template (a comment would be rendered)"),
        ("data/templates/default.org", "template (a comment would be rendered)"),
        ("assets/bundle.js", "Git LFS pointer (its content is not checked out)"),
        ("old/GAME.BAS", "numbered BASIC lines (a comment line would need a number)"),
        ("term/charset.py", "control characters (REUSE reads the file as binary)"),
        ("win/signed.ps1", "signed script (a change would void its signature)"),
    ]:
        assert f"skipped {path}: {reason}\n" in out
        assert f"fixed {path}:" not in out
    assert (project / "vendor/lib.py").read_text() == PY
    assert (project / "assets/bundle.js").read_text() == LFS_POINTER
    assert (project / "link.py").is_symlink()
    assert "fixed .gitattributes: header-missing" in out
    assert "fixed docs/license.rst: header-missing" in out  # a page about the licence
    assert "fixed price.sh: header-missing" in out
    assert "fixed new/game.bas: header-missing" in out
    assert "fixed term/escape.py: header-missing" in out
    assert "fixed win/unsigned.ps1: header-missing" in out


def test_a_tracked_folder_replaced_by_a_link_is_never_written_through(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(project, {"pkg/deep/a.py": PY, "pkg/b.py": PY, "top.py": PY})
    add_all(project)
    outside = tmp_path / "elsewhere"
    write(outside, {"deep/a.py": PY, "b.py": PY})
    for gone in ("pkg/deep/a.py", "pkg/b.py"):
        (project / gone).unlink()
    (project / "pkg/deep").rmdir()
    (project / "pkg").rmdir()
    (project / "pkg").symlink_to(outside)  # git still tracks pkg/b.py and pkg/deep/a.py
    for args in (["--all", "-v"], ["--all", "--diff"], ["pkg/b.py", "pkg/deep/a.py"]):
        _, out, _ = run(capsys, project, *args)
        assert "fixed pkg" not in out and "+++ b/pkg" not in out
        assert (outside / "b.py").read_text() == PY == (outside / "deep/a.py").read_text()
    assert sorted(p.name for p in outside.rglob("*")) == ["a.py", "b.py", "deep"]
    _, out, _ = run(capsys, project, "--all", "-v")
    assert "skipped pkg/b.py: behind a symbolic link\n" in out
    assert "skipped pkg/deep/a.py: behind a symbolic link\n" in out


def test_empty_files_and_sidecars_when_configured(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS + '\n[headers]\nempty-files = "annotate"\nuncommentable = "sidecar"\n'
    )
    # A generated data file gets no sidecar: its generator does not keep one up to date.
    generated = '{"_comment": "@' + 'generated by the build"}\n'
    write(project, {"empty.py": "", "data.json": "{}\n", "lock.json": generated})
    add_all(project)
    code, out, _ = run(capsys, project, "empty.py", "data.json", "lock.json", "-v")
    assert code == 1
    assert out == (
        "fixed empty.py: header-missing\nfixed data.json: header-missing\n"
        "skipped lock.json: generated (marker)\n"
    )
    assert not (project / "lock.json.license").exists()
    assert (project / "data.json").read_text() == "{}\n"
    sidecar = (project / "data.json.license").read_text()
    assert sidecar.startswith("SPDX-FileCopyrightText: ") and MARK in sidecar
    assert run(capsys, project, "empty.py", "data.json", "--check")[0] == 0


def test_a_fix_of_many_files_spread_over_processes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tgpl_git.headers.files import FIX_MIN_PARALLEL

    count = FIX_MIN_PARALLEL + 50
    files = {f"pkg{n % 7}/m{n}.py": f"value = {n}\n" for n in range(count)}
    # Written after their batch is judged, but a file longer than its head as it is read.
    big = "".join(f"value = {n}\n" for n in range(20_000))
    files.update({"frozen.py": PY, "run.sh": "#!/bin/sh\necho\n", "pkg3/big.py": big})
    write(project, files)
    (project / "frozen.py").chmod(0o444)
    (project / "run.sh").chmod(0o750)
    add_all(project)
    code, out, _ = run(capsys, project, "--all")
    assert code == 1
    assert out.count(": header-missing\n") == count + 3  # and ai-training.toml
    for name, text in files.items():
        data = (project / name).read_text()
        if name.startswith("pkg"):
            assert MARK in data and data.endswith(f"\n\n{text}")
    assert (project / "frozen.py").read_text() == PY
    script = (project / "run.sh").read_text()
    assert script.startswith("#!/bin/sh\n# SPDX-") and script.endswith("\n\necho\n")
    assert stat.S_IMODE((project / "run.sh").stat().st_mode) == 0o750
    assert not [p for p in project.rglob(".tgpl-*")]  # no temporary file left
    code, out, _ = run(capsys, project, "--all", "--check")
    assert out == "frozen.py:1: header-missing no licence header\n"


def test_outcomes_cross_processes_whole() -> None:
    import pickle

    from tgpl_git.findings import Finding
    from tgpl_git.headers.files import Outcome

    finding = Finding("header-missing", "no licence header", path="a.py", line=1)
    for outcome in (
        Outcome("a.py", finding=finding),
        Outcome("b.py", skipped="binary"),
        Outcome("c.py", finding=finding._replace(path="c.py"), changed=True, diff="--- c"),
    ):
        copy = pickle.loads(pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL))
        assert copy == outcome and type(copy.finding) is type(outcome.finding)


def test_mode_is_kept_and_read_only_files_are_reported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project, {"run.sh": "#!/bin/sh\necho\n", "frozen.py": PY})
    (project / "run.sh").chmod(0o755)
    (project / "frozen.py").chmod(0o444)
    code, out, _ = run(capsys, project, "run.sh", "frozen.py")
    assert stat.S_IMODE((project / "run.sh").stat().st_mode) == 0o755
    assert "frozen.py: header-read-only read-only file, not changed (header-missing)" in out
    assert (project / "frozen.py").read_text() == PY
    assert code == 1


def test_undecodable_and_utf16_files_are_reported_not_changed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project, {"latin.py": b"# caf\xe9\nx = 1\n", "wide.py": "x = 1\n".encode("utf-16")})
    code, out, _ = run(capsys, project, "latin.py", "wide.py")
    assert code == 1
    assert "latin.py:1: header-unreadable-encoding not UTF-8 (byte 5)" in out
    assert "wide.py: header-unreadable-encoding UTF-16 or UTF-32" in out
    assert (project / "latin.py").read_bytes() == b"# caf\xe9\nx = 1\n"


def test_a_missing_path_is_skipped(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, project, "nope.py", "-v")
    assert (code, out) == (0, "skipped nope.py: missing from the work tree\n")


def test_long_comment_runs_and_long_prologs(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    comments = "# a comment line\n" * 20_000 + "x = 1\n"
    matter = "---\n" + "key: value\n" * 30_000 + "---\nText\n"
    minified = "var a='" + "x" * 300_000 + "';"
    write(project, {"long.py": comments, "long.md": matter, "app.min.js": minified})
    code, out, _ = run(capsys, project, "long.py", "long.md", "app.min.js")
    assert code == 1
    assert "fixed long.py: header-missing" in out
    assert (project / "long.py").read_text().endswith(comments)
    assert "long.md: header-prolog-too-long" in out
    assert (project / "long.md").read_text() == matter
    assert "app.min.js: header-prolog-too-long no line break in the first 256 KiB" in out
    assert (project / "app.min.js").read_text() == minified


def test_a_huge_file_costs_a_head_and_one_splice(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "x = 1\n" * 500_000
    write(project, {"big.py": body})
    run(capsys, project, "big.py")
    data = (project / "big.py").read_text()
    assert data.endswith(body) and MARK in data[:400]


# Fixes one file in a process of its own and prints that process's peak memory (KiB).
PEAK = """
import resource, subprocess, sys
subprocess.run([sys.executable, "-m", "tgpl_git", "headers", sys.argv[1]], capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def test_a_huge_files_fix_is_streamed_not_held_in_memory(project: Path) -> None:
    import sys

    def peak(name: str) -> int:
        done = subprocess.run(
            [sys.executable, "-c", PEAK, name], cwd=project, capture_output=True, text=True
        )
        return int(done.stdout)

    write(project, {"small.py": PY})
    line = "value = compute(value)  # a line of a generated table\n"
    with (project / "huge.py").open("w") as out:
        for _ in range(48 * 1024 * 1024 // len(line)):
            out.write(line)
    size = (project / "huge.py").stat().st_size
    grown = peak("huge.py") - peak("small.py")
    assert grown < 16 * 1024, f"fixing a {size >> 20} MiB file took {grown >> 10} MiB more"
    assert (project / "huge.py").stat().st_size > size
    with (project / "huge.py").open() as fixed:
        assert MARK in fixed.read(400)


def test_outside_a_repository_or_without_terms(
    tmp_path: Path, git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, tmp_path)
    assert code == 2 and "not inside a git repository" in err
    code, _, err = run(capsys, git_repo, "--all")
    assert code == 2 and "ai-training.toml: no such file" in err


def test_bare_repository_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    code, _, err = run(capsys, bare)
    assert code == 2 and "not in a work tree" in err


def test_paths_with_odd_names(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "dir with space/caf\u00e9 \u2603.py"
    write(project, {name: PY})
    add_all(project)
    code, out, _ = run(capsys, project, "--all", "--check")
    assert code == 1
    assert f"{name}:1: header-missing" in out
    os.chdir(project)
    assert main(["headers", "--all"]) == 1
    assert MARK in (project / name).read_text()


def test_a_name_that_is_not_utf8_is_reported_byte_for_byte(project: Path) -> None:
    import sys

    name = b"caf\xe9.py"  # Latin-1, as an old archive may hold it
    (project / os.fsdecode(name)).write_bytes(PY.encode())
    add_all(project)
    # A UTF-8 terminal that refuses what is not UTF-8, as most desktops set it up.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}

    def tgpl(*args: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "tgpl_git", *args]
        return subprocess.run(command, cwd=project, capture_output=True, env=env)

    text = tgpl("headers", "--all", "--check")
    assert text.returncode == 1, text.stderr
    assert name + b":1: header-missing" in text.stdout  # the bytes git has
    document = tgpl("headers", "--all", "--check", "--format", "json")
    paths = [f["path"] for f in json.loads(document.stdout.decode("utf-8"))["findings"]]
    assert name in [os.fsencode(p) for p in paths]  # valid UTF-8, and nothing lost
    assert tgpl("headers", "--all").returncode == 1
    assert MARK.encode() in (project / os.fsdecode(name)).read_bytes()


def test_style_globs_templates_and_generated_annotate(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS
        + '\n[headers]\nholder = "Ada"\ntemplate = "header.txt"\ngenerated = "annotate"\n'
        + '[headers.styles]\n"**.tpl" = "html"\n'
    )
    write(
        project,
        {
            "header.txt": "This file is part of Example.\n"
            "SPDX-FileCopyrightText: {year} {holder}\nSPDX-License-Identifier: {expression}\n",
            "views/page.tpl": "<p>{{ x }}</p>\n",
            "gen.py": "# @" + "generated\nx = 1\n",
        },
    )
    code, out, _ = run(capsys, project, "views/page.tpl", "gen.py")
    assert code == 1 and "fixed gen.py" in out
    page = (project / "views/page.tpl").read_text()
    assert page.startswith("<!-- This file is part of Example. -->\n<!-- SPDX-FileCopyrightText: ")
    assert (
        "Ada -->\n<!-- SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0 -->\n"
        in page
    )
    assert run(capsys, project, "views/page.tpl", "gen.py", "--check")[0] == 0


def test_a_template_without_an_expression_is_a_configuration_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS + '\n[headers]\ntemplate = "header.txt"\n'
    )
    # The expression alone, without its tag, is no header REUSE or the check would know.
    for template in ("Copyright {holder}\n", "Licence: {expression}\n"):
        write(project, {"header.txt": template, "a.py": PY})
        code, _, err = run(capsys, project, "a.py")
        assert code == 2
        assert (
            "header.txt: the template must contain the line "
            "'SPDX-License-Identifier: {expression}'" in err
        )
    assert (project / "a.py").read_text() == PY


def test_a_template_with_empty_lines_and_prose_settles(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Read back after a prolog, such a header once came apart at its empty line: the
    # check called it outdated, and each fix moved a "#" line further down (or, in ERB,
    # added a second copy).
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS + '\n[headers]\nholder = "Ada"\ntemplate = "header.txt"\n'
    )
    template = (
        "SPDX-FileCopyrightText: {year} {holder}\n"
        "SPDX-License-Identifier: {expression}\n\n"
        "  This file is part of Example.\n"
        "  See LICENSE for details.\n\n"
        "{sentence}\n"
    )
    files = {"run.sh": "#!/bin/sh\necho hi\n", "page.erb": "<p><%= x %></p>\n", "a.py": PY}
    write(project, {"header.txt": template, **files})
    assert run(capsys, project, *files)[0] == 1
    fixed = {name: (project / name).read_bytes() for name in files}
    assert fixed["run.sh"].startswith(b"#!/bin/sh\n# SPDX-FileCopyrightText: ")
    assert b"Example.\n#   See LICENSE for details.\n#\n# AI training:" in fixed["run.sh"]
    assert fixed["page.erb"].count(b"SPDX-License-Identifier") == 1
    assert run(capsys, project, *files, "--check")[0] == 0
    assert run(capsys, project, *files)[0] == 0
    assert {name: (project / name).read_bytes() for name in files} == fixed


@pytest.mark.parametrize(
    ("template", "error"),
    [
        (
            "{holder}\nSPDX-License-Identifier: {expression}\n",
            "header.txt:1: '{holder}' is placeholders alone",
        ),
        (
            "SPDX-FileCopyrightText: {year} {holder}\nSPDX-FileCopyrightText: 2010 Acme\n"
            "SPDX-License-Identifier: {expression}\n",
            "header.txt: the template may have one SPDX-FileCopyrightText line",
        ),
        (
            "SPDX-FileContributor: Ada\nSPDX-License-Identifier: {expression}\n",
            "header.txt: the template may have no SPDX-FileContributor line",
        ),
    ],
)
def test_templates_no_header_could_be_read_back_from(
    project: Path, capsys: pytest.CaptureFixture[str], template: str, error: str
) -> None:
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS + '\n[headers]\ntemplate = "header.txt"\n'
    )
    write(project, {"header.txt": template, "a.py": PY})
    code, _, err = run(capsys, project, "a.py")
    assert code == 2 and error in err
    assert (project / "a.py").read_text() == PY


def test_a_template_without_a_year(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS + '\n[headers]\ntemplate = "header.txt"\n'
    )
    write(project, {"header.txt": "SPDX-License-Identifier: {expression}\n", "a.py": PY})
    assert run(capsys, project, "a.py")[0] == 1  # fixed
    assert (project / "a.py").read_text().startswith("# SPDX-License-Identifier: ")
    assert run(capsys, project, "a.py", "--check")[0] == 0  # once crashed the short way


@pytest.mark.parametrize("few", [1000, 0], ids=["asked-per-path", "listed-from-the-tree"])
def test_attributes_read_either_way_agree(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, few: int
) -> None:
    # A commit's few files are asked about one by one, many are listed per attribute
    # (as the whole tree always is): the two must skip the same files for the same reasons.
    monkeypatch.setattr(tgpl_git.git, "FEW_PATHS", few)
    attributes = (
        "gen/** linguist-generated\n"
        "gen/kept.py -linguist-generated\n"
        "third/** linguist-vendored=true\n"
        "third/own.py linguist-vendored=false\n"
        "*.pb.py linguist-generated=true linguist-vendored\n"
    )
    names = ["gen/a.py", "gen/kept.py", "third/x.py", "third/own.py", "b.py", "odd name\t.pb.py"]
    write(project, {".gitattributes": attributes, **dict.fromkeys(names, PY)})
    add_all(project)
    code, out, _ = run(capsys, project, *names, "--check", "-v")
    assert code == 1
    whole = run(capsys, project, "--all", "--check", "-v")[1].splitlines()
    assert set(out.splitlines()) <= set(whole)  # the whole tree, always listed: the same
    for path in ["gen/a.py", "odd name\t.pb.py"]:
        assert f"skipped {path}: generated (.gitattributes)\n" in out
    assert "skipped third/x.py: vendored (.gitattributes)\n" in out
    for path in ["gen/kept.py", "third/own.py", "b.py"]:
        assert f"{path}:1: header-missing" in out
    code, out, _ = run(capsys, project, *names)
    assert out.count("fixed ") == 3 and "fixed gen/kept.py" in out
    assert (project / "gen/a.py").read_text() == PY


def test_attributes_hold_when_pathspec_magic_is_switched_off_outside(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # git's attr: pathspec magic finds the files; GIT_LITERAL_PATHSPECS would disable it.
    monkeypatch.setenv("GIT_LITERAL_PATHSPECS", "1")
    monkeypatch.setattr(tgpl_git.git, "FEW_PATHS", 0)  # list them from the tree
    write(project, {"gen/current.py": PY})
    run(capsys, project, "gen/current.py")  # its header is current before it is marked
    write(project, {"gen/a.py": PY, "b.py": PY, ".gitattributes": "gen/** linguist-generated\n"})
    add_all(project)
    code, out, err = run(capsys, project, "--all", "--check", "-v")
    assert "skipped gen/a.py: generated (.gitattributes)\n" in out
    assert "skipped gen/current.py: generated (.gitattributes)\n" in out
    assert "b.py:1: header-missing" in out and code == 1
    assert "generated (.gitattributes) 2" in err


GO_RENDER = """package main

import (
\t"os"
\t"text/template"
)

// Renders the template on stdin as Helm would, with .Values.on true.
func main() {
\tsrc, _ := os.ReadFile("/dev/stdin")
\tt := template.Must(template.New("t").Parse(string(src)))
\tif err := t.Execute(os.Stdout, map[string]any{"Values": map[string]any{"on": true}}); err != nil {
\t\tos.Exit(1)
\t}
}
"""
CHART_TEMPLATE = "{{- if .Values.on -}}\napiVersion: v1\nkind: ConfigMap\n{{- end }}\n"


def test_a_helm_template_renders_the_same_manifest(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # "{{-" trims the white space before it: under a "#" header, the manifest's first
    # line would join the comment. A chart's templates take Go template comments.
    write(project, {"chart/templates/cm.yaml": CHART_TEMPLATE, "chart/values.yaml": "on: true\n"})
    add_all(project)
    code, out, _ = run(capsys, project, "--all")
    assert code == 1 and "fixed chart/templates/cm.yaml" in out
    fixed = (project / "chart/templates/cm.yaml").read_text()
    assert fixed.startswith("{{/* SPDX-FileCopyrightText: ") and fixed.endswith(CHART_TEMPLATE)
    assert (project / "chart/values.yaml").read_text().startswith("# SPDX-")  # plain YAML
    if shutil.which("go") is None:
        pytest.skip("needs go to render the template")
    (tmp_path / "render.go").write_text(GO_RENDER)
    rendered = [
        subprocess.run(
            ["go", "run", str(tmp_path / "render.go")],
            input=text,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for text in (CHART_TEMPLATE, fixed)
    ]
    assert rendered[0] == "apiVersion: v1\nkind: ConfigMap\n"
    assert rendered[1].lstrip("\n") == rendered[0]


def test_a_helm_template_with_a_hash_header_gets_the_template_comment(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As an earlier build wrote it: the same header, in the file's YAML comments.
    write(project, {"chart/templates/cm.yaml": CHART_TEMPLATE})
    add_all(project)
    (project / "ai-training.toml").write_text(
        MINIMAL_TERMS + '\n[headers.styles]\n"chart/templates/*" = "hash"\n'
    )
    run(capsys, project, "--all")
    assert (project / "chart/templates/cm.yaml").read_text().startswith("# SPDX-")
    (project / "ai-training.toml").write_text(MINIMAL_TERMS)
    code, out, _ = run(capsys, project, "--all")
    assert code == 1 and "fixed chart/templates/cm.yaml: header-wrong-style" in out
    fixed = (project / "chart/templates/cm.yaml").read_text()
    assert fixed.startswith("{{/* SPDX-") and fixed.endswith(CHART_TEMPLATE)
    assert "# SPDX" not in fixed


def test_a_jinja_file_whose_first_tag_trims_is_skipped(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = "{%- set port = 80 -%}\nweb:\n  port: {{ port }}\n"
    write(project, {"salt/web.sls": state})
    add_all(project)
    _, out, _ = run(capsys, project, "salt/web.sls", "-v")
    assert "skipped salt/web.sls: template whose first tag trims" in out
    assert (project / "salt/web.sls").read_text() == state


def _run_size_limited(project: Path, limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    """The command in a process whose files may not grow past ``limit`` bytes (Python
    ignores SIGXFSZ, so a longer write fails with EFBIG, as on a full disk)."""
    import resource

    return subprocess.run(
        [sys.executable, "-m", "tgpl_git", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)),
    )


def test_a_write_the_file_system_refuses_is_a_finding_and_changes_nothing(
    project: Path,
) -> None:
    # Past the limit: one file whose bytes a fix holds whole (written after its batch),
    # one read and written a piece at a time. Both stay as they were; the rest is fixed.
    whole, streamed = f"x = 1  # {'.' * 3000}\n", f"y = 2  # {'.' * 20000}\n"
    write(project, {"small.py": PY, "whole.py": whole, "streamed.py": streamed})
    add_all(project)
    done = _run_size_limited(project, 2048, "headers", "--all")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    for name in ("whole.py", "streamed.py"):
        assert (
            f"{name}: header-write-failed cannot write: File too large; "
            "not changed (header-missing)" in done.stdout
        )
    assert (project / "whole.py").read_text() == whole
    assert (project / "streamed.py").read_text() == streamed
    assert MARK in (project / "small.py").read_text()
    assert not [p for p in project.rglob(".tgpl-*")]  # no temporary file left


def test_a_refused_write_outside_the_headers_is_an_error_not_a_crash(project: Path) -> None:
    done = _run_size_limited(project, 16, "export", "json", "--output", "terms.json")
    assert done.returncode == 2, done.stderr
    assert done.stderr == "tgpl-git: error: terms.json: File too large\n"
    assert not (project / "terms.json").exists()
    assert not [p for p in project.rglob(".tgpl-*")]


def test_a_named_pipe_given_by_hand_is_skipped_not_waited_on(project: Path) -> None:
    # The shell's `*` passes every name, a pipe's too; git never tracks one.
    os.mkfifo(project / "pipe")
    write(project, {"a.py": PY})
    done = subprocess.run(
        [sys.executable, "-m", "tgpl_git", "-C", str(project), "headers", "-v", "pipe", "a.py"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr  # a.py was fixed
    assert "skipped pipe: not a regular file" in done.stdout
