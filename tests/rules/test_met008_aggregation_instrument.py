import re

from hypothesis import given
from hypothesis import strategies as st

from helpers import copy_go, edit_json, findings, lint, write_package
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



def test_the_catalogue_s_instrument_of_every_instrumentation_names_its_source(tmp_path):
    """No instrument in the README: the catalogue's decides, for the Node.js runtime and the
    Python system metrics alike, and the message names the catalogue that made the call."""
    node = "metrics.gauges.@opentelemetry/instrumentation-runtime-node/v8js.memory.heap.used"
    python = (
        "metrics.sums.opentelemetry.instrumentation.system_metrics/process.runtime.cpython.memory"
    )
    widgets = [
        {"config": {"metricConfiguration": {"metric": metric, "aggregation": "PER_SECOND"}}}
        for metric in (node, python)
    ]
    readme = (
        "# @instana-integration/rt\n\n## Metrics\n\n| Metric Name | Unit |\n|---|---|\n"
        "| v8js.memory.heap.used | By |\n| process.runtime.cpython.memory | By |\n"
    )
    package = write_package(
        tmp_path / "rt",
        {
            "package.json": {"name": "@instana-integration/rt", "version": "1.0.0"},
            "README.md": readme,
            "dashboards/rt.json": {"title": "Runtimes", "widgets": widgets},
        },
    )
    result = lint(package, select="MET008")
    assert [(d.code, d.pointer) for d in result] == [
        ("MET008", "/widgets/0/config/metricConfiguration/aggregation"),
        ("MET008", "/widgets/1/config/metricConfiguration/aggregation"),
    ]
    assert [d.message for d in result] == [
        "aggregation 'PER_SECOND' does not fit 'v8js.memory.heap.used', a gauge"
        " (a current value) (catalogue: node-runtime 0.36.1)",
        "aggregation 'PER_SECOND' does not fit 'process.runtime.cpython.memory', a updowncounter"
        " (a current value) (catalogue: python-system-metrics 0.66b2)",
    ]

def test_clean_fixture_aggregations_fit(tmp_path):
    assert lint(copy_go(tmp_path), select="MET008") == []


@given(st.text(st.sampled_from("Pp0129\u0663\u00df x"), max_size=4))
def test_percentiles_are_recognised_as_the_regular_expression_did(aggregation):
    expected = re.fullmatch(r"P\d\d", aggregation.upper()) is not None
    assert (unfit("counter", aggregation) is not None) is expected
