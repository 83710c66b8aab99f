"""The catalogue generator and the source extractors."""

import io
import json
import tarfile
import zipfile

import pytest

from helpers import REPO
from pkgkit.conventions import extract, generate

SHARED = REPO.parent / "shared" / "reference"
SEMCONV = SHARED / "semconv"
needs_shared = pytest.mark.skipif(
    not (SEMCONV / "model").is_dir(), reason="../shared/reference/semconv is absent"
)
SOURCES = REPO / "tools" / "catalogue-sources"
SHIPPED = REPO / "src" / "pkgkit" / "conventions" / "catalogue.json"


@needs_shared
def test_regenerating_from_the_same_sources_is_byte_identical():
    text = generate.dumps(generate.build(SEMCONV, SOURCES))
    assert text == SHIPPED.read_text(encoding="utf-8")
    assert generate.dumps(generate.build(SEMCONV, SOURCES)) == text


@needs_shared
def test_check_mode_reports_a_stale_file(tmp_path, capsys):
    stale = tmp_path / "catalogue.json"
    stale.write_text("{}", encoding="utf-8")
    arguments = ["--semconv", str(SEMCONV), "--sources", str(SOURCES), "--output", str(stale)]
    assert generate.main([*arguments, "--check"]) == 1
    assert "is not what the sources generate" in capsys.readouterr().err
    assert generate.main(arguments) == 0
    assert generate.main([*arguments, "--check"]) == 0


@needs_shared
def test_the_go_runtime_extract_is_what_the_facts_file_gives():
    """The README's command rewrites the committed extract as it is, every key included."""
    extracted = extract.go_runtime(SHARED / "otel-go-runtime-metrics.md")
    committed = json.loads((SOURCES / "go-runtime.json").read_text(encoding="utf-8"))
    assert extracted == committed
    assert extracted["attributes"] == {"go.memory.type": "enum"}


def test_a_small_registry_compiles_to_rows_with_resolved_attributes(tmp_path):
    model = tmp_path / "semconv" / "model" / "app"
    model.mkdir(parents=True)
    (tmp_path / "semconv" / "SOURCE.md").write_text(
        "at commit " + "a" * 40 + " (`git describe`: v9.9.9-1-gaaaaaaa), unchanged\n"
    )
    (tmp_path / "semconv" / "LICENSE").write_text("Apache License\nVersion 2.0\n")
    (model / "registry.yaml").write_text(
        "groups:\n"
        "  - id: registry.app\n"
        "    type: attribute_group\n"
        "    brief: prose that must not be copied\n"
        "    attributes:\n"
        "      - {id: app.kind, type: {members: [{id: a, value: a}]}, brief: more prose}\n"
        "      - {id: app.size, type: int}\n"
        "  - id: attributes.app.common\n"
        "    type: attribute_group\n"
        "    attributes: [{ref: app.size}]\n"
        "  - id: entity.app\n"
        "    type: entity\n"
        "    attributes: [{ref: app.kind}]\n"
    )
    (model / "metrics.yaml").write_text(
        "groups:\n"
        "  - id: metric.app.jobs\n"
        "    type: metric\n"
        "    metric_name: app.jobs\n"
        "    extends: attributes.app.common\n"
        "    brief: prose\n"
        "    instrument: counter\n"
        '    unit: "{job}"\n'
        "    stability: stable\n"
        "    attributes: [{ref: app.kind}]\n"
        "  - id: metric.app.old_jobs\n"
        "    type: metric\n"
        "    metric_name: app.old_jobs\n"
        "    instrument: counter\n"
        '    unit: "{job}"\n'
        "    deprecated: {reason: renamed, renamed_to: app.jobs}\n"
    )
    sources = tmp_path / "sources"
    sources.mkdir()
    built = generate.build(tmp_path / "semconv", sources)
    assert built["sources"]["semconv"]["commit"] == "a" * 40
    assert built["sources"]["semconv"]["version"] == "v9.9.9-1-gaaaaaaa"
    assert built["metrics"] == [
        ["app.jobs", "semconv", "counter", "{job}", "stable", ["app.kind", "app.size"], None, None],
        ["app.old_jobs", "semconv", "counter", "{job}", None, [], "renamed", "app.jobs"],
    ]
    assert built["attributes"] == {"app.kind": "enum", "app.size": "int"}
    assert built["resource_attributes"] == ["app.kind"]
    assert "prose" not in generate.dumps(built)


