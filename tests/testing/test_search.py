"""Hypothesis search: minimal counterexamples, severity by mode and declared schema, seeds; one
draw naming the properties a search would find a counterexample to."""

import json
import sys

import pytest

from helpers import GO_FIXTURE
from pkgkit.testing import search as search_module
from pkgkit.testing.properties import PROPERTIES, RENDER_MODES, load_template
from pkgkit.testing.search import SearchOptions, failing_properties, search

TEXT = '{"title": "{{ name }}", "tags": ["{{ other }}"]}'
FAST = SearchOptions(max_examples=30)


def template():
    return load_template("dashboards/t.json", "dashboard", TEXT, json.loads(TEXT))


def test_instana_breakage_is_a_warning_with_a_minimal_value():
    finding = search(template(), RENDER_MODES["instana"], "round-trip", {}, FAST)
    assert finding is not None
    assert not finding.is_error
    assert len(finding.values) == 1
    (value,) = finding.values.values()
    assert len(value) == 1
    report = finding.report()
    assert report.startswith("dashboards/t.json:1:")
    assert "property 'round-trip'" in report
    assert "instana mode" in report
    assert "minimal counterexample:" in report


def test_json_safe_finds_nothing():
    for prop in ("parses", "round-trip", "structure", "stable"):
        assert search(template(), RENDER_MODES["json-safe"], prop, {}, FAST) is None


def test_a_declared_schema_admitting_the_value_makes_it_an_error():
    declared = {"name": {"type": "string", "pattern": "^[a-z\\\\]{1,5}$"}}
    finding = search(template(), RENDER_MODES["instana"], "parses", declared, FAST)
    assert finding.is_error
    assert finding.values == {"name": "\\"}
    assert finding.culprits == ("name",)
    assert "unset: other" in finding.report()


def test_a_declared_schema_excluding_breakages_passes():
    declared = {n: {"type": "string", "pattern": "^[a-z]{1,8}$"} for n in ("name", "other")}
    for prop in ("parses", "round-trip", "structure", "stable"):
        assert search(template(), RENDER_MODES["instana"], prop, declared, FAST) is None


def test_non_string_schemas_pass_their_json_text():
    declared = {"name": {"type": "integer"}, "other": {"type": "integer"}}
    assert search(template(), RENDER_MODES["instana"], "round-trip", declared, FAST) is None


def test_a_seed_reproduces_a_run():
    options = SearchOptions(max_examples=30, seed=1234)
    first = search(template(), RENDER_MODES["instana"], "parses", {}, options)
    again = search(template(), RENDER_MODES["instana"], "parses", {}, options)
    assert first.values == again.values


@pytest.mark.parametrize("mode", list(RENDER_MODES))
@pytest.mark.parametrize(
    "declared",
    [{}, {"name": {"type": "string", "pattern": "^[a-z\\\\]{1,5}$"}}],
    ids=["undeclared", "one declared"],
)
@pytest.mark.parametrize("seed", [None, 1234])
def test_one_draw_names_the_properties_whose_search_finds_a_counterexample(mode, declared, seed):
    options = SearchOptions(max_examples=30, seed=seed)
    failing = failing_properties(template(), [RENDER_MODES[mode]], declared, options)[mode]
    searched = {
        prop
        for prop in PROPERTIES
        if search(template(), RENDER_MODES[mode], prop, declared, options) is not None
    }
    assert failing == searched
    assert bool(failing) is (mode == "instana")


def test_the_go_dashboard_breaks_three_properties_in_instana_mode_and_none_in_json_safe():
    text = (GO_FIXTURE / "dashboards" / "go-runtime-metrics.json").read_text(encoding="utf-8")
    go = load_template("dashboards/go-runtime-metrics.json", "dashboard", text, json.loads(text))
    modes = list(RENDER_MODES.values())
    assert failing_properties(go, modes, {}, SearchOptions()) == {
        "instana": {"parses", "round-trip", "stable"},
        "json-safe": frozenset(),
    }


@pytest.mark.parametrize(
    "declared",
    [{}, {"name": {"type": "string", "pattern": "^[a-z\\\\]{1,5}$"}}],
    ids=["undeclared", "one declared"],
)
@pytest.mark.parametrize("seed", [None, 1234])
def test_one_draw_serves_every_mode(monkeypatch, declared, seed):
    """Nothing fails the draw, so it draws the same examples in each mode: the modes' results
    from one draw per set of variables are each mode's own draw's."""
    options = SearchOptions(max_examples=30, seed=seed)
    alone = {
        mode.name: failing_properties(template(), [mode], declared, options)[mode.name]
        for mode in RENDER_MODES.values()
    }
    draws = []
    real = search_module._search

    def counted(*args, **kwargs):
        draws.append(kwargs["names"])
        return real(*args, **kwargs)

    monkeypatch.setattr(search_module, "_search", counted)
    assert failing_properties(template(), list(RENDER_MODES.values()), declared, options) == alone
    # instana searches the declared variables alone first, then all of them, as json-safe does
    assert draws == ([["name"]] if declared else []) + [["name", "other"]]


def test_shrinking_runs_the_property_untraced(monkeypatch):
    """Hypothesis's explain phase would trace every run after the first failure (sys.settrace
    before Python 3.12, sys.monitoring after) to annotate a report pkgkit never shows."""
    untraced = sys.gettrace()
    check = PROPERTIES["round-trip"][1]
    seen = []

    def watched(template, mode, values):
        monitored = hasattr(sys, "monitoring") and any(
            sys.monitoring.get_tool(tool) == "scrutineer" for tool in range(6)
        )
        seen.append(sys.gettrace() is not untraced or monitored)
        return check(template, mode, values)

    monkeypatch.setitem(PROPERTIES, "round-trip", (PROPERTIES["round-trip"][0], watched))
    finding = search(template(), RENDER_MODES["instana"], "round-trip", {}, FAST)
    assert finding is not None
    assert len(seen) > 2
    assert not any(seen)
