import re

from hypothesis import given
from hypothesis import strategies as st

from helpers import copy_go, edit_json, findings, lint
from pkgkit.rules.met008_aggregation_instrument import unfit

DASHBOARD = "dashboards/go-runtime-metrics.json"


def _aggregation(widget, value, index=None):
    def edit(data):
        config = data["widgets"][widget]["config"]
        target = config["metricConfiguration"] if index is None else config["y1"]["metrics"][index]
        target["aggregation"] = value

    return edit


def test_rate_of_an_updowncounter(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, _aggregation(0, "PER_SECOND"))
    result = lint(package, select="MET008")
    assert findings(result) == [("MET008", DASHBOARD, 31)]
    assert result[0].message == (
        "aggregation 'PER_SECOND' does not fit 'go.goroutine.count', a updowncounter"
        " (a current value)"
    )


def test_sum_of_a_histogram_and_percentile_of_a_counter(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, _aggregation(9, "SUM", 0))
    edit_json(package / DASHBOARD, _aggregation(6, "P95", 0))
    result = lint(package, select="MET008")
    assert [d.message.split(",")[0] for d in result] == [
        "aggregation 'P95' does not fit 'go.memory.allocated'",
        "aggregation 'SUM' does not fit 'go.schedule.duration'",
    ]


def test_event_sum_of_a_gauge_like_value(tmp_path):
    package = copy_go(tmp_path)
    edit_json(
        package / "events/high-goroutine-count.json",
        lambda data: data["rules"][0].update(aggregation="sum"),
    )
    assert findings(lint(package, select="MET008")) == [
        ("MET008", "events/high-goroutine-count.json", 12)
    ]


def test_clean_fixture_aggregations_fit(tmp_path):
    assert lint(copy_go(tmp_path), select="MET008") == []


@given(st.text(st.sampled_from("Pp0129\u0663\u00df x"), max_size=4))
def test_percentiles_are_recognised_as_the_regular_expression_did(aggregation):
    expected = re.fullmatch(r"P\d\d", aggregation.upper()) is not None
    assert (unfit("counter", aggregation) is not None) is expected