def test_the_second_registry_format_compiles_as_the_first(tmp_path):
    """``file_format: definition/2`` files (weaver's second schema, 37 files of the pinned
    registry: hardware metrics, server, client, thread attributes): top-level attributes (by
    key), attribute groups, metrics (by name), and refinements whose attributes join the metric
    they refine, across files."""
    model = tmp_path / "semconv" / "model" / "hw"
    model.mkdir(parents=True)
    (tmp_path / "semconv" / "SOURCE.md").write_text("at commit " + "b" * 40 + "\n")
    (tmp_path / "semconv" / "LICENSE").write_text("Apache License\n")
    (model / "common.yaml").write_text(
        "file_format: definition/2\n"
        "attributes:\n"
        "  - {key: hw.id, type: string, brief: prose}\n"
        "  - {key: hw.port, type: int}\n"
        "  - key: hw.state\n"
        "    type: {members: [{id: ok, value: ok}]}\n"
        "attribute_groups:\n"
        "  - id: hw.attributes.common\n"
        "    visibility: internal\n"
        "    attributes: [{ref: hw.id, requirement_level: required}]\n"
        "metrics:\n"
        "  - name: hw.status\n"
        "    instrument: updowncounter\n"
        "    unit: '1'\n"
        "    stability: development\n"
        "    brief: prose\n"
        "    attributes: [{ref_group: hw.attributes.common}, {ref: hw.state}]\n"
    )
    (model / "fan.yaml").write_text(
        "file_format: definition/2\n"
        "metrics:\n"
        "  - {name: hw.fan.speed, instrument: gauge, unit: rpm, attributes: [{ref: hw.id}]}\n"
        "metric_refinements:\n"
        "  - {id: metric.hw.fan.status, ref: hw.status, attributes: [{ref: hw.port}]}\n"
        "  - {id: metric.hw.gone.status, ref: hw.gone, attributes: [{ref: hw.port}]}\n"
    )
    built = generate.build(tmp_path / "semconv", tmp_path)
    assert built["metrics"] == [
        ["hw.fan.speed", "semconv", "gauge", "rpm", None, ["hw.id"], None, None],
        [
            "hw.status", "semconv", "updowncounter", "1", "development",
            ["hw.id", "hw.port", "hw.state"], None, None,
        ],
    ]  # fmt: skip
    assert built["attributes"] == {"hw.id": "string", "hw.port": "int", "hw.state": "enum"}
    assert "prose" not in generate.dumps(built)


@needs_shared
def test_the_shipped_catalogue_holds_the_second_format_files_of_the_registry():
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    rows = {(row[0], row[1]): row for row in shipped["metrics"]}
    fan = rows["hw.fan.speed", "semconv"]
    assert fan[2:5] == ["gauge", "rpm", "development"]
    assert {"hw.id", "hw.sensor_location"} <= set(fan[5])
    assert "hw.battery.chemistry" in rows["hw.status", "semconv"][5]  # from a refinement
    assert shipped["attributes"]["server.port"] == "int"  # defined in model/server, format 2


def test_mdatagen_metadata_becomes_an_extract(tmp_path):
    path = tmp_path / "metadata.yaml"
    path.write_text(
        "type: demo\n"
        "resource_attributes:\n"
        "  k8s.pod.name: {description: prose, type: string, enabled: true}\n"
        "attributes:\n"
        "  resource: {description: prose, type: string}\n"
        "metrics:\n"
        "  demo.up: {description: prose, unit: '', gauge: {value_type: int}}\n"
        "  demo.total:\n"
        "    unit: '{request}'\n"
        "    stability: development\n"
        "    sum: {monotonic: true, value_type: int}\n"
        "    attributes: [resource]\n"
        "  demo.level: {unit: By, sum: {monotonic: false, value_type: int}}\n"
    )
    extracted = extract.mdatagen("k8sclusterreceiver", path)
    assert extracted["metrics"] == [
        {"instrument": "updowncounter", "name": "demo.level", "unit": "By"},
        {
            "attributes": ["resource"],
            "instrument": "counter",
            "name": "demo.total",
            "stability": "development",
            "unit": "{request}",
        },
        {"instrument": "gauge", "name": "demo.up", "unit": ""},
    ]
    assert extracted["resource_attributes"] == {"k8s.pod.name": "string"}
    assert "prose" not in extract.dumps(extracted)


