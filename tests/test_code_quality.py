"""The code stays ruff-clean and mypy-strict: checked as part of the one test command."""

import importlib.util
import shutil
import subprocess
import sys

import pytest

from helpers import REPO


def _tool(name):
    path = shutil.which(name, path=str(REPO / ".venv" / "bin")) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return path


def test_ruff_reports_nothing():
    result = subprocess.run(
        [_tool("ruff"), "check", "src", "tests", "bench", "noxfile.py"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_reports_nothing():
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install -e '.[dev]')")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "src/pkgkit"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
