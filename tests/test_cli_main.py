"""pkgkit.cli.main: output that cannot be written is exit code 2; a cold lint imports little."""

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import REPO
from pkgkit import cli


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_exit_code_2(tmp_path):
    env = {**os.environ, "PKGKIT_CACHE_DIR": str(tmp_path / "cache")}
    go = str(REPO / "fixtures" / "go")
    with Path("/dev/full").open("w", encoding="utf-8") as full:
        result = subprocess.run(
            [sys.executable, "-m", "pkgkit", "lint", "--no-cache", go],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    assert result.returncode == 2


#: Modules a cold ``pkgkit lint`` of a clean package must not import: each costs milliseconds of
#: start-up (``dataclasses`` brings ``inspect``, ``ast``, ``dis``, ``tokenize``; ``shutil`` brings
#: ``bz2``, ``lzma``, ``fnmatch``) or belongs to another command, to a configured YAML file or to
#: a failing document (``pkgkit.schemas.validation``) only.
HEAVY = (
    "dataclasses",
    "inspect",
    "difflib",
    "pkgutil",
    "yaml",
    "jsonschema",
    "markdown_it",
    "hypothesis",
    "pytest",
    "concurrent.futures",
    "pkgkit.render.renderer",
    "pkgkit.schemas.validation",
    "pkgkit.lint.baseline",
    "pathlib",
    "jsonschema_rs",
    "shutil",
)


#: The start-up budget is for the installs that have markdown-it-pyrs: without it (no wheel for
#: this Python) READMEs are read with markdown-it-py, which imports typing, dataclasses, inspect...
needs_markdown_it_pyrs = pytest.mark.skipif(
    importlib.util.find_spec("markdown_it_pyrs") is None,
    reason="without markdown-it-pyrs READMEs are read with markdown-it-py (heavy imports)",
)


def heavy_imports(arguments: list[str], env: dict[str, str]) -> tuple[str, str]:
    """``pkgkit ARGUMENTS`` in a fresh interpreter: its exit code and the HEAVY modules it
    imported (last line of stdout), and its stderr.

    What start-up imported is forgotten first (an editable install's finder imports pathlib), so
    that an import by pkgkit shows.
    """
    script = (
        "import sys\n"
        f"for name in {HEAVY!r}:\n"
        "    sys.modules.pop(name, None)\n"
        "from pkgkit import cli\n"
        f"sys.argv = ['pkgkit', *{arguments!r}]\n"
        "code = cli.main()\n"
        f"print(code, sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    return result.stdout.splitlines()[-1], result.stderr


@needs_markdown_it_pyrs
def test_a_cold_lint_imports_nothing_heavy(tmp_path):
    """The start-up budget of README "Speed": a clean cold lint stays off the heavy modules."""
    go = str(REPO / "fixtures" / "go")
    env = {**os.environ, "PKGKIT_CACHE_DIR": str(tmp_path / "cache")}
    assert heavy_imports(["lint", "--no-cache", go], env)[0] == "0 []"


@needs_markdown_it_pyrs
def test_a_lint_that_stores_its_result_imports_nothing_heavy(tmp_path):
    """A user's usual runs: the result cache is on, the package is not in it yet, then it is."""
    package = tmp_path / "go"
    shutil.copytree(REPO / "fixtures" / "go", package)
    past = time.time() - 3600  # older than the cache's racy window: the result is stored
    for path in [package, *package.rglob("*")]:
        os.utime(path, (past, past))
    env = {**os.environ, "PKGKIT_CACHE_DIR": str(tmp_path / "cache")}
    for _ in ("storing the result", "answered from the cache"):
        assert heavy_imports(["lint", str(package)], env) == ("0 []", "")
        assert list((tmp_path / "cache").glob("v*/**/*.json"))  # the result was stored


@pytest.mark.parametrize("columns", [None, "50", "200", "0", "-3", "wide"])
def test_help_is_as_wide_as_shutil_measures_the_terminal(monkeypatch, columns):
    """argparse's formatter asks shutil; pkgkit's asks as shutil does, without importing it."""
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert cli._HelpFormatter("pkgkit")._width == argparse.HelpFormatter("pkgkit")._width


def test_help_follows_the_terminal_width(monkeypatch, capsys):
    lines = []
    for columns in ("60", "200"):
        monkeypatch.setenv("COLUMNS", columns)
        with pytest.raises(SystemExit):
            cli.main(["lint", "--help"])
        lines.append(capsys.readouterr().out.splitlines())
    narrow, wide = lines
    assert len(narrow) > len(wide)
    described = narrow[narrow.index("") :]  # the usage lines may be longer (unbreakable groups)
    assert max(len(line) for line in described) <= 58
