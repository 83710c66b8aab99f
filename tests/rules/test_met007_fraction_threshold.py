from helpers import copy_go, edit_json, findings, lint
from packages import GO_SCOPE, PYTHON_SCOPE, event, package, readme

EVENT = "events/high-heap-usage.json"


def _threshold(value, aggregation="avg"):
    def edit(data):
        data["rules"][0]["conditionValue"] = value
        data["rules"][0]["aggregation"] = aggregation

    return edit


def test_fraction_against_bytes(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / EVENT, _threshold(0.8))
    result = lint(package, select="MET007")
    assert findings(result) == [("MET007", EVENT, 14)]
    assert result[0].pointer == "/rules/0/conditionValue"
    assert result[0].message == "threshold 0.8 is a fraction, but 'go.memory.used' is in bytes"


def test_relative_diff_thresholds_are_ratios(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / EVENT, _threshold(0.5, "relative_diff"))
    assert lint(package, select="MET007") == []


def test_fraction_of_seconds_is_fine(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / "events/high-cpu-utilization.json", _threshold(0.5, "absolute_diff"))
    assert lint(package, select="MET007") == []


def test_clean_fixture_thresholds_are_whole_units(tmp_path):
    assert lint(copy_go(tmp_path), select="MET007") == []


def test_a_ratio_in_the_dimensionless_unit_takes_a_fraction(tmp_path):
    # python/events/high-cpu-utilization.json: cpu.utilization > 0.8; the instrumentation reports
    # it in '1' (the README says 'percentage')
    name = "process.runtime.cpython.cpu.utilization"
    utilization = f"metrics.gauges.{PYTHON_SCOPE}/{name}"
    text = readme([(f"{PYTHON_SCOPE}/{name}", "percentage")])
    root = package(tmp_path, text, events__cpu=event("High CPU", utilization, "avg", 0.8))
    assert lint(root, select="MET007") == []


def test_a_rule_whose_aggregation_the_api_rejects_is_left_to_the_schema_check(tmp_path):
    # nodejs/events/memory-leak-detection.json: "aggregation": "rate", 0.05 against heap bytes
    package = copy_go(tmp_path)
    edit_json(package / EVENT, _threshold(0.05, "rate"))
    assert lint(package, select="MET007") == []
    assert findings(lint(package, select="PKG100")) == [("PKG100", EVENT, 12)]


def test_the_catalogue_unit_wins_over_the_readme(tmp_path):
    # the seed README documents heap_inuse as Number; the instrumentation reports bytes
    heap = f"metrics.sums.{GO_SCOPE}/process.runtime.go.mem.heap_inuse"
    text = readme([("process.runtime.go.mem.heap_inuse", "Number")], intro=f"`{GO_SCOPE}`")
    root = package(tmp_path, text, events__heap=event("High Go Heap Usage", heap, "avg", 0.8))
    (result,) = lint(root, select="MET007")
    assert result.message == (
        "threshold 0.8 is a fraction, but 'process.runtime.go.mem.heap_inuse' is in bytes"
    )
