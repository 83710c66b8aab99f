from helpers import copy_go, edit_json, findings, lint

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
