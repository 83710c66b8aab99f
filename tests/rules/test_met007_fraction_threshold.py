from helpers import copy_go, edit_json, findings, lint
from packages import PYTHON_SCOPE, event, package, readme

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
