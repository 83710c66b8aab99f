"""``pkgkit test`` end to end (a subprocess: it runs its own pytest session) and the plugin."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import GO_FIXTURE, REPO
from pkgkit.cli import main
from pkgkit.testing.search import DEFAULT_MAX_EXAMPLES

BACKSLASH = REPO / "tests" / "fixtures" / "backslash-pkg"


def pkgkit(*args, cwd=REPO):
    return subprocess.run(
        [sys.executable, "-m", "pkgkit", "test", *args],
        cwd=cwd, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="module")
def go_run():
    return pkgkit(str(GO_FIXTURE))


def test_go_passes_with_instana_warnings(go_run):
    assert go_run.returncode == 0, go_run.stdout + go_run.stderr
    out = go_run.stdout
    assert "12 passed" in out
    assert "pkgkit warnings" in out
    assert "property 'parses' (the rendered text parses as JSON) fails in instana mode" in out
    assert "minimal counterexample: serviceinstanceid=" in out
    assert "go-runtime-metrics.json:52:27" in out
    assert "Traceback" not in out + go_run.stderr


def test_no_pytest_warning_reaches_the_user(go_run):
    """pkgkit reports what it finds; pytest's own warnings (its assertion rewriting) are noise."""
    assert "warnings summary" not in go_run.stdout
    assert "PytestAssertRewriteWarning" not in go_run.stdout + go_run.stderr
    assert go_run.stdout.rstrip().splitlines()[-1].startswith("12 passed in ")


def test_pytest_forces_no_garbage_collection():
    """pytest's unraisable-exception plugin is off: it ended each session with two full garbage
    collections over Hypothesis's heap (Python prints an exception ignored in a finalizer)."""
    probe = (
        "import gc, sys\n"
        "callers, collect = [], gc.collect\n"
        "def counted(*args):\n"
        "    callers.append(sys._getframe(1).f_globals.get('__name__'))\n"
        "    return collect(*args)\n"
        "gc.collect = counted\n"
        "from pkgkit.cli import main\n"
        "try:\n"
        f"    main(['test', {str(GO_FIXTURE)!r}, '--mode', 'json-safe', '--max-examples', '1'])\n"
        "finally:\n"
        "    print('collected by', sorted(set(callers)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    callers = result.stdout.rstrip().splitlines()[-1]
    assert callers.startswith("collected by ["), result.stdout
    assert "_pytest" not in callers


def test_json_safe_mode_alone_has_no_warning():
    result = pkgkit(str(GO_FIXTURE), "--mode", "json-safe", "--max-examples", "10")
    assert result.returncode == 0, result.stdout
    assert "7 passed" in result.stdout
    assert "pkgkit warnings" not in result.stdout
    # Nor one of pytest's ("Module already imported so cannot be rewritten; pkgkit").
    assert re.fullmatch(r"7 passed in [\d.]+s", result.stdout.splitlines()[-1]), result.stdout


def test_strict_turns_instana_warnings_into_failures():
    result = pkgkit(str(GO_FIXTURE), "--mode", "instana", "--max-examples", "20", "--strict")
    assert result.returncode == 1
    assert "FAILED" in result.stdout


def test_a_declared_schema_admitting_a_backslash_fails():
    result = pkgkit(str(BACKSLASH), "--mode", "instana")
    assert result.returncode == 1, result.stdout
    assert "minimal counterexample: servicename='\\\\', unset: serviceinstanceid" in result.stdout
    assert "backslash-pkg/dashboards/go-runtime-metrics.json:45:27" in result.stdout
    assert "Traceback" not in result.stdout


def test_a_failing_event_expectation_fails(tmp_path):
    root = tmp_path / "go"
    shutil.copytree(GO_FIXTURE, root)
    events = root / "tests" / "events.yaml"
    events.write_text(events.read_text().replace("fires: false", "fires: true", 1))
    result = pkgkit(str(root), "--mode", "json-safe", "--max-examples", "5")
    assert result.returncode == 1
    expected = "/tests/events.yaml:9:9: 'High Goroutine Count' at 300s: expected to fire"
    assert expected in result.stdout


def test_lint_errors_fail_the_lint_item(tmp_path):
    root = tmp_path / "go"
    shutil.copytree(GO_FIXTURE, root)
    (root / "events" / "broken.json").write_text("{")
    result = pkgkit(str(root), "--mode", "json-safe", "--max-examples", "5")
    assert result.returncode == 1
    assert "go::lint" in result.stdout
    assert "PKG001" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--max-examples", "0"],
        ["--mode", "fast"],
        ["does/not/exist"],
        ["--select", "NOPE"],
        ["--output", "report.txt"],
        ["--config", "tests/fixtures/backslash-pkg/README.md"],
    ],
)
def test_usage_errors_exit_2(args):
    result = pkgkit(str(GO_FIXTURE), *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_a_folder_without_packages_exits_2(tmp_path):
    result = pkgkit(str(tmp_path))
    assert result.returncode == 2
    assert "no packages found" in result.stderr


def collect(*args, cwd):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "-c", "/dev/null", "--rootdir", str(cwd), *args],
        cwd=cwd, capture_output=True, text=True, check=False,
    )
    return result.stdout


def test_pytest_collects_packages_only_when_asked(tmp_path):
    shutil.copytree(GO_FIXTURE, tmp_path / "packages" / "go")
    assert "::lint" not in collect(cwd=tmp_path)
    asked = collect("--pkgkit", cwd=tmp_path)
    assert "packages/go::lint" in asked
    assert "packages/go/dashboards/go-runtime-metrics.json::parses[instana]" in asked
    assert "packages/go/tests/events.yaml::events" in asked
    assert "packages/go::lint" in collect("packages/go", cwd=tmp_path)


def test_plain_pytest_shows_a_broken_configuration_without_traceback(tmp_path):
    shutil.copytree(GO_FIXTURE, tmp_path / "go")
    (tmp_path / "go" / ".pkgkit.yaml").write_text("variables:\n  x: 3\n")
    out = collect("--pkgkit", cwd=tmp_path)
    assert "pkgkit configuration error:" in out
    assert ".pkgkit.yaml:2:" in out
    assert "Traceback" not in out


def test_the_repository_test_run_does_not_collect_fixtures():
    assert not any(Path(REPO, "tests").glob("conftest_pkgkit*"))
    out = collect("tests/fixtures", cwd=REPO)
    assert "::lint" not in out


def test_help_states_the_default_number_of_examples(capsys):
    with pytest.raises(SystemExit):
        main(["test", "--help"])
    assert f"(default: {DEFAULT_MAX_EXAMPLES}, at most 10,000)" in " ".join(
        capsys.readouterr().out.split()
    )


def test_lint_imports_nothing_of_pkgkit_test():
    code = "from pkgkit.cli import main; main(['lint', '--help'])"
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules if m.startswith("
        "('hypothesis', 'pytest', '_pytest', 'pkgkit.testing', 'pkgkit.testing.evaluate')))))\n"
        + code
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.stdout.strip().endswith("[]"), result.stdout
