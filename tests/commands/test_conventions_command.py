"""pkgkit conventions show / search / sources, text and JSON."""

import json

import pytest

from helpers import run_cli
from pkgkit.conventions.catalogue import builtin_catalogue

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


SOURCES = sorted(builtin_catalogue().sources)


def test_the_catalogue_has_the_sources_the_readme_lists():
    assert SOURCES == [
        "go-host", "go-runtime", "k8sclusterreceiver", "node-runtime", "python-system-metrics",
        "semconv",
    ]  # fmt: skip


@pytest.mark.parametrize("source", SOURCES)
def test_every_catalogued_source_is_listed_with_its_version(capsys, source):
    code, out, _ = run_cli(capsys, "conventions", "sources", "--format", "json")
    assert code == 0
    listed = {s["id"]: s for s in json.loads(out)["sources"]}
    assert listed[source]["licence"] == "Apache-2.0"
    assert listed[source]["metrics"] > 0
    text = run_cli(capsys, "conventions", "sources")[1]
    assert any(line.startswith(f"{source}: ") for line in text.splitlines())


@pytest.mark.parametrize("source", SOURCES)
def test_every_metric_of_every_source_is_found_and_shown(capsys, source):
    """search --source lists exactly the source's metrics (by id and by scope, text and JSON);
    show names each of them with this source's entry (text and JSON)."""
    catalogue = builtin_catalogue()
    names = sorted(m.name for m in catalogue.all_metrics() if m.source == source)
    label = catalogue.sources[source].label()
    scope = catalogue.sources[source].scope
    for given in filter(None, (source, scope)):
        code, out, _ = run_cli(
            capsys, "conventions", "search", "", "--source", given, "--format", "json"
        )
        assert code == 0
        found = json.loads(out)
        assert found["source"] == source
        assert sorted(m["name"] for m in found["metrics"]) == names
        code, out, _ = run_cli(capsys, "conventions", "search", "", "--source", given)
        assert sorted(line.split()[0] for line in out.splitlines()) == names
        assert all(f"[{label}" in line for line in out.splitlines())
    for name in names:
        code, out, _ = run_cli(capsys, "conventions", "show", name, "--format", "json")
        assert code == 0
        assert source in [entry["source"] for entry in json.loads(out)["entries"]]
        code, out, _ = run_cli(capsys, "conventions", "show", name)
        assert out.splitlines()[0] == name
        assert any(line.startswith(f"  [{label}") for line in out.splitlines())


@pytest.mark.parametrize(
    ("misspelt", "meant"),
    [
        ("process.cpu.tme", "process.cpu.time"),  # go-host, and the conventions
        ("go.goroutine.cuont", "go.goroutine.count"),  # go-runtime
        ("k8s.pod.phse", "k8s.pod.phase"),  # k8sclusterreceiver
        ("nodejs.eventloop.delay.maxx", "nodejs.eventloop.delay.max"),  # node-runtime
        ("process.runtime.cpython.gc_cont", "process.runtime.cpython.gc_count"),  # python
        ("http.server.request.durations", "http.server.request.duration"),  # semconv
    ],
)
def test_a_misspelt_name_of_each_source_gets_a_did_you_mean(capsys, misspelt, meant):
    for output in ("text", "json"):
        code, out, err = run_cli(capsys, "conventions", "show", misspelt, "--format", output)
        assert (code, out) == (2, "")
        assert err.strip() == (
            f"pkgkit: error: no metric or attribute '{misspelt}' in the catalogue;"
            f" did you mean '{meant}'?"
        )
