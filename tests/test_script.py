"""pkgkit.script: the console script runs the command line and keeps the code cache current."""

import os
import subprocess
import sys

import pytest

from helpers import REPO

#: Runs the console script's main() on ``sys.argv[1:]`` and reports on stderr how many of
#: pkgkit's modules the code cache served.
DRIVER = (
    "import sys\n"
    "from pkgkit import script\n"
    "sys.argv = ['pkgkit', *sys.argv[1:]]\n"
    "code = script.main()\n"
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
