"""pkgkit.script: the console script runs the command line and keeps the code cache current."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO
from pkgkit import script as script_module

#: Runs the console script's run() on ``sys.argv[1:]`` and reports on stderr how many of
#: pkgkit's modules the code cache served.
DRIVER = (
    "import sys\n"
    "from pkgkit import script\n"
    "sys.argv = ['pkgkit', *sys.argv[1:]]\n"
    "code = script.run()\n"
    "loaders = [type(m.__spec__.loader).__name__ for n, m in list(sys.modules.items())"
    " if n.startswith('pkgkit.')]\n"
    "print('served', loaders.count('_CachedLoader'), file=sys.stderr)\n"
    "raise SystemExit(code)\n"
)


def pkgkit(cache: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PKGKIT_CACHE_DIR"] = cache
    return subprocess.run(
        [sys.executable, "-c", DRIVER, *arguments],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def served(result: subprocess.CompletedProcess[str]) -> int:
    return int(result.stderr.splitlines()[-1].removeprefix("served "))


@pytest.mark.parametrize(
    ("package", "exit_code"),
    [(REPO / "fixtures" / "go", 0), (REPO / "tests" / "fixtures" / "seed-go", 1)],
)
def test_the_second_run_is_served_from_the_code_cache_and_reports_the_same(
    tmp_path, package, exit_code
):
    cache = str(tmp_path / "cache")
    first = pkgkit(cache, "lint", "--no-cache", "--format", "json", str(package))
    second = pkgkit(cache, "lint", "--no-cache", "--format", "json", str(package))
    assert (first.returncode, second.returncode) == (exit_code, exit_code)
    assert second.stdout == first.stdout
    assert served(first) == 0
    assert served(second) > 40  # the command line, the model, the engine and every rule
    assert list((tmp_path / "cache").glob("code-*.marshal"))


def test_a_cache_folder_that_cannot_be_used_changes_nothing(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    go = str(REPO / "fixtures" / "go")
    result = pkgkit(str(blocker / "cache"), "lint", "--no-cache", go)
    assert result.returncode == 0
    assert result.stdout == "0 errors, 0 warnings, 1 package checked.\n"
    assert result.stderr == "served 0\n"


def test_python_dash_m_runs_the_console_script(tmp_path):
    env = {**os.environ, "PKGKIT_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pkgkit",
            "lint",
            "--no-cache",
            str(REPO / "tests" / "fixtures" / "seed-go"),
        ],
        capture_output=True,
        check=False,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert "MET001" in result.stdout


#: The console script's main() after an exit handler that says it ran.
EXITING = (
    "import atexit, sys\n"
    "from pkgkit import script\n"
    "atexit.register(lambda: print('teardown', file=sys.stderr))\n"
    "sys.argv = ['pkgkit', *sys.argv[1:]]\n"
    "raise SystemExit(script.main())\n"
)


def test_lint_exits_at_once_with_its_output_flushed_and_other_commands_tear_down(tmp_path):
    env = {**os.environ, "PKGKIT_CACHE_DIR": str(tmp_path / "cache")}
    seed = str(REPO / "tests" / "fixtures" / "seed-go")
    lint = subprocess.run(
        [sys.executable, "-c", EXITING, "lint", "--no-cache", "--format", "json", seed],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert lint.returncode == 1
    assert lint.stderr == ""
    assert any(item["severity"] == "error" for item in json.loads(lint.stdout))  # all arrived
    rules = subprocess.run(
        [sys.executable, "-c", EXITING, "rules"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert rules.returncode == 0
    assert "MET001" in rules.stdout
    assert rules.stderr == "teardown\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_exit_code_2(tmp_path):
    env = {**os.environ, "PKGKIT_CACHE_DIR": str(tmp_path / "cache")}
    go = str(REPO / "fixtures" / "go")
    with Path("/dev/full").open("w", encoding="utf-8") as full:
        result = subprocess.run(
            [sys.executable, "-c", EXITING, "lint", "--no-cache", go],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    assert result.returncode == 2


def test_the_first_collection_restores_the_collector_thresholds():
    script = (
        "import gc\n"
        "from pkgkit import script\n"
        "before, callbacks = gc.get_threshold(), len(gc.callbacks)\n"
        "script._raise_collector_threshold()\n"
        "raised = gc.get_threshold()[0]\n"
        "gc.collect()\n"
        "print(raised, gc.get_threshold() == before, len(gc.callbacks) == callbacks)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"{script_module.GC_THRESHOLD} True True"


@pytest.mark.skipif(
    importlib.util.find_spec("markdown_it_pyrs") is None,
    reason="with markdown-it-py (no markdown-it-pyrs wheel) the start creates more objects",
)
def test_a_cold_lint_runs_no_collection(tmp_path):
    """The raised threshold covers the start of a cold lint: no collection, none restored."""
    script = (
        "import gc, sys\n"
        "from pkgkit import script\n"
        f"sys.argv = ['pkgkit', 'lint', '--no-cache', {str(REPO / 'fixtures' / 'go')!r}]\n"
        "collections = []\n"
        "gc.callbacks.append(lambda phase, info: collections.append(phase))\n"
        "code = script.run()\n"
        "print(code, gc.get_threshold()[0], len(collections))\n"
    )
    env = {**os.environ, "PKGKIT_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.splitlines()[-1] == f"0 {script_module.GC_THRESHOLD} 0"
