from helpers import copy_go, findings, lint
from packages import PROMETHEUS_SCOPE, big_number, chart, dashboard, metric, package, readme


def _prometheus(name):
    return f"metrics.gauges.{PROMETHEUS_SCOPE}/{name}"


def test_one_finding_per_dashboard_naming_its_widgets(tmp_path):
    # wxd-prestissimo/dashboards/presto-cpp-execution.json: byte and milisecond metrics on axes
    # formatted number.detailed ("regex": true ids); the README documents no metrics
    buffer = chart(
        "Network  OutputBuffer",
        [
            metric(_prometheus("presto_cpp_output_buffer_bytes"), "byte", regex=True),
            metric(_prometheus("presto_cpp_output_buffer_wait_ms"), "milisecond", regex=True),
        ],
    )
    spilling = chart("Execution Spilling", [metric(_prometheus("presto_cpp_spill_bytes"), "byte")])
    right = chart(
        "Memory", [metric(_prometheus("presto_cpp_memory_bytes"), "byte")], "bytes.detailed"
    )
    root = package(
        tmp_path,
        readme(None),
        dashboards__execution=dashboard("execution", buffer, spilling, right),
        dashboards__cache=dashboard(
            "cache",
            big_number("Cache", metric(_prometheus("cache_age"), "second"), "number.compact"),
        ),
    )
    result = lint(root, select="MET016")
    assert findings(result) == [
        ("MET016", "dashboards/cache.json", 17),
        ("MET016", "dashboards/execution.json", 18),
    ]
    cache, execution = result
    assert cache.pointer == "/widgets/0/config/formatter"
    assert cache.hint == "use a time formatter (millis.detailed) for time"
    assert cache.message == (
        "the widget shows bytes or time as plain numbers (formatter 'number.compact'):"
        " 'Cache' (second)"
    )
    assert execution.pointer == "/widgets/0/config/y1/formatter"
    assert execution.message == (
        "2 widgets show bytes or time as plain numbers (formatter 'number.detailed'):"
        " 'Network  OutputBuffer' (byte, milisecond) and 'Execution Spilling' (byte)"
    )
    assert execution.hint == (
        "use bytes.detailed for bytes and a time formatter (millis.detailed) for time;"
        " chart bytes and time on different axes (y1, y2)"
    )


def test_a_declared_unit_the_metric_contradicts_is_left_to_met006(tmp_path):
    # the README says the metric is a count: the declared 'byte' is wrong (MET006), not the axis
    widget = chart("Queries", [metric(_prometheus("assigned_queries"), "byte")])
    root = package(
        tmp_path, readme([("assigned_queries", "number")]), dashboards__d=dashboard("d", widget)
    )
    assert lint(root, select="MET016") == []
    assert findings(lint(root, select="MET006")) == [("MET006", "dashboards/d.json", 25)]


def test_clean_fixture_shows_bytes_and_time_with_their_formatters(tmp_path):
    assert lint(copy_go(tmp_path), select="MET016") == []
