from helpers import copy_go, edit_json, edit_text, findings, lint
from packages import FIRST_ROW_LINE, chart, dashboard, metric, package, readme

ROW = "| `go.processor.limit` | The number of OS threads"


def test_documented_metric_nobody_uses(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", ROW, "| `go.processor.limits` | The number of OS threads")
    result = lint(package, select="MET002")
    assert findings(result) == [("MET002", "README.md", 37)]
    assert result[0].column == 3
    assert result[0].hint == "the content uses 'go.processor.limit'; did you mean it?"


def test_a_pattern_reference_counts_as_use(tmp_path):
    package = copy_go(tmp_path)

    def to_pattern(data):
        config = data["widgets"][2]["config"]["metricConfiguration"]
        config["metric"] = r"go\.processor\..*"
        config["regex"] = True

    edit_json(package / "dashboards/go-runtime-metrics.json", to_pattern)
    assert lint(package, select="MET002") == []


def test_clean_fixture_uses_every_documented_metric(tmp_path):
    assert lint(copy_go(tmp_path), select="MET002") == []


def test_a_row_charted_by_an_id_without_a_scope_is_referenced(tmp_path):
    # k8s: README row `k8s.cronjob.active`; dashboards/cron-job.json charts
    # metrics.gauges.k8s.cronjob.active
    widget = chart("Active", [metric("metrics.gauges.k8s.cronjob.active")])
    root = package(
        tmp_path,
        readme([("k8s.cronjob.active", "number"), ("k8s.job.failed", "number")]),
        dashboards__cron=dashboard("Cron", widget),
    )
    result = lint(root, select="MET002")
    assert findings(result) == [("MET002", "README.md", FIRST_ROW_LINE + 1)]
    assert "'k8s.job.failed'" in result[0].message


def test_the_hint_proposes_only_a_name_the_readme_does_not_document(tmp_path):
    # jenkins: `jenkins.queue.size` is charted nowhere; `jenkins.executors` is documented already
    scope = "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/jenkinsreceiver"
    widget = chart("Executors", [metric(f"metrics.gauges.{scope}/jenkins.executors")])
    rows = [("jenkins.executors", "Count"), ("jenkins.queue.size", "Count")]
    root = package(tmp_path, readme(rows), dashboards__jenkins=dashboard("Jenkins", widget))
    result = lint(root, select="MET002")
    assert findings(result) == [("MET002", "README.md", FIRST_ROW_LINE + 1)]
    assert result[0].hint == "reference it, or remove the row"
