from helpers import copy_go, edit_text, findings, lint
from packages import K8S_SCOPE, entity, package, readme

EVENT = "events/high-heap-usage.json"


def test_selector_key_not_documented_for_the_metric(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / EVENT, 'go.memory.used{go.memory.type=', 'go.memory.used{memory.type=')
    result = lint(package, select="MET009")
    assert findings(result) == [("MET009", EVENT, 11)]
    assert result[0].message == (
        "selector 'memory.type' is not a documented attribute of 'go.memory.used' (README line 31)"
    )
    assert result[0].hint == "did you mean 'go.memory.type'?"


def test_metric_row_without_attributes(tmp_path):
    package = copy_go(tmp_path)
    attributes = "| By | UpDownCounter | `go.memory.type` |"
    edit_text(package / "README.md", attributes, "| By | UpDownCounter | |")
    result = lint(package, select="MET009")
    assert findings(result) == [
        ("MET009", "dashboards/go-runtime-metrics.json", 221),
        ("MET009", "dashboards/go-runtime-metrics.json", 256),
        ("MET009", "dashboards/go-runtime-metrics.json", 344),
        ("MET009", "events/high-heap-usage.json", 11),
        ("MET009", "events/memory-leak-detection.json", 11),
    ]
    assert result[0].hint == (
        "list the attribute in the Attributes column of the metric's README row"
    )


def test_clean_fixture_selects_by_documented_attributes(tmp_path):
    assert lint(copy_go(tmp_path), select="MET009") == []


def test_the_scope_selector_names_the_instrumentation_not_an_attribute(tmp_path):
    # k8s/entities/horizontal-pod-autoscaler.json
    hpa = f'metrics.gauges.k8s.hpa.max{{scope="{K8S_SCOPE}"}}'
    text = readme([("k8s.hpa.max", "number")])
    root = package(tmp_path, text, entities__hpa=entity("H", [], hpa))
    assert lint(root, select="MET009") == []
