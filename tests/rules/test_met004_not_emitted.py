from helpers import copy_go, edit_json, edit_text, findings, lint

RUNTIME = "go.opentelemetry.io/contrib/instrumentation/runtime"


def test_readme_row_of_the_runtime_scope_that_it_does_not_emit(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", "| `go.memory.gc.goal` |", "| `go.memory.gc_goal` |")
    result = lint(package, select="MET004")
    assert findings(result) == [("MET004", "README.md", 35)]
    assert result[0].message == (
        f"instrumentation '{RUNTIME}' does not emit a metric 'go.memory.gc_goal'"
        " (catalogue: go-runtime)"
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
    assert result[0].message.endswith("(catalogue: go-runtime); 2 uses in this file")
