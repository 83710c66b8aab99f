from helpers import copy_go, findings, lint
from packages import FIRST_ROW_LINE, NODE_SCOPE, package, readme
from pkgkit.rules.met017_conflicting_units import measurement


def test_rows_of_one_metric_with_different_selectors_and_units(tmp_path):
    # as python/README.md: memory{type="rss"} and {type="vms"} in 'number', memory in 'byte'
    # (there the catalogue knows the metric, and MET005 reports each row against it); here an
    # application's own metric
    rows = [
        ('app.runtime.memory{type="rss"}', "number"),
        ('app.runtime.memory{type="vms"}', "number"),
        ("app.runtime.memory", "byte"),
        ("app.runtime.thread_count", "number"),
    ]
    result = lint(package(tmp_path, readme(rows)), select="MET017")
    assert findings(result) == [("MET017", "README.md", FIRST_ROW_LINE)]
    assert result[0].column == 3
    assert result[0].message == (
        "'app.runtime.memory' is documented in 2 units: 'number' (lines 10, 11) and"
        " 'byte' (line 12)"
    )


def test_statistics_of_one_measurement_share_its_unit(tmp_path):
    # as nodejs/README.md: nodejs.eventloop.delay.max/mean in 'second', .p50/.p99 in 'number'
    stats = [("max", "second"), ("mean", "second"), ("p50", "number"), ("p99", "number")]
    rows = [(f"app.eventloop.delay.{s}", unit) for s, unit in stats]
    result = lint(package(tmp_path, readme(rows)), select="MET017")
    assert findings(result) == [("MET017", "README.md", FIRST_ROW_LINE)]
    assert result[0].message == (
        "'app.eventloop.delay.*' is documented in 2 units: 'second' (lines 10, 11) and"
        " 'number' (lines 12, 13)"
    )


def test_rows_the_catalogue_knows_are_left_to_met005(tmp_path):
    # nodejs/README.md: the instrumentation reports every eventloop delay in seconds
    stats = [("max", "second"), ("p50", "number")]
    rows = [(f"{NODE_SCOPE}/nodejs.eventloop.delay.{s}", unit) for s, unit in stats]
    root = package(tmp_path, readme(rows))
    assert lint(root, select="MET017") == []
    assert findings(lint(root, select="MET005")) == [("MET005", "README.md", FIRST_ROW_LINE + 1)]


def test_same_kind_and_unknown_units_agree(tmp_path):
    # 'By' and 'byte' are one unit; jenkins' 'Score' is not a unit pkgkit knows
    rows = [
        ("a.size.max", "By"),
        ("a.size.min", "byte"),
        ("b.score", "Score"),
        ("b.score.max", "1"),
    ]
    assert lint(package(tmp_path, readme(rows)), select="MET017") == []


def test_measurement_drops_only_a_trailing_statistic():
    assert measurement("nodejs.eventloop.delay.p999") == "nodejs.eventloop.delay"
    assert measurement("jvm.gc.duration.max") == "jvm.gc.duration"
    assert measurement("http.server.request.duration") == "http.server.request.duration"
    assert measurement("pool.p") == "pool.p"
    assert measurement("max") == "max"


def test_clean_fixture_documents_each_metric_in_one_unit(tmp_path):
    assert lint(copy_go(tmp_path), select="MET017") == []
