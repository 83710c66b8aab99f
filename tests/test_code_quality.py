"""The code stays ruff-clean and mypy-strict: checked as part of the one test command."""

import ast
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


_TEMPORARY = {"mkdtemp", "mkstemp", "TemporaryDirectory", "NamedTemporaryFile", "TemporaryFile"}


def _made_at_import(tree):
    """Lines of the calls making a temporary file or folder that run when the module is
    imported (outside any function body)."""
    lines = []
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Call):
            called = node.func
            name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
            if name in _TEMPORARY:
                lines.append(node.lineno)
        pending.extend(ast.iter_child_nodes(node))
    return sorted(lines)


def test_no_test_module_makes_a_temporary_folder_at_import():
    """A folder made at import is never removed (pytest's tmp_path and tmp_path_factory are);
    conftest.py's result cache is removed at exit."""
    found = {
        str(path.relative_to(REPO)): lines
        for path in sorted((REPO / "tests").rglob("*.py"))
        if path.name != "conftest.py"
        and (lines := _made_at_import(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}
