"""pkgkit.cli.main: objects frozen for the exit only as the program; a cold lint imports little."""

import gc
import importlib.util
import os
import shutil
import subprocess
import sys
import time

import pytest

from helpers import REPO
from pkgkit import cli


def test_frozen_only_without_arguments(monkeypatch, capsys):
    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    go = str(REPO / "fixtures" / "go")
    assert cli.main(["lint", "--no-cache", go]) == 0
    assert calls == []
    monkeypatch.setattr(sys, "argv", ["pkgkit", "lint", "--no-cache", go])
    assert cli.main() == 0
    assert calls == ["freeze"]
    capsys.readouterr()


#: Modules a cold ``pkgkit lint`` of a clean package must not import: each costs milliseconds of
#: start-up (``dataclasses`` brings ``inspect``, ``ast``, ``dis``, ``tokenize``; ``shutil`` brings
#: ``bz2`` and ``lzma``; argparse, gettext and locale ~9 ms with the parser built) or belongs to
#: another command, to a configured YAML file or to a failing document
#: (``pkgkit.schemas.validation``) only.
HEAVY = (
    "dataclasses",
    "inspect",
    "shutil",
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
    "argparse",
    "gettext",
    "locale",
    "jsonschema_rs",
    "typing",
    "contextlib",
    "importlib",
    "warnings",
)


#: The start-up budget is for the installs that have markdown-it-pyrs: without it (no wheel for
#: this Python) READMEs are read with markdown-it-py, which imports typing, dataclasses, inspect...
needs_markdown_it_pyrs = pytest.mark.skipif(
    importlib.util.find_spec("markdown_it_pyrs") is None,
    reason="without markdown-it-pyrs READMEs are read with markdown-it-py (heavy imports)",
)


def heavy_imports(arguments: list[str], env: dict[str, str]) -> tuple[str, str]:
    """``pkgkit ARGUMENTS`` as the console script runs it, in a fresh interpreter: its exit code
    and the HEAVY modules it imported (last line of stdout), and its stderr.

    What start-up imported is forgotten first (an editable install's finder imports pathlib), so
    that an import by pkgkit shows.
    """
    script = (
        "import sys\n"
        f"for name in {HEAVY!r}:\n"
        "    sys.modules.pop(name, None)\n"
        "from pkgkit import script\n"
        f"sys.argv = ['pkgkit', *{arguments!r}]\n"
        "code = script.run()\n"
        f"print(code, sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    return result.stdout.splitlines()[-1], result.stderr


@needs_markdown_it_pyrs
def test_a_cold_lint_imports_nothing_heavy(tmp_path):
    """The start-up budget of README "Speed": a clean cold lint stays off the heavy modules,
    as the console script runs it, before the code cache is written and with it."""
    go = str(REPO / "fixtures" / "go")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PKGKIT_CACHE_DIR"] = str(tmp_path / "cache")
    for _ in ("without the code cache", "with it"):
        assert heavy_imports(["lint", "--no-cache", go], env)[0] == "0 []"
    assert list((tmp_path / "cache").glob("code-*.marshal"))


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
