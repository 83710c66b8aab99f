"""Shared test helpers: build small packages, lint them, compare findings in one line."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from pkgkit.diagnostics import Diagnostic
from pkgkit.lint.config import Config
from pkgkit.lint.engine import check_package
from pkgkit.model.package import load_package

REPO = Path(__file__).resolve().parents[1]
GO_FIXTURE = REPO / "fixtures" / "go"
TEST_FIXTURES = REPO / "tests" / "fixtures"


def write_package(root: Path, files: dict[str, Any]) -> Path:
    """Write ``{relpath: text-or-JSON-value}`` under ``root``; dict/list values are dumped."""
    for relpath, content in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
    return root


def copy_go(tmp_path: Path) -> Path:
    """A private copy of fixtures/go to mutate."""
    target = tmp_path / "go"
    shutil.copytree(GO_FIXTURE, target)
    return target


def copy_fixture(tmp_path: Path, name: str) -> Path:
    """A private copy of the test package ``tests/fixtures/<name>`` to mutate."""
    target = tmp_path / name
    shutil.copytree(TEST_FIXTURES / name, target)
    return target


def edit_json(path: Path, edit: Any) -> None:
    """Load a JSON file, let ``edit(data)`` mutate it, write it back (2-space indent)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def lint(root: Path, select: str | None = None, **options: Any) -> list[Diagnostic]:
    """Diagnostics of one package, optionally only rules starting with ``select``."""
    config = Config(select=(select,) if select else (), **options)
    cwd = Path.cwd()
    os.chdir(root)
    try:
        diagnostics, crashes = check_package(load_package("."), config)
    finally:
        os.chdir(cwd)
    assert not crashes, crashes
    return diagnostics


def findings(diagnostics: list[Diagnostic]) -> list[tuple[str, str, int]]:
    """``[(code, path relative to the package, line), ...]``: the one-line comparison form."""
    return [(d.code, d.path, d.line) for d in diagnostics]


def edit_text(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a text file (fails when it is not there)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def run_cli(capsys: Any, *argv: str) -> tuple[int, str, str]:
    """``pkgkit argv...`` in-process: (exit code, stdout, stderr)."""
    from pkgkit.cli import main  # noqa: PLC0415

    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def go_with_duplicate_key(tmp_path: Path) -> Path:
    """fixtures/go copied under a fresh repository root (``tmp_path/.git``: configuration above
    it is never read), its dashboard repeating ``"title"`` at line 4 (one PKG008 finding)."""
    (tmp_path / ".git").mkdir(exist_ok=True)
    package = copy_go(tmp_path)
    line = '  "title": "Go Runtime Metrics",\n'
    edit_text(package / "dashboards" / "go-runtime-metrics.json", line, line * 2)
    return package


def fixes(root: Path, select: str, *, unsafe: bool = False) -> dict[str, str]:
    """``lint --fix`` of the rules starting with ``select``, nothing written: ``{path relative
    to the package: its text after the fixes}`` of each file the fixes change."""
    from pkgkit.lint.engine import fix_package  # noqa: PLC0415

    outcome = fix_package(str(root), Config(select=(select,)), unsafe=unsafe)
    assert not outcome.crashes, outcome.crashes
    assert not outcome.failed, outcome.failed
    return {
        Path(path).relative_to(root).as_posix(): after
        for path, (_, after) in outcome.changes.items()
    }


def inserted(before: str, after: str) -> str:
    """The one run of text ``after`` adds to ``before`` (every other character kept)."""
    start = 0
    while start < len(before) and before[start] == after[start]:
        start += 1
    added = after[start : len(after) - (len(before) - start)]
    assert after == before[:start] + added + before[start:], "more than one insertion"
    return added


def _no_space(descriptor: int) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _denied(*args: object, **kwargs: object) -> tuple[int, str]:
    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))


#: ``(monkeypatch.setattr arguments, the reason a writer reports)`` for a write that fails: a
#: full disk (fsync fails) and an unwritable folder (no temporary file can be created beside
#: the file; simulated, as root writes read-only files anyway).
WRITE_FAILURES = [
    ((os, "fsync", _no_space), "No space left on device"),
    ((tempfile, "mkstemp", _denied), "Permission denied"),
]
