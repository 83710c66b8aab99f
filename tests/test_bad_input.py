"""Bad input through the real command line: located findings or one clear line, never a traceback.

Each test runs ``python -m pkgkit lint`` in a subprocess (so start-up, argument parsing, the
reporters and the exit code are exercised as a user sees them) on a package built in tmp_path.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time

import pytest

from helpers import copy_go

HUGE_BYTES = 50 * 1024 * 1024


def run_lint(cwd, *args):
    """``pkgkit lint --format json ARGS`` in ``cwd``: (exit code, findings, stderr)."""
    result = subprocess.run(
        [sys.executable, "-m", "pkgkit", "lint", "--format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    found = json.loads(result.stdout) if result.stdout.strip() else []
    return result.returncode, found, result.stderr


def located(found):
    """``{(rule, path, line, column)}`` of a JSON report."""
    return {(f["rule"], f["path"], f["line"], f["column"]) for f in found}


def _write_huge(path):
    """A 50 MB JSON document, written in chunks."""
    chunk = b"x" * (1024 * 1024)
    with path.open("wb") as handle:
        handle.write(b'{"blob": "')
        for _ in range(HUGE_BYTES // len(chunk)):
            handle.write(chunk)
        handle.write(b'"}')


@pytest.fixture
def broken(tmp_path):
    """fixtures/go plus one file of every broken kind, and a file outside the package."""
    package = copy_go(tmp_path)
    events = package / "events"
    (events / "syntax.json").write_text('{\n  "name": "A",\n  "rules": [1,,]\n}\n')
    (events / "empty.json").write_text("")
    (events / "bom.json").write_bytes(b'\xef\xbb\xbf{"name": "B"}')
    (events / "latin1.json").write_bytes(b'{"name": "caf\xe9"}')
    (events / "array.json").write_text("[]")
    (events / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    _write_huge(events / "huge.json")
    outside = tmp_path / "outside.json"
    outside.write_text("{ this is not json")
    (events / "escape.json").symlink_to(outside)
    (events / "folder").symlink_to(package / "dashboards")
    (events / "zz-duplicate.json").write_text('{\n  "name": "High Goroutine Count"\n}\n')
    return package


def test_every_broken_file_is_a_located_finding_and_the_rest_is_still_linted(broken):
    started = time.monotonic()
    code, found, stderr = run_lint(broken.parent, "go")
    elapsed = time.monotonic() - started
    assert code == 1
    assert stderr == ""
    assert {
        ("PKG001", "go/events/syntax.json", 3, 15),
        ("PKG003", "go/events/empty.json", 1, 1),
        ("PKG002", "go/events/bom.json", 1, 1),
        ("PKG002", "go/events/latin1.json", 1, 14),
        ("PKG004", "go/events/array.json", 1, 1),
        ("PKG001", "go/events/deep.json", 1, 501),
        ("PKG005", "go/events/huge.json", 1, 1),
        ("PKG006", "go/events/escape.json", 1, 1),
        ("PKG007", "go/events/folder", 1, 1),
        ("PKG130", "go/events/zz-duplicate.json", 2, 11),
    } <= located(found)
    assert elapsed < 60


def test_a_link_out_of_the_package_is_never_read(broken):
    _, found, _ = run_lint(broken.parent, "go")
    about_link = {(f["rule"], f["message"]) for f in found if f["path"] == "go/events/escape.json"}
    assert about_link == {
        (
            "PKG006",
            f"symbolic link points outside the package (to {broken.parent / 'outside.json'});"
            " not followed",
        )
    }
    assert not [f for f in found if "outside.json" in f["path"]]


def test_lint_never_writes_into_the_package(broken):
    before = _snapshot(broken)
    run_lint(broken.parent, "go")
    assert _snapshot(broken) == before


def _snapshot(root):
    """Every entry under ``root``: mode, mtime and content hash (links are not followed)."""
    state = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        digest = None
        if path.is_file() and not path.is_symlink():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        state[path.relative_to(root).as_posix()] = (info.st_mode, info.st_mtime_ns, digest)
    return state


def test_an_unreadable_file_is_reported_and_the_others_linted(tmp_path):
    package = copy_go(tmp_path)
    secret = package / "events" / "secret.json"
    secret.write_text("{}")
    (package / "events" / "other.json").write_text("{")
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("running with privileges that read any file")
        code, found, stderr = run_lint(tmp_path, "go")
    finally:
        secret.chmod(0o644)
    assert code == 1
    assert stderr == ""
    assert {
        ("PKG005", "go/events/secret.json", 1, 1),
        ("PKG001", "go/events/other.json", 1, 2),
    } <= located(found)


def test_a_named_pipe_does_not_hang_the_linter(tmp_path):
    package = copy_go(tmp_path)
    os.mkfifo(package / "events" / "pipe.json")
    code, found, _ = run_lint(tmp_path, "go")
    assert code == 1
    assert located(found) == {("PKG005", "go/events/pipe.json", 1, 1)}


def test_missing_package_json_is_a_finding_and_content_is_still_linted(tmp_path):
    package = copy_go(tmp_path)
    (package / "package.json").unlink()
    (package / "events" / "bad.json").write_text("{")
    code, found, stderr = run_lint(tmp_path, "go")
    assert code == 1
    assert stderr == ""
    assert {("PKG010", "go/package.json", 1, 1), ("PKG001", "go/events/bad.json", 1, 2)} <= (
        located(found)
    )


def test_a_path_that_does_not_exist_is_one_line_and_exit_2(tmp_path):
    code, found, stderr = run_lint(tmp_path, "no-such-folder")
    assert code == 2
    assert found == []
    assert stderr == "pkgkit: error: no-such-folder: no such file or directory\n"


def test_a_folder_without_packages_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    code, found, stderr = run_lint(tmp_path, "empty")
    assert code == 2
    assert found == []
    assert stderr == "pkgkit: no packages found under empty\n"


def test_a_private_package_is_skipped_and_said_so(tmp_path):
    package = copy_go(tmp_path)
    (package / "package.json").write_text('{"name": "@instana-integration/go", "private": true}')
    (package / "events" / "bad.json").write_text("{")
    result = subprocess.run(
        [sys.executable, "-m", "pkgkit", "lint", "go"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    assert "PKG001" not in result.stdout
    assert "0 packages checked, 1 private skipped" in result.stdout
    assert result.stderr == ""


def test_the_clean_fixture_is_clean_through_the_command_line(tmp_path):
    copy_go(tmp_path)
    code, found, stderr = run_lint(tmp_path, "go")
    assert (code, found, stderr) == (0, [], "")


def test_a_readme_the_markdown_parser_panics_on_is_still_linted_exactly(tmp_path):
    """markdown-it-pyrs panics on "a [` b" (an unclosed code span after "["): markdown-it-py
    reads that README instead; findings after the line keep their place; Rust says nothing."""
    package = copy_go(tmp_path)
    readme = package / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = text.replace("\n## Dashboards\n", "\nSee a [` b here, and [a`b](c.\n\n## Dashboards\n")
    text = text.replace("| Go Runtime Metrics |", "| Go Runtime Metrics [` |")
    readme.write_text(text, encoding="utf-8")
    env = {**os.environ, "RUST_BACKTRACE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pkgkit", "lint", "--no-cache", "--format", "json", "go"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.stderr == ""
    found = json.loads(result.stdout)
    assert result.returncode == 0  # a README that disagrees with the content: a warning
    assert [(f["rule"], f["path"], f["line"], f["column"], f["message"]) for f in found] == [
        (
            "DOC001",
            "go/README.md",
            13,
            3,
            "README lists dashboard 'Go Runtime Metrics [`'; the closest dashboard, "
            "dashboards/go-runtime-metrics.json, is titled 'Go Runtime Metrics'",
        ),
    ]
