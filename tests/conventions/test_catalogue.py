"""The shipped catalogue: what it knows, how metrics are identified, registries that extend it."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import GO_FIXTURE, REPO, copy_go
from pkgkit.conventions.catalogue import (
    SEMCONV,
    Catalogue,
    builtin_catalogue,
    load_catalogue,
)
from pkgkit.util.packaged import read_text

RUNTIME = "go.opentelemetry.io/contrib/instrumentation/runtime"
HOST = "go.opentelemetry.io/contrib/instrumentation/host"
PYTHON = "opentelemetry.instrumentation.system_metrics"
NODE = "@opentelemetry/instrumentation-runtime-node"
K8S = "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/k8sclusterreceiver"
SEMCONV_MODEL = REPO.parent / "shared" / "reference" / "semconv" / "model"
needs_semconv = pytest.mark.skipif(
    not SEMCONV_MODEL.is_dir(), reason="../shared/reference/semconv is absent"
)


def test_every_source_is_identified_with_its_licence():
    catalogue = builtin_catalogue()
    assert set(catalogue.sources) == {
        SEMCONV,
        "go-host",
        "go-runtime",
        "k8sclusterreceiver",
        "node-runtime",
        "python-system-metrics",
    }
    assert {s.licence for s in catalogue.sources.values()} == {"Apache-2.0"}
    semconv = catalogue.sources[SEMCONV]
    assert semconv.commit == "384d66161cb18704c729645fa8136a148df9571c"
    assert semconv.label() == "semconv v1.44.0-22-g384d66161 (384d66161)"
    assert catalogue.sources["python-system-metrics"].version == "0.66b2"
    assert catalogue.sources["k8sclusterreceiver"].commit.startswith("7f80b7b6")
    assert catalogue.sources["node-runtime"].version == "0.36.1"
    assert catalogue.complete == {RUNTIME, PYTHON, K8S, NODE}


def test_the_conventions_know_metrics_deprecations_and_attributes():
    catalogue = builtin_catalogue()
    used = catalogue.convention("go.memory.used")
    assert (used.instrument, used.unit, used.stability) == ("updowncounter", "By", "development")
    assert "go.memory.type" in used.attributes
    renamed = catalogue.convention("k8s.replication_controller.desired_pods")
    assert (renamed.deprecation, renamed.renamed_to) == (
        "renamed",
        "k8s.replicationcontroller.pod.desired",
    )
    assert catalogue.attributes["telemetry.sdk.language"] == "enum"
    assert "telemetry.sdk.language" in catalogue.resource_attributes
    assert "service.name" in catalogue.resource_attributes
    assert "sdk.language" not in catalogue.attributes


def test_the_instrumentations_know_their_own_names():
    catalogue = builtin_catalogue()
    memory = catalogue.scopes[PYTHON]["process.runtime.cpython.memory"]
    assert (memory.instrument, memory.unit, memory.attributes) == ("updowncounter", "By", ("type",))
    assert catalogue.scopes[K8S]["k8s.hpa.max_replicas"].instrument == "gauge"
    heap = catalogue.scopes[NODE]["v8js.memory.heap.used"]
    assert (heap.instrument, heap.attributes) == ("gauge", ("v8js.heap.space.name",))
    assert "k8s.pod.name" in catalogue.resource_attributes
    assert catalogue.find("process.runtime.go.mem.heap.alloc", RUNTIME).name == (
        "process.runtime.go.mem.heap_alloc"
    )
    assert catalogue.find("process.runtime.go.cpu.time", RUNTIME) is None


def test_a_metric_is_identified_by_its_scope_else_by_its_name():
    catalogue = builtin_catalogue()
    assert catalogue.identify("go.memory.used", RUNTIME).source == "go-runtime"
    assert catalogue.identify("go.memory.used", "my.app").source == SEMCONV
    assert catalogue.identify("go.memory.used").source == "go-runtime"
    assert catalogue.identify("k8s.daemonset.ready_nodes").source == "k8sclusterreceiver"
    assert catalogue.identify("k8s.replication_controller.desired_pods").source == SEMCONV
    assert catalogue.identify("cpython.gc.collections", RUNTIME) is None
    assert catalogue.identify("my.app.requests") is None


def test_a_namespace_only_one_complete_instrumentation_uses_is_owned():
    catalogue = builtin_catalogue()
    assert catalogue.owner("process.runtime.go.mem.heap_used") == RUNTIME
    assert catalogue.owner("process.runtime.cpython.gc.collections") is None  # no such namespace
    assert catalogue.owner("process.runtime.cpython.memory_rss") == PYTHON
    assert catalogue.owner("k8s.hpa.max") is None  # the conventions use k8s.hpa too
    assert catalogue.owner("process.cpu.seconds") is None  # shared with go-host, conventions


def test_find_without_a_scope_tries_every_scope_exactly_then_loosely():
    catalogue = builtin_catalogue()
    assert catalogue.find("go.memory.used").scope == RUNTIME
    assert catalogue.find("Go_Memory-Used").name == "go.memory.used"
    assert catalogue.find("process.cpu.time").scope in (HOST, PYTHON)
    assert catalogue.find("no.such.metric") is None
    assert catalogue.find("go.memory.used", "no.such.scope") is None


def test_the_builtin_catalogue_is_read_once_and_shared_until_extended(tmp_path):
    assert load_catalogue(str(tmp_path), []) is builtin_catalogue()
    (tmp_path / "r.yaml").write_text("groups: []\n")
    extended = load_catalogue(str(tmp_path), ["r.yaml"])
    assert extended is not builtin_catalogue()
    assert extended.convention_names() == builtin_catalogue().convention_names()


def test_a_block_style_yaml_registry_with_a_scope_adds_an_instrumentation(tmp_path):
    (tmp_path / "semconv.yaml").write_text(
        "scope: app\n"
        "groups:\n"
        "  - id: metric.app.jobs\n"
        "    type: metric\n"
        "    metric_name: app.jobs\n"
        "    instrument: counter\n"
        '    unit: "{job}"\n'
        "    attributes:\n"
        "      - ref: queue\n"
    )
    catalogue = load_catalogue(str(tmp_path), ["semconv.yaml"])
    assert catalogue.issues == []
    jobs = catalogue.find("app.jobs", "app")
    assert (jobs.instrument, jobs.unit, jobs.attributes) == ("counter", "{job}", ("queue",))
    assert catalogue.find("go.memory.used", RUNTIME) is not None
    assert "app" not in builtin_catalogue().scopes


@needs_semconv
def test_a_real_registry_file_extends_the_conventions(tmp_path):
    """model/go of the registry, copied into a package: its metrics join the conventions, its
    attribute group defines attributes with their types."""
    for name in ("metrics.yaml", "registry.yaml"):
        text = (SEMCONV_MODEL / "go" / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("go.", "gox."), encoding="utf-8")
    catalogue = load_catalogue(str(tmp_path), ["metrics.yaml", "registry.yaml"])
    assert catalogue.issues == []
    used = catalogue.convention("gox.memory.used")
    assert (used.source, used.instrument, used.unit) == (SEMCONV, "updowncounter", "By")
    assert "gox.memory.type" in used.attributes
    assert catalogue.attributes["gox.memory.type"] == "enum"


def test_a_catalogue_file_in_the_shipped_format_extends_it(tmp_path):
    document = {
        "format": 1,
        "sources": {"shop": {"title": "Shop", "scope": "shop.app", "complete": True}},
        "attributes": {"shop.cart": "string"},
        "resource_attributes": ["shop.region"],
        "metrics": [["shop.orders", "shop", "counter", "{order}", None, ["shop.cart"], None, None]],
    }
    (tmp_path / "shop.json").write_text(json.dumps(document))
    catalogue = load_catalogue(str(tmp_path), ["shop.json"])
    assert catalogue.issues == []
    assert catalogue.identify("shop.orders", "shop.app").attributes == ("shop.cart",)
    assert "shop.app" in catalogue.complete
    assert {"shop.cart", "shop.region"} <= set(catalogue.attributes) | (
        catalogue.resource_attributes
    )
    assert catalogue.scope_label("shop.app") == "shop"


@needs_semconv
def test_a_real_registry_file_of_the_second_format_extends_the_conventions(tmp_path):
    """model/hardware's fan metrics and their attributes (``file_format: definition/2``)."""
    for name in ("fan-metrics.yaml", "common.yaml", "registry.yaml"):
        text = (SEMCONV_MODEL / "hardware" / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("hw.", "hwx."), encoding="utf-8")
    catalogue = load_catalogue(str(tmp_path), ["fan-metrics.yaml", "common.yaml", "registry.yaml"])
    assert catalogue.issues == []
    speed = catalogue.convention("hwx.fan.speed")
    assert (speed.source, speed.instrument, speed.unit) == (SEMCONV, "gauge", "rpm")
    assert {"hwx.id", "hwx.sensor_location"} <= set(speed.attributes)
    assert catalogue.attributes["hwx.type"] == "enum"


