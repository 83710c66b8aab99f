from helpers import copy_go, edit_json, findings, lint

DASHBOARD = "dashboards/go-runtime-metrics.json"


def _goroutines_in_bytes(data):
    config = data["widgets"][0]["config"]["metricConfiguration"]
    config["unit"] = "byte"
    config["formatter"] = "bytes.detailed"


def test_count_metric_shown_in_bytes(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, _goroutines_in_bytes)
    result = lint(package, select="MET006")
    assert findings(result) == [("MET006", DASHBOARD, 32), ("MET006", DASHBOARD, 33)]
    assert result[0].pointer == "/widgets/0/config/metricConfiguration/unit"
    assert result[1].message == (
        "formatter 'bytes.detailed' shows 'go.goroutine.count' as bytes, but the metric is in count"
    )


def test_entity_metric_formatter_is_checked(tmp_path):
    package = copy_go(tmp_path)
    (package / "entities").mkdir()
    (package / "entities/go.json").write_text(
        '{"data": {"metrics": [{\n'
        '  "source": "metrics.sums.go.opentelemetry.io/contrib/instrumentation/runtime/'
        'go.memory.limit",\n'
        '  "formatter": "NUMBER"}]}}\n'
    )
    assert findings(lint(package, select="MET006")) == [("MET006", "entities/go.json", 3)]


def test_time_units_convert_and_percentages_show_as_numbers(tmp_path):
    assert lint(copy_go(tmp_path), select="MET006") == []
