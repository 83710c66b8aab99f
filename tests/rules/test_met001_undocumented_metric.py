from helpers import copy_go, edit_text, findings, fixes, lint
from packages import (
    K8S_SCOPE,
    PROMETHEUS_SCOPE,
    chart,
    dashboard,
    entity,
    metric,
    package,
    readme,
)

HIGH_GOROUTINES = "events/high-goroutine-count.json"


def test_one_finding_per_metric_at_its_first_use(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", "| `go.goroutine.count` |", "| `go.goroutine_count` |")
    result = lint(package, select="MET001")
    assert findings(result) == [("MET001", "dashboards/go-runtime-metrics.json", 29)]
    assert result[0].message == (
        "metric 'go.goroutine.count' is not documented in the README metrics tables"
        " (used 4 times in 2 files)"
    )
    assert result[0].pointer == "/widgets/0/config/metricConfiguration/metric"


def test_the_hint_fixes_the_readme_row_when_the_content_has_the_emitted_name(tmp_path):
    # as in the seed README, which documents `process.runtime.go.mem.heap.alloc` where the
    # instrumentation and the content say heap_alloc
    package = copy_go(tmp_path)
    edit_text(package / "README.md", "| `go.goroutine.count` |", "| `go.goroutine_count` |")
    (result,) = lint(package, select="MET001")
    assert result.hint == (
        "the instrumentation emits 'go.goroutine.count': fix the README row 'go.goroutine_count'"
        " (line 36)"
    )


def test_a_misspelt_content_name_gets_a_did_you_mean(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / HIGH_GOROUTINES, "runtime/go.goroutine.count", "app/go.goroutine_count")
    result = lint(package, select="MET001")
    assert findings(result) == [("MET001", HIGH_GOROUTINES, 11)]
    assert result[0].hint == "did you mean 'go.goroutine.count'?"


def test_unrelated_name_gets_a_plain_hint(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / HIGH_GOROUTINES, "runtime/go.goroutine.count", "app/go.cpu.seconds")
    result = lint(package, select="MET001")
    assert findings(result) == [("MET001", HIGH_GOROUTINES, 11)]
    assert result[0].hint == "add a row for it to the README metrics table"


def test_a_metric_the_instrumentation_does_not_emit_is_left_to_met004(tmp_path):
    # go/events/high-cpu-utilization.json: process.runtime.go.cpu.time under the runtime scope
    package = copy_go(tmp_path)
    edit_text(package / HIGH_GOROUTINES, "runtime/go.goroutine.count", "runtime/go.cpu.seconds")
    assert lint(package, select="MET001") == []
    assert findings(lint(package, select="MET004")) == [("MET004", HIGH_GOROUTINES, 11)]


def test_a_readme_documenting_no_metrics_is_one_finding(tmp_path):
    # wxd-presto and opentelemetry-demo: an empty Semantic Conventions section; literal ids and a
    # real pattern (which MET011 leaves to this finding)
    ids = [f"metrics.gauges.{PROMETHEUS_SCOPE}/presto_{n}" for n in ("a", "b", "a")]
    pattern = metric(f"metrics.gauges.{PROMETHEUS_SCOPE}/presto_cpp..*.hits", regex=True)
    root = package(
        tmp_path,
        readme(None),
        dashboards__one=dashboard("One", chart("A", [metric(ids[0]), metric(ids[1])])),
        dashboards__two=dashboard("Two", chart("B", [metric(ids[2]), pattern])),
    )
    result = lint(root, select="MET001")
    assert findings(result) == [("MET001", "README.md", 5)]
    assert result[0].message == (
        "the README documents no metrics: 4 references to 3 metrics in 2 files are undocumented"
    )
    assert result[0].hint == (
        "add a metrics table under 'Semantic Conventions': a row (name, description, unit) per"
        " metric used; 'pkgkit docs' writes the rows for you to describe"
    )
    assert lint(root, select="MET011") == []


def test_entity_metrics_selecting_three_series_are_one_finding(tmp_path):
    # as python/entities/python-runtime.json charts one metric per generation (there the
    # instrumentation does not emit them: MET004); here an application's own metric
    sources = [
        f'metrics.sums.checkoutservice/app.gc.collections{{generation="{g}"}}' for g in "012"
    ]
    text = readme([("app.gc.count", "number")])
    root = package(tmp_path, text, entities__app=entity("App Runtime", [], *sources))
    result = lint(root, select="MET001")
    assert findings(result) == [("MET001", "entities/app.json", 13)]
    assert result[0].message.endswith("(used 3 times in 1 file)")


def test_no_readme_means_nothing_to_compare(tmp_path):
    package = copy_go(tmp_path)
    (package / "README.md").unlink()
    assert lint(package, select="MET001") == []


def test_clean_fixture_documents_every_metric(tmp_path):
    assert lint(copy_go(tmp_path), select="MET001") == []


RUNTIME = "metrics.sums.go.opentelemetry.io/contrib/instrumentation/runtime"


def test_fix_documents_a_metric_the_catalogue_knows_in_its_scopes_table(tmp_path):
    package = copy_go(tmp_path)
    event = package / "events" / "high-goroutine-count.json"
    edit_text(
        event, f"{RUNTIME}/go.goroutine.count", f"{RUNTIME}/process.runtime.go.mem.heap_alloc"
    )
    before = (package / "README.md").read_text(encoding="utf-8")
    last_row = next(line for line in before.splitlines() if line.startswith("| `go.schedule"))
    # After the runtime table's last row; By and UpDownCounter as that table spells them.
    new_row = (
        "| `process.runtime.go.mem.heap_alloc` |  | By | UpDownCounter |  |"  # code, as its rows
    )
    assert fixes(package, "MET001")["README.md"] == before.replace(
        last_row, f"{last_row}\n{new_row}"
    )


def test_fix_renames_a_misspelt_metric_only_when_unsafe_fixes_are_asked_for(tmp_path):
    package = copy_go(tmp_path)
    event = package / "events" / "high-goroutine-count.json"
    # under an application's scope: under the runtime's, the misspelt name is MET004's
    edit_text(event, f"{RUNTIME}/go.goroutine.count", "metrics.sums.app/go.goroutine.cuont")
    assert fixes(package, "MET001") == {}
    after = fixes(package, "MET001", unsafe=True)["events/high-goroutine-count.json"]
    assert after == event.read_text(encoding="utf-8").replace("goroutine.cuont", "goroutine.count")


def test_no_rename_rewrites_an_id_read_as_one_long_name():
    """An id the model did not split into kind, scope and name is not replaced by a bare name
    (it would drop the kind the API needs)."""
    from types import SimpleNamespace  # noqa: PLC0415

    from pkgkit.rules.met001_undocumented_metric import _rename_fix  # noqa: PLC0415

    written = "metrics.gauges.k8s.cronjob.active"
    file = SimpleNamespace(get=lambda pointer: written)
    reference = SimpleNamespace(file=file, pointer="/metric", metric=SimpleNamespace(name=written))
    assert _rename_fix([reference], "k8s.cronjob.active") is None


def test_an_id_without_a_scope_is_looked_up_by_its_name(tmp_path):
    # k8s/dashboards/cron-job.json charts metrics.gauges.k8s.cronjob.active (README row
    # `k8s.cronjob.active`); k8s/entities/horizontal-pod-autoscaler.json names the scope in a
    # selector
    hpa = f'metrics.gauges.k8s.hpa.max{{scope="{K8S_SCOPE}"}}'
    widget = chart("Active", [metric("metrics.gauges.k8s.cronjob.active")])
    root = package(
        tmp_path,
        readme([("k8s.cronjob.active", "number"), ("k8s.hpa.max", "number")]),
        dashboards__cron=dashboard("Cron", widget),
        entities__hpa=entity("HPA", [], hpa),
    )
    assert lint(root, select="MET001") == []


def test_a_regex_id_without_regex_syntax_must_be_documented_like_any_id(tmp_path):
    # wxd-presto: "regex": true ids with escaped dots, documented by their metric name
    name = "watsonx_data_presto_task_executor_leaf_split_cpu_time_avg"
    escaped = rf"metrics\.gauges\.github\.com/{PROMETHEUS_SCOPE[11:]}/{name}"
    widget = chart("CPU", [metric(escaped, regex=True), metric(escaped + "2", regex=True)])
    root = package(tmp_path, readme([(name, "number")]), dashboards__cpu=dashboard("CPU", widget))
    result = lint(root, select="MET001")
    assert findings(result) == [("MET001", "dashboards/cpu.json", 39)]
    assert result[0].message == (f"metric '{name}2' is not documented in the README metrics tables")
