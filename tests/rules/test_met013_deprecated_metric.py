from helpers import copy_go, edit_json, edit_text, findings, fixes, lint

EVENT = "events/high-goroutine-count.json"
GOROUTINES = "metrics.sums.go.opentelemetry.io/contrib/instrumentation/runtime/go.goroutine.count"


def test_a_metric_the_conventions_renamed_names_its_replacement(tmp_path):
    package = copy_go(tmp_path)
    old = "metrics.gauges.my.app/k8s.replication_controller.desired_pods"
    edit_text(package / EVENT, GOROUTINES, old)
    result = lint(package, select="MET013")
    assert findings(result) == [("MET013", EVENT, 11)]
    assert result[0].message == (
        "'k8s.replication_controller.desired_pods' is deprecated: renamed to"
        " 'k8s.replicationcontroller.pod.desired'"
        " (catalogue: semconv v1.44.0-22-g384d66161 (384d66161))"
    )
    assert result[0].hint == (
        "use 'k8s.replicationcontroller.pod.desired' where the instrumentation reports the new name"
    )


def test_each_metric_is_reported_once_per_file_with_its_uses(tmp_path):
    package = copy_go(tmp_path)
    old = "metrics.gauges.my.app/v8js.memory.heap.limit"

    def chart_twice(data):
        data["rules"][0]["metricName"] = old
        data["rules"].append(dict(data["rules"][0]))

    edit_json(package / EVENT, chart_twice)
    result = lint(package, select="MET013")
    assert [(d.code, d.path) for d in result] == [("MET013", EVENT)]
    assert result[0].message.endswith("; 2 uses in this file")
    assert "renamed to 'v8js.memory.heap.space.size'" in result[0].message


def test_a_name_an_instrumentation_still_emits_is_not_reported(tmp_path):
    """The conventions renamed k8s.daemonset.current_scheduled_nodes; the cluster receiver of
    the catalogue still emits it, and a scope-less id is identified by that name first."""
    package = copy_go(tmp_path)
    edit_text(package / EVENT, GOROUTINES, "k8s.daemonset.current_scheduled_nodes")
    assert lint(package, select="MET013") == []


def test_clean_fixture_charts_no_deprecated_metric(tmp_path):
    assert lint(copy_go(tmp_path), select="MET013") == []


def test_fix_writes_the_new_name_in_every_id_of_the_file(tmp_path):
    package = copy_go(tmp_path)
    old = "metrics.gauges.my.app/v8js.memory.heap.limit"

    def chart_twice(data):
        data["rules"][0]["metricName"] = old
        data["rules"].append(dict(data["rules"][0]))

    edit_json(package / EVENT, chart_twice)
    before = (package / EVENT).read_text(encoding="utf-8")
    after = fixes(package, "MET013")[EVENT]
    assert after == before.replace("v8js.memory.heap.limit", "v8js.memory.heap.space.size")
    assert lint(package, select="MET013") != []  # nothing was written
