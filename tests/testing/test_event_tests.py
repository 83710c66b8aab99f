"""The tests/*.yaml format: expectations checked, every mistake located at its YAML node."""

import pytest

from helpers import GO_FIXTURE
from pkgkit.model.package import load_package
from pkgkit.testing.event_tests import run_test_file


@pytest.fixture(scope="module")
def go():
    return load_package(str(GO_FIXTURE))


def run(tmp_path, go, text):
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return [p.split(":", 1)[1] for p in run_test_file(str(path), go)]


def test_the_go_fixture_tests_pass(go):
    assert run_test_file(str(GO_FIXTURE / "tests" / "events.yaml"), go) == []


GOOD = """\
series:
  - metric: go.goroutine.count
    values: [900, 1100, 1200, 1300, 1400, 1500]
expect:
  - event: High Goroutine Count
    at: 5m
    fires: {fires}
"""


def test_a_single_test_at_the_top_level(tmp_path, go):
    assert run(tmp_path, go, GOOD.format(fires="true")) == []


def test_a_mismatch_names_the_expectation_line_and_the_values(tmp_path, go):
    (problem,) = run(tmp_path, go, GOOD.format(fires="false"))
    assert problem.startswith("5:5: 'High Goroutine Count' at 300s: expected to stay silent")
    assert "avg over 300s = 1233.33, condition > 1000" in problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tests: [", "1:9: invalid YAML"),
        ("", "1:1: the file is empty"),
        ("tests: {}", "1:8: tests: expected a list"),
        ("tests:\n  - serie: []\n", "2:5: test: unknown key 'serie' (did you mean 'series'?)"),
        ("tests:\n  - expect: []\n", "2:5: test: 'series' is missing"),
        (
            "series:\n  - metric: go.goroutine.count\n    values: 1+x\nexpect: []\n",
            "3:13: values: invalid value '1+x'",
        ),
        (
            "series:\n  - metric: go.goroutine.count\n    values: [1, yes]\nexpect: []\n",
            "3:17: values: True is not a number",
        ),
        (
            "interval: 5 minutes\nseries: []\nexpect: []\n",
            "1:11: interval: invalid duration '5 minutes'",
        ),
        (
            "series:\n  - metric: go.goroutines\n    values: 1\nexpect: []\n",
            "2:13: series 'go.goroutines' feeds no event rule",
        ),
        (
            "series: []\nexpect:\n  - event: High Goroutine Cout\n    at: 1m\n    fires: true\n",
            "3:12: no event named 'High Goroutine Cout' in the package "
            "(did you mean 'High Goroutine Count'?)",
        ),
        (
            "series: []\nexpect:\n  - event: High Goroutine Count\n    at: 1m\n    fires: maybe\n",
            "5:12: expect: 'fires' must be true or false",
        ),
        (
            "series: []\nexpect:\n  - event: High Goroutine Count\n    fires: true\n",
            "3:5: expect: 'at' is missing",
        ),
    ],
)
def test_format_errors_are_located(tmp_path, go, text, expected):
    problems = run(tmp_path, go, text)
    assert any(p.startswith(expected) for p in problems), problems


def test_every_bad_expectation_is_reported(tmp_path, go):
    text = (
        "series: []\nexpect:\n"
        "  - {event: Nope, at: 1m, fires: true}\n"
        "  - {event: High Goroutine Count, at: 1m, fires: true}\n"
    )
    problems = run(tmp_path, go, text)
    assert [p.split(":")[0] for p in problems] == ["3", "4"]


def test_tags_cannot_run_code(tmp_path, go):
    text = "series: []\nexpect:\n  - {event: !!python/name:os.system '', at: 1m, fires: true}\n"
    (problem,) = run(tmp_path, go, text)
    assert problem.startswith("3:13: invalid value: could not determine a constructor")


def test_anchors_and_aliases_are_refused_where_they_stand(tmp_path, go):
    bomb = 'a: &a ["x", "x"]\nb: &b [*a, *a]\nc: [*b, *b]\n'
    assert run(tmp_path, go, bomb) == ["1:4: YAML anchors and aliases are not allowed"]
