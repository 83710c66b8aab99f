"""pkgkit conventions show / search / sources, text and JSON."""

import json

import pytest

from helpers import run_cli

NODE = "@opentelemetry/instrumentation-runtime-node"


def test_show_a_metric_lists_every_source(capsys):
    code, out, _ = run_cli(capsys, "conventions", "show", "go.memory.used")
    assert code == 0
    assert out.splitlines() == [
        "go.memory.used",
        "  [go-runtime, scope go.opentelemetry.io/contrib/instrumentation/runtime] updowncounter,"
        " unit By",
        "    attributes: go.memory.type (enum)",
        "  [semconv v1.44.0-22-g384d66161 (384d66161)] updowncounter, unit By, development",
        "    attributes: go.memory.detailed_type (string), go.memory.type (enum)",
    ]


def test_show_a_deprecated_metric_as_json(capsys):
    code, out, _ = run_cli(
        capsys, "conventions", "show", "k8s.replication_controller.desired_pods", "--format", "json"
    )
    assert code == 0
    (entry,) = json.loads(out)["entries"]
    assert (entry["source"], entry["deprecation"], entry["renamed_to"]) == (
        "semconv",
        "renamed",
        "k8s.replicationcontroller.pod.desired",
    )


def test_show_an_attribute(capsys):
    code, out, _ = run_cli(capsys, "conventions", "show", "v8js.heap.space.name")
    assert code == 0
    assert out.splitlines()[0] == "v8js.heap.space.name: attribute, type enum"
    assert "v8js.memory.heap.used" in out.splitlines()[1]


def test_an_unknown_name_is_a_usage_error_with_a_did_you_mean(capsys):
    code, _, err = run_cli(capsys, "conventions", "show", "sdk.language")
    assert code == 2
    assert err.strip() == (
        "pkgkit: error: no metric or attribute 'sdk.language' in the catalogue;"
        " did you mean 'telemetry.sdk.language'?"
    )


def test_search_within_a_source_by_its_scope(capsys):
    code, out, _ = run_cli(capsys, "conventions", "search", "HEAP", "--source", NODE)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [
        "v8js.memory.heap.space.available_size",
        "v8js.memory.heap.space.physical_size",
        "v8js.memory.heap.space.size",
        "v8js.memory.heap.used",
    ]


def test_search_as_json_and_with_no_match(capsys):
    code, out, _ = run_cli(
        capsys, "conventions", "search", "cpython.gc", "--source", "python-system-metrics",
        "--format", "json",
    )
    assert code == 0
    found = json.loads(out)
    assert found["source"] == "python-system-metrics"
    assert [m["name"] for m in found["metrics"]] == [
        "cpython.gc.collected_objects",
        "cpython.gc.collections",
        "cpython.gc.uncollectable_objects",
        "process.runtime.cpython.gc_count",
    ]
    assert run_cli(capsys, "conventions", "search", "no-such-thing")[1] == (
        "no metric name contains 'no-such-thing'\n"
    )


def test_an_unknown_source_is_a_usage_error(capsys):
    code, _, err = run_cli(capsys, "conventions", "search", "x", "--source", "k8sclusterreciever")
    assert code == 2
    assert "unknown source 'k8sclusterreciever'" in err
    assert "did you mean 'k8sclusterreceiver'?" in err


@pytest.mark.parametrize("source", ["semconv", "go-runtime", "k8sclusterreceiver"])
def test_every_catalogued_source_is_listed_with_its_version(capsys, source):
    code, out, _ = run_cli(capsys, "conventions", "sources", "--format", "json")
    assert code == 0
    listed = {s["id"]: s for s in json.loads(out)["sources"]}
    assert listed[source]["licence"] == "Apache-2.0"
    assert listed[source]["metrics"] > 0
    text = run_cli(capsys, "conventions", "sources")[1]
    assert any(line.startswith(f"{source}: ") for line in text.splitlines())
