"""Resource bounds: event-test series, Hypothesis examples and dashboard widgets have documented
limits with a clear error past them (not minutes of work or gigabytes), each tested at and past
its limit; and ``pkgkit test`` keeps Hypothesis's files in pkgkit's cache folder, never in the
working tree."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from bad_input_helpers import pkgkit
from helpers import GO_FIXTURE, copy_go
from pkgkit.cli import build_parser
from pkgkit.model.jsonfile import MAX_WIDGETS, JsonFile, LoadErrorKind
from pkgkit.model.package import load_package
from pkgkit.testing import MAX_EXAMPLES
from pkgkit.testing.evaluate import MAX_SAMPLES
from pkgkit.testing.event_tests import run_test_file

SERIES = """\
series:
  - metric: go.goroutine.count
    values: "{values}"
expect:
  - event: High Goroutine Count
    at: 1m
    fires: false
"""


@pytest.fixture(scope="module")
def go():
    return load_package(str(GO_FIXTURE))


def _run(tmp_path, go, text):
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    problems = [p.split(":", 1)[1] for p in run_test_file(str(path), go)]
    assert time.monotonic() - started < 30  # generous: the bound is about work, not speed
    return problems


@pytest.mark.parametrize(
    "values", [f"800x{MAX_SAMPLES - 1}", f"_x{MAX_SAMPLES}", f"1 2x{MAX_SAMPLES - 2}"]
)
def test_a_series_at_the_bound_is_evaluated(tmp_path, go, values):
    assert _run(tmp_path, go, SERIES.format(values=values)) == []


@pytest.mark.parametrize(
    ("values", "column"),
    [
        ("1+1x100000000", 13),
        (f"800x{MAX_SAMPLES}", 13),
        (f"_x{MAX_SAMPLES + 1}", 13),
        ("1 2x99999 3", 13),
        ("1x" + "9" * 5000, 13),
    ],
    ids=["issue", "bound+1", "gaps+1", "terms", "digits"],
)
def test_a_series_past_the_bound_is_a_located_error(tmp_path, go, values, column):
    (problem,) = _run(tmp_path, go, SERIES.format(values=values))
    assert problem.startswith(f"3:{column}: values: ")
    assert "100,000 samples" in problem or "more than 15 digits" in problem


def test_series_adding_up_past_the_bound_are_a_located_error(tmp_path, go):
    half = MAX_SAMPLES // 2
    text = SERIES.format(values=f"1x{half}") .replace(
        "expect:", f'  - metric: go.goroutine.count\n    values: "1x{half}"\nexpect:'
    )
    assert _run(tmp_path, go, text) == [
        f"4:5: series: more than {MAX_SAMPLES:,} samples in one test, the most allowed"
    ]


def test_a_duration_of_thousands_of_digits_is_a_located_error(tmp_path, go):
    text = SERIES.format(values="1").replace("at: 1m", "at: " + "9" * 5000 + "s")
    (problem,) = _run(tmp_path, go, text)
    assert problem.startswith("6:9: at: duration 99999999999999999999... has more than 15 digits")


# --------------------------------------------------------------------------- examples


def test_max_examples_at_the_bound_is_accepted_and_past_it_refused(capsys):
    parser = build_parser("test")
    assert parser.parse_args(["test", "--max-examples", str(MAX_EXAMPLES)]).max_examples == (
        MAX_EXAMPLES
    )
    for bad in (str(MAX_EXAMPLES + 1), "1000000000", "0", "-1", "9" * 5000):
        with pytest.raises(SystemExit) as exited:
            parser.parse_args(["test", "--max-examples", bad])
        assert exited.value.code == 2
        assert f"expected a whole number from 1 to {MAX_EXAMPLES:,}" in capsys.readouterr().err


def test_the_pytest_option_has_the_same_bound(tmp_path):
    copy_go(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--pkgkit", "-p", "no:cacheprovider",
         "--pkgkit-max-examples", "1000000000", "go"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 4  # pytest's usage error
    assert f"expected a whole number from 1 to {MAX_EXAMPLES:,}" in result.stderr


# --------------------------------------------------------------------------- widgets


def _dashboard(tmp_path, count):
    widget = {"id": "w", "title": "t", "type": "chart", "x": 0, "y": 0, "width": 1, "height": 1}
    data = {"title": "D", "widgets": [{**widget, "id": f"w{i}"} for i in range(count)]}
    path = tmp_path / f"d{count}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return JsonFile(str(path), path.name, "dashboard")


def test_widgets_at_the_bound_are_checked_and_past_it_reported(tmp_path):
    assert _dashboard(tmp_path, MAX_WIDGETS).ok
    past = _dashboard(tmp_path, MAX_WIDGETS + 1)
    assert past.error is not None
    assert (past.error.kind, past.error.line, past.error.column) == (LoadErrorKind.TOO_LARGE, 1, 1)
    assert past.error.message == (
        "the dashboard has 1,001 widgets, more than pkgkit checks (1,000; Instana accepts 128);"
        " not checked"
    )


def test_a_dashboard_of_100000_widgets_is_one_finding_in_seconds(tmp_path):
    package = copy_go(tmp_path)
    dashboard = package / "dashboards" / "go-runtime-metrics.json"
    data = json.loads(dashboard.read_text(encoding="utf-8"))
    data["widgets"] = [dict(data["widgets"][0], id=f"w{i}", y=4 * i) for i in range(100_000)]
    dashboard.write_text(json.dumps(data), encoding="utf-8")
    started = time.monotonic()
    result = pkgkit(tmp_path, "lint", "--no-cache", "--format", "json", "--select", "PKG", "go")
    assert time.monotonic() - started < 60  # was 42 s of work (minutes on a loaded machine)
    assert [(f["rule"], f["path"]) for f in json.loads(result.stdout)] == [
        ("PKG005", "go/dashboards/go-runtime-metrics.json")
    ]


# --------------------------------------------------------------------------- Hypothesis's files


def _files_under(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.mark.parametrize(
    ("where", "command"),
    [
        ("go", ["-m", "pkgkit", "test", "--max-examples", "2", "--mode", "json-safe", "."]),
        ("go", ["-m", "pkgkit", "test", "--max-examples", "2", "--mode", "json-safe",
                "package.json", "dashboards/go-runtime-metrics.json"]),  # the pre-commit hook
        ("go", ["-m", "pytest", "--pkgkit", "-p", "no:cacheprovider", "--pkgkit-max-examples",
                "2", "--pkgkit-mode", "json-safe", "."]),
    ],
    ids=["pkgkit-test", "pkgkit-test-hook", "pytest-pkgkit"],
)
def test_hypothesis_keeps_its_files_in_the_cache_folder(tmp_path, where, command):
    copy_go(tmp_path)
    before = _files_under(tmp_path)
    cache = tmp_path.parent / f"{tmp_path.name}-cache"
    result = subprocess.run(
        [sys.executable, *command], cwd=tmp_path / where, capture_output=True, text=True,
        timeout=300, check=False, env={**__import__("os").environ, "PKGKIT_CACHE_DIR": str(cache)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert _files_under(tmp_path) == before
    assert (cache / "hypothesis").is_dir()


def test_hypothesis_stores_nothing_when_the_cache_folder_is_inside_a_package(tmp_path):
    package = copy_go(tmp_path)
    before = _files_under(tmp_path)
    result = pkgkit(
        package, "test", "--max-examples", "2", "--mode", "json-safe", ".",
        env={"PKGKIT_CACHE_DIR": str(package / ".cache")}, timeout=300,
    )
    assert result.returncode == 0, result.stdout
    assert _files_under(tmp_path) == before