@needs_semconv
def test_every_metric_file_of_the_registry_is_accepted_as_it_is(tmp_path):
    """Any file of the registry with metrics, unchanged, is a usable ``registries`` entry."""
    files = sorted(
        path for path in SEMCONV_MODEL.rglob("*.yaml") if "metric" in path.read_text("utf-8")
    )
    assert len(files) > 40
    for path in files:
        relative = str(path.relative_to(SEMCONV_MODEL))
        assert load_catalogue(str(SEMCONV_MODEL), [relative]).issues == [], relative


@needs_semconv
def test_registries_in_the_configuration_take_real_and_shipped_format_files(tmp_path):
    """Through a package's .pkgkit.yaml and the command line: two files of the registry as they
    are (one of each format) and a catalogue in the shipped format, which makes the fixture's
    application scope a complete instrumentation without the metric its event charts."""
    package = copy_go(tmp_path)
    for folder, name in (("go", "metrics.yaml"), ("hardware", "fan-metrics.yaml")):
        shutil.copy(SEMCONV_MODEL / folder / name, package / f"{folder}-{name}")
    shop = {
        "format": 1,
        "sources": {"app": {"title": "The application", "scope": "app", "complete": True}},
        "metrics": [["http.client.open_connections", "app", "updowncounter", "{connection}",
                     None, [], None, None]],
    }  # fmt: skip
    (package / "app.json").write_text(json.dumps(shop), encoding="utf-8")
    (package / ".pkgkit.yaml").write_text(
        "registries: [go-metrics.yaml, hardware-fan-metrics.yaml, app.json]\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "pkgkit", "lint", "--no-cache", "--format", "json", str(package)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    found = [(d["rule"], d["path"], d["line"]) for d in json.loads(done.stdout)]
    assert (done.returncode, found) == (1, [
        ("MET004", "go/README.md", 102),
        ("MET004", "go/dashboards/go-runtime-metrics.json", 732),
        ("MET004", "go/events/context-deadline-exceeded.json", 11),
    ])  # fmt: skip
    message = json.loads(done.stdout)[2]["message"]
    assert "'app.context.deadline_exceeded' (catalogue: app)" in message


def test_unusable_documents_say_why():
    catalogue = Catalogue()
    assert "neither a semantic-convention registry" in catalogue.add([1])
    assert "'scope' must be a non-empty string" in catalogue.add({"scope": 3, "groups": []})
    assert "'sources' mapping" in catalogue.add({"format": 1})


def test_the_shipped_file_is_compact_json_of_facts():
    text = read_text("pkgkit", "conventions/catalogue.json")
    data = json.loads(text)
    assert data["format"] == 1
    assert len(text) < 150_000
    assert all(len(row) == 8 for row in data["metrics"])
    assert "brief" not in text
    assert "note" not in text


def test_linting_with_the_builtin_catalogue_imports_no_yaml_parser(tmp_path):
    script = (
        "import sys\n"
        "from pkgkit.cli import main\n"
        f"code = main(['lint', '--no-cache', '--select', 'MET', {str(GO_FIXTURE)!r}])\n"
        "print(code, 'yaml' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.splitlines()[-1] == "0 False"


def test_a_lint_that_checks_no_metric_does_not_read_the_catalogue(tmp_path):
    script = (
        "import sys\n"
        "from pkgkit.cli import main\n"
        "from pkgkit.conventions import catalogue\n"
        f"code = main(['lint', '--no-cache', '--select', 'PKG,DOC', {str(GO_FIXTURE)!r}])\n"
        "print(code, catalogue.builtin_catalogue.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.splitlines()[-1] == "0 0"


def test_the_wheel_data_is_declared():
    text = (Path(REPO) / "pyproject.toml").read_text(encoding="utf-8")
    assert '"pkgkit.conventions" = ["catalogue.json"]' in text
