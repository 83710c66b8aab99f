from helpers import copy_go, edit_json, findings, lint
from packages import PROMETHEUS_SCOPE, chart, dashboard, metric, package, readme

DASHBOARD = "dashboards/go-runtime-metrics.json"


def _pattern(text):
    def edit(data):
        config = data["widgets"][0]["config"]["metricConfiguration"]
        config["metric"] = text
        config["regex"] = True

    return edit


def test_pattern_that_matches_nothing_documented(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, _pattern(r"go\.gorutine\..*"))
    result = lint(package, select="MET011")
    assert findings(result) == [("MET011", DASHBOARD, 29)]
    assert "matches no documented metric" in result[0].message


def test_pattern_that_does_not_compile(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, _pattern("go.(goroutine"))
    result = lint(package, select="MET011")
    assert "not a valid regular expression" in result[0].message


def test_event_metric_pattern(tmp_path):
    package = copy_go(tmp_path)

    def to_pattern(data):
        rule = data["rules"][0]
        del rule["metricName"]
        rule["metricPattern"] = {"prefix": "go.goroutines", "operator": "startsWith"}

    edit_json(package / "events/high-goroutine-count.json", to_pattern)
    assert findings(lint(package, select="MET011")) == [
        ("MET011", "events/high-goroutine-count.json", 14)
    ]


def test_matching_patterns_pass(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, _pattern(r"metrics\.sums\..*/go\.goroutine\.count"))
    assert lint(package, select="MET011") == []
    assert lint(copy_go(tmp_path / "clean"), select="MET011") == []


def test_ids_without_regex_syntax_are_not_patterns(tmp_path):
    # wxd-prestissimo: "regex": true on plain ids; presto_cpp..*.hive_... is a real pattern
    plain = f"metrics.gauges.{PROMETHEUS_SCOPE}/presto_cpp_memory_allocated"
    real = f"metrics.gauges.{PROMETHEUS_SCOPE}/presto_cpp..*.hive_file_handle_cache_num_hits"
    widget = chart("Cache", [metric(plain, regex=True), metric(real, regex=True)])
    root = package(
        tmp_path,
        readme([("presto_cpp_memory_allocated", "byte")]),
        dashboards__cache=dashboard("Cache", widget),
    )
    result = lint(root, select="MET011")
    assert findings(result) == [("MET011", "dashboards/cache.json", 39)]
    assert result[0].message == f"metric pattern '{real}' matches no documented metric"


def test_a_pattern_used_twice_is_one_finding(tmp_path):
    real = f"metrics.gauges.{PROMETHEUS_SCOPE}/presto_cpp..*.hive_file_handle_cache_num_hits"
    widget = chart("Cache", [metric(real, regex=True), metric(real, regex=True)])
    root = package(tmp_path, readme([("other", "byte")]), dashboards__cache=dashboard("C", widget))
    result = lint(root, select="MET011")
    assert findings(result) == [("MET011", "dashboards/cache.json", 26)]
    assert result[0].message.endswith("matches no documented metric (used 2 times in 1 file)")
