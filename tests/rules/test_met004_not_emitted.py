from helpers import copy_go, edit_json, edit_text, findings, lint
from packages import K8S_SCOPE, entity, package, readme

RUNTIME = "go.opentelemetry.io/contrib/instrumentation/runtime"


def test_readme_row_of_the_runtime_scope_that_it_does_not_emit(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", "| `go.memory.gc.goal` |", "| `go.memory.gc_goal` |")
    result = lint(package, select="MET004")
    assert findings(result) == [("MET004", "README.md", 35)]
    assert result[0].message == (
        f"instrumentation '{RUNTIME}' does not emit a metric 'go.memory.gc_goal'"
        " (catalogue: go-runtime), nor do the OpenTelemetry conventions define it"
    )
    assert result[0].hint == "did you mean 'go.memory.gc.goal'?"
    assert result[0].severity.value == "warning"  # the documentation is wrong, not the data


def test_metric_id_under_the_runtime_scope_that_it_does_not_emit(tmp_path):
    package = copy_go(tmp_path)
    edit_text(
        package / "events/high-cpu-utilization.json",
        "instrumentation/host/process.cpu.time",
        "instrumentation/runtime/process.cpu.time",
    )
    result = lint(package, select="MET004")
    assert findings(result) == [("MET004", "events/high-cpu-utilization.json", 11)]
    assert result[0].severity.value == "error"  # the event can never fire
    assert result[0].hint == (
        "'process.cpu.time' is emitted by instrumentation"
        " 'go.opentelemetry.io/contrib/instrumentation/host'"
    )


def test_unknown_and_partly_known_scopes_are_not_checked(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", "| `process.cpu.time` |", "| `process.cpu.utilization` |")
    edit_text(package / "README.md", "| `app.context.deadline_exceeded` |", "| `app.x` |")
    assert lint(package, select="MET004") == []


def test_clean_fixture_uses_emitted_names(tmp_path):
    assert lint(copy_go(tmp_path), select="MET004") == []


def test_a_missing_metric_is_reported_once_per_file_with_its_uses(tmp_path):
    package = copy_go(tmp_path)
    event = package / "events/high-goroutine-count.json"
    edit_text(event, "runtime/go.goroutine.count", "runtime/go.goroutines.count")
    edit_json(event, lambda data: data["rules"].append(dict(data["rules"][0])))
    result = lint(package, select="MET004")
    assert findings(result) == [("MET004", "events/high-goroutine-count.json", 11)]
    assert result[0].message.endswith(
        "(catalogue: go-runtime), nor do the OpenTelemetry conventions define it;"
        " 2 uses in this file"
    )


def _k8s_entity(tmp_path, *names):
    """k8s/entities/*.json in little: receiver metrics named in a scope selector."""
    sources = [f'metrics.gauges.{name}{{scope="{K8S_SCOPE}"}}' for name in names]
    return package(tmp_path, readme(None), entities__k8s=entity("Kubernetes", [], *sources))


def test_the_conventions_name_of_a_metric_the_receiver_emits_under_its_former_name(tmp_path):
    # k8s/entities/deployment.json and job.json chart the conventions' current names; the
    # receiver (catalogue: main after v0.145.0) emits k8s.deployment.desired (the conventions'
    # deprecated k8s.deployment.desired_pods without its unit) and k8s.job.active_pods (the
    # deprecated name itself), both renamed to what the entity charts
    root = _k8s_entity(tmp_path, "k8s.deployment.pod.desired", "k8s.job.pod.active")
    result = lint(root, select="MET004")
    assert findings(result) == [
        ("MET004", "entities/k8s.json", 13),
        ("MET004", "entities/k8s.json", 20),
    ]
    assert result[0].message == (
        "'k8s.deployment.pod.desired' is the OpenTelemetry conventions' name for"
        f" 'k8s.deployment.desired', as instrumentation '{K8S_SCOPE}' emits it (catalogue:"
        " k8sclusterreceiver main after v0.145.0 (7f80b7b66)): this version sends no data under"
        " the conventions' name unless the collector pipeline renames it"
    )
    assert result[0].hint == (
        "use 'k8s.deployment.desired', or rename it in the collector pipeline and say so in the"
        " README"
    )
    # with this receiver the entity shows no data, but a release or a pipeline that follows
    # the conventions sends it: a warning
    assert result[0].severity.value == "warning"
    assert "for 'k8s.job.active_pods', as instrumentation" in result[1].message
    assert result[1].hint.startswith("use 'k8s.job.active_pods', ")


def test_a_name_neither_the_receiver_nor_the_conventions_use(tmp_path):
    # k8s/entities/horizontal-pod-autoscaler.json: the receiver emits k8s.hpa.max_replicas, the
    # conventions define k8s.hpa.pod.max; nobody k8s.hpa.max
    result = lint(_k8s_entity(tmp_path, "k8s.hpa.max"), select="MET004")
    assert findings(result) == [("MET004", "entities/k8s.json", 13)]
    assert result[0].message == (
        f"instrumentation '{K8S_SCOPE}' does not emit a metric 'k8s.hpa.max' (catalogue:"
        " k8sclusterreceiver main after v0.145.0 (7f80b7b66)), nor do the OpenTelemetry"
        " conventions define it"
    )
    assert result[0].hint == "did you mean 'k8s.hpa.max_replicas'?"
