"""Helpers of the bad-input tests: run the real command line, age files, read reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

#: Modification time given to a package's files so that the result cache stores its result
#: (a file changed in the last two seconds may change again unseen: not stored).
LONG_AGO = 1_600_000_000


def pkgkit(
    cwd: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """``python -m pkgkit ARGS`` in ``cwd`` (text, captured); a traceback fails the test."""
    result = subprocess.run(
        [sys.executable, "-m", "pkgkit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
        **kwargs,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def lint_json(cwd: Path, *args: str, **kwargs: Any) -> tuple[int, list[dict[str, Any]], str]:
    """``pkgkit lint --no-cache --format json ARGS``: (exit code, findings, stderr)."""
    result = pkgkit(cwd, "lint", "--no-cache", "--format", "json", *args, **kwargs)
    found = json.loads(result.stdout) if result.stdout.strip() else []
    return result.returncode, found, result.stderr


def located(found: list[dict[str, Any]]) -> set[tuple[str, str, int, int]]:
    """``{(rule, path, line, column)}`` of a JSON report."""
    return {(f["rule"], f["path"], f["line"], f["column"]) for f in found}


def old_files(root: Path) -> None:
    """Date every file and folder under ``root`` (and ``root``) long ago (links not followed)."""
    for path in [root, *root.rglob("*")]:
        os.utime(path, (LONG_AGO, LONG_AGO), follow_symlinks=False)
