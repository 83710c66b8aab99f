"""Integers too long for Python's ``int()`` (4,300 digits by default) are read as Instana's CLI
reads them (``JSON.parse``: a float, ``Infinity`` past about 1.8e308) by every reader, not only
lint's: rendering (``pkgkit render``, both modes), the render properties of ``pkgkit test`` and
``pkgkit ci``'s reading of the base revision's package.json. Each was a false failure quoting
Python's limit ("use sys.set_int_max_str_digits()"), or in ci a silently skipped CI001.
"""

from __future__ import annotations

import json
import math
import sys

import pytest

from bad_input_helpers import pkgkit
from gitrepo import GIT_ENV, commit_all, init_repo
from helpers import copy_go
from pkgkit.render.renderer import parse_json
from pkgkit.testing.properties import PROPERTIES, RENDER_MODES, load_template

LIMIT = sys.get_int_max_str_digits()
DIGITS = "9" * 5000
DASHBOARD = '{"title": "{{ name }}", "widgets": [], "x": %s}'


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        ("9" * LIMIT, int("9" * LIMIT)),  # at Python's limit: an exact int
        ("1" + "0" * LIMIT, 1e4300 if LIMIT == 4300 else float("1" + "0" * LIMIT)),  # past it
        (DIGITS, math.inf),
        ("-" + DIGITS, -math.inf),
    ],
    ids=["at-the-limit", "past-the-limit", "5000-digits", "negative"],
)
def test_parse_json_reads_integers_as_javascript_does(literal, value):
    assert parse_json(f'{{"x": [{literal}]}}') == {"x": [value]}


@pytest.mark.parametrize("text", ["NaN", "[Infinity]", '{"x": -Infinity, "y": ' + DIGITS + "}"])
def test_parse_json_still_rejects_what_json_parse_rejects(text):
    with pytest.raises(ValueError, match="is not JSON"):
        parse_json(text)


def test_parse_json_still_raises_syntax_errors_beside_a_huge_integer():
    with pytest.raises(json.JSONDecodeError, match="Expecting property name") as raised:
        parse_json('{"x": ' + DIGITS + ",}")
    assert raised.value.pos == 5007


@pytest.mark.parametrize("mode", list(RENDER_MODES))
@pytest.mark.parametrize("prop", list(PROPERTIES))
def test_every_render_property_holds_for_a_template_with_a_huge_integer(prop, mode):
    text = DASHBOARD % DIGITS
    template = load_template("d.json", "dashboard", text, parse_json(text))
    assert template is not None
    assert PROPERTIES[prop][1](template, RENDER_MODES[mode], {"name": "a"}) is None


@pytest.mark.parametrize("mode", ["instana", "json-safe"])
def test_render_keeps_a_huge_integer_as_written(tmp_path, mode):
    package = copy_go(tmp_path)
    dashboard = package / "dashboards" / "go-runtime-metrics.json"
    text = dashboard.read_text(encoding="utf-8").replace('"x": 0,', f'"x": {DIGITS},', 1)
    dashboard.write_text(text, encoding="utf-8")
    result = pkgkit(
        tmp_path, "render", "go", "--mode", mode, "--set", "servicename=a",
        "--set", "serviceinstanceid=b", "--file", "dashboards/go-runtime-metrics.json",
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert f'"x": {DIGITS},' in result.stdout


def test_ci_reads_the_base_version_beside_a_huge_integer(tmp_path):
    repo = init_repo(tmp_path / "repo")
    manifest = copy_go(repo) / "package.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps(data)[:-1] + f', "size": {DIGITS}}}', encoding="utf-8")
    commit_all(repo, "go with a huge number in its package.json")
    (repo / "go" / "README.md").write_text("# changed\n", encoding="utf-8")
    result = pkgkit(repo, "ci", "--base", "HEAD", "--no-test", "--select", "CI001",
                    "--format", "json", env=GIT_ENV)
    assert result.returncode == 1
    assert [(f["rule"], f["path"]) for f in json.loads(result.stdout)] == [
        ("CI001", "go/package.json")
    ]


@pytest.mark.parametrize(
    ("literal", "reads"),
    [
        (DIGITS, "Infinity and JSON.stringify writes null"),
        ("0." + "1" * 5000, "0.1111111111111111"),
    ],
    ids=["5000-digit-integer", "5000-digit-fraction"],
)
def test_fmt_quotes_a_huge_number_it_refuses_by_its_first_digits(tmp_path, literal, reads):
    """As a schema message quotes a long value (57 characters and '...'), not all 5,000."""
    event = copy_go(tmp_path) / "events" / "high-goroutine-count.json"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace('"conditionValue": 1000', f'"conditionValue": {literal}', 1),
                     encoding="utf-8")
    result = pkgkit(tmp_path, "fmt", "--check", "go/events/high-goroutine-count.json")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "go/events/high-goroutine-count.json:14:25: cannot format without loss: JavaScript reads"
        f" {literal[:57]}... as {reads}"
    )