PYTHON_SOURCE = '''
from opentelemetry.semconv.attributes import CPYTHON_GC_GENERATION

class SystemMetricsInstrumentor:
    def _instrument(self):
        self._meter.create_observable_counter(
            name=f"process.runtime.{self._python_implementation}.cpu_time",
            callbacks=[self._get_runtime_cpu_time],
            description="prose",
            unit="s",
        )
        self._meter.create_observable_up_down_counter(
            name="cpython.gc.collections", callbacks=[self._get_gc], unit="{collection}"
        )
        create_process_cpu_utilization(self._meter, callbacks=[self._get_cpu])

    def _get_runtime_cpu_time(self, options):
        for metric in ("user", "system"):
            self._runtime_cpu_time_labels["type"] = metric

    def _get_gc(self, options):
        self._gc_labels[CPYTHON_GC_GENERATION] = 0
'''


def test_the_python_instrumentation_is_read_from_its_wheel(tmp_path):
    wheel = tmp_path / "opentelemetry_instrumentation_system_metrics-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(extract._PYTHON_MODULE, PYTHON_SOURCE)
        archive.writestr("x-1.0.dist-info/METADATA", "Name: x\nVersion: 1.0\n")
    extracted = extract.python_system_metrics(wheel)
    assert extracted["version"] == "1.0"
    assert extracted["scope"] == "opentelemetry.instrumentation.system_metrics"
    assert [(m["name"], m["instrument"], m["unit"]) for m in extracted["metrics"]] == [
        ("cpython.gc.collections", "updowncounter", "{collection}"),
        ("process.cpu.utilization", "gauge", "1"),
        ("process.runtime.cpython.cpu_time", "counter", "s"),
        ("process.runtime.pypy.cpu_time", "counter", "s"),
    ]
    assert extracted["metrics"][0]["attributes"] == ["cpython.gc.generation"]
    assert extracted["metrics"][2]["attributes"] == ["type"]
    assert "sha256" in extracted["origin"]


def test_the_command_line_writes_an_extract(tmp_path, capsys):
    path = tmp_path / "metadata.yaml"
    path.write_text("metrics:\n  demo.up: {unit: '1', gauge: {value_type: int}}\n")
    assert extract.main(["k8sclusterreceiver", str(path), "--commit", "c" * 40]) == 0
    written = json.loads(capsys.readouterr().out)
    assert written["commit"] == "c" * 40
    assert written["metrics"] == [{"instrument": "gauge", "name": "demo.up", "unit": "1"}]


NODE_SEMCONV = """
exports.METRIC_V8JS_MEMORY_HEAP_USED = 'v8js.memory.heap.used';
exports.METRIC_NODEJS_EVENTLOOP_TIME = 'nodejs.eventloop.time';
exports.ATTR_V8JS_HEAP_SPACE_NAME = 'v8js.heap.space.name';
"""
NODE_COLLECTOR = """
const used = meter.createObservableGauge(semconv_1.METRIC_V8JS_MEMORY_HEAP_USED, {
    description: 'prose',
    unit: 'By',
});
observableResult.observe(used, 1, { [semconv_1.ATTR_V8JS_HEAP_SPACE_NAME]: name });
"""


def test_the_node_instrumentation_is_read_from_its_npm_tarball(tmp_path):
    tarball = tmp_path / "runtime-node-9.9.9.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        for name, text in {
            "package/package.json": '{"name": "x", "version": "9.9.9"}',
            "package/build/src/semconv.js": NODE_SEMCONV,
            "package/build/src/metrics/heap.js": NODE_COLLECTOR,
        }.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    extracted = extract.node_runtime(tarball)
    assert extracted["version"] == "9.9.9"
    assert extracted["metrics"] == [
        {
            "attributes": ["v8js.heap.space.name"],
            "instrument": "gauge",
            "name": "v8js.memory.heap.used",
            "unit": "By",
        }
    ]
