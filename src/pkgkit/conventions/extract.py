"""Facts from an instrumentation's own source, for the catalogue generator (a maintainer's tool).

Each extractor reads one upstream source and returns a *source extract*: a JSON object with the
source's identity (``id``, ``title``, ``scope``, ``complete``, ``version``, ``commit``,
``origin``, ``licence``), its attributes with their types, and per metric its ``name``,
``instrument``, ``unit``, ``stability`` and ``attributes``. No descriptions: facts only. The
extracts are committed under ``tools/catalogue-sources/``; :mod:`pkgkit.conventions.generate`
compiles them with the semantic-convention registry into the shipped catalogue.

Usage (writes the extract to standard output)::

    python -m pkgkit.conventions.extract go-runtime ../shared/reference/otel-go-runtime-metrics.md
    python -m pkgkit.conventions.extract python-system-metrics WHEEL
    python -m pkgkit.conventions.extract node-runtime TARBALL
    python -m pkgkit.conventions.extract k8sclusterreceiver metadata.yaml --commit SHA --version V

Supported formats: the Go runtime facts table (Markdown), the collector's mdatagen
``metadata.yaml``, the ``opentelemetry-instrumentation-system-metrics`` wheel (its
``__init__.py`` read with :mod:`ast`: every ``create_observable_*`` call with its ``name``,
``unit`` and the attribute keys its callback sets) and the
``@opentelemetry/instrumentation-runtime-node`` npm tarball (its built collectors).
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

#: Identity of each known source (what the upstream files do not say themselves).
SOURCES: dict[str, dict[str, Any]] = {
    "go-runtime": {
        "title": "OpenTelemetry Go runtime instrumentation",
        "scope": "go.opentelemetry.io/contrib/instrumentation/runtime",
        "complete": True,
        "licence": "Apache-2.0",
    },
    "python-system-metrics": {
        "title": "OpenTelemetry Python system metrics instrumentation",
        "scope": "opentelemetry.instrumentation.system_metrics",
        "complete": True,
        "licence": "Apache-2.0",
    },
    "node-runtime": {
        "title": "OpenTelemetry Node.js runtime instrumentation",
        "scope": "@opentelemetry/instrumentation-runtime-node",
        "complete": True,
        "licence": "Apache-2.0",
    },
    "k8sclusterreceiver": {
        "title": "OpenTelemetry Collector Kubernetes cluster receiver",
        "scope": (
            "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/k8sclusterreceiver"
        ),
        "complete": True,
        "licence": "Apache-2.0",
    },
}

#: README-style instrument words -> registry instrument names.
_INSTRUMENTS = {
    "counter": "counter",
    "updowncounter": "updowncounter",
    "gauge": "gauge",
    "histogram": "histogram",
}


def _instrument(text: str) -> str | None:
    letters = "".join(c for c in text.split("(", maxsplit=1)[0].casefold() if c.isalpha())
    return _INSTRUMENTS.get(letters)


# Go runtime: the facts table ------------------------------------------------------------------


def go_runtime(path: Path) -> dict[str, Any]:
    """The metrics tables of the Go runtime facts file (``| metric | instrument | unit |``)."""
    metrics: list[dict[str, Any]] = []
    attributes: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        heading = cells[0] in ("metric", "") or "---" in line
        if not line.startswith("|") or len(cells) < 3 or heading:
            continue
        name, instrument, unit = cells[0], _instrument(cells[1]), cells[2]
        keys: list[str] = []
        if len(cells) > 3 and cells[3]:
            for part in cells[3].split(";"):
                key = part.split(":")[0].strip()
                if key:
                    keys.append(key)
                    attributes[key] = "enum" if ":" in part else "string"
        metrics.append(
            {
                "name": name,
                "instrument": instrument,
                "unit": "" if unit == "(none)" else unit,
                "attributes": keys,
            }
        )
    origin = f"{path.name} (shared/reference facts)"
    return _extract("go-runtime", metrics, attributes, origin=origin)


# Collector receivers: mdatagen metadata.yaml --------------------------------------------------


def mdatagen(source_id: str, path: Path) -> dict[str, Any]:
    """Metrics and attributes of an mdatagen ``metadata.yaml``."""
    import yaml  # noqa: PLC0415 - a maintainer's tool

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    attributes = {
        key: str(spec.get("type", "string")) for key, spec in (data.get("attributes") or {}).items()
    }
    resource = {
        key: str(spec.get("type", "string"))
        for key, spec in (data.get("resource_attributes") or {}).items()
    }
    metrics = []
    for name, spec in sorted((data.get("metrics") or {}).items()):
        metrics.append(
            {
                "name": name,
                "instrument": _mdatagen_instrument(spec),
                "unit": str(spec.get("unit", "")),
                "stability": spec.get("stability"),
                "attributes": [str(a) for a in spec.get("attributes") or []],
            }
        )
    extract = _extract(source_id, metrics, attributes, origin=path.name)
    extract["resource_attributes"] = dict(sorted(resource.items()))
    return extract


def _mdatagen_instrument(spec: dict[str, Any]) -> str | None:
    if "gauge" in spec:
        return "gauge"
    if "histogram" in spec:
        return "histogram"
    if "sum" in spec:
        return "counter" if (spec["sum"] or {}).get("monotonic") else "updowncounter"
    return None


# Python system metrics: the wheel's source, read with ast --------------------------------------

_PYTHON_MODULE = "opentelemetry/instrumentation/system_metrics/__init__.py"
_PYTHON_IMPLEMENTATIONS = ("cpython", "pypy")
_OBSERVABLE = {
    "create_observable_counter": "counter",
    "create_observable_up_down_counter": "updowncounter",
    "create_observable_gauge": "gauge",
    "create_counter": "counter",
    "create_up_down_counter": "updowncounter",
    "create_histogram": "histogram",
    "create_gauge": "gauge",
}
#: Instrument helpers of opentelemetry-semconv the instrumentation calls: name, instrument, unit
#: (as opentelemetry-semconv's ``_incubating.metrics`` modules define them).
_SEMCONV_HELPERS = {
    "create_process_cpu_utilization": ("process.cpu.utilization", "gauge", "1"),
}


def python_system_metrics(wheel: Path) -> dict[str, Any]:
    """Every instrument the system-metrics instrumentation creates, from its wheel's source."""
    with zipfile.ZipFile(wheel) as archive:
        source = archive.read(_PYTHON_MODULE).decode("utf-8")
        version = next(
            line.split(":", 1)[1].strip()
            for line in archive.read(_metadata_name(archive)).decode("utf-8").splitlines()
            if line.startswith("Version:")
        )
    tree = ast.parse(source)
    callbacks = {
        node.name: _label_keys(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name.startswith("_get_")
    }
    metrics: list[dict[str, Any]] = []
    attributes: dict[str, str] = {}
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        called = _called_name(call)
        keywords = {k.arg: k.value for k in call.keywords if k.arg}
        keys = sorted({key for cb in _callback_names(keywords) for key in callbacks.get(cb, ())})
        if called in _SEMCONV_HELPERS:
            name, instrument, unit_text = _SEMCONV_HELPERS[called]
            names = [name]
        elif called in _OBSERVABLE and "name" in keywords:
            instrument, names = _OBSERVABLE[called], _names(keywords["name"])
            unit = keywords.get("unit")
            unit_text = str(unit.value) if isinstance(unit, ast.Constant) else ""
        else:
            continue
        for key in keys:
            attributes[key] = "string"
        metrics.extend(
            {"name": name, "instrument": instrument, "unit": unit_text, "attributes": keys}
            for name in names
        )
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    extract = _extract(
        "python-system-metrics",
        metrics,
        attributes,
        origin=f"{wheel.name} (PyPI, sha256 {digest})",
    )
    extract["version"] = version
    return extract


def _metadata_name(archive: zipfile.ZipFile) -> str:
    return next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _callback_names(keywords: dict[str, ast.expr]) -> list[str]:
    callbacks = keywords.get("callbacks")
    if not isinstance(callbacks, ast.List):
        return []
    return [e.attr for e in callbacks.elts if isinstance(e, ast.Attribute)]


def _names(node: ast.expr) -> list[str]:
    """A constant name, or an f-string over the Python implementation, for each implementation."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [
            "".join(
                str(part.value) if isinstance(part, ast.Constant) else implementation
                for part in node.values
            )
            for implementation in _PYTHON_IMPLEMENTATIONS
        ]
    return []


def _label_keys(function: ast.FunctionDef) -> set[str]:
    """Keys a callback assigns in ``self._..._labels[KEY] = ...`` (constants, semconv names)."""
    keys: set[str] = set()
    for node in ast.walk(function):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if isinstance(target, ast.Subscript) and _is_labels(target.value):
                key = target.slice
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    keys.add(key.value)
                elif isinstance(key, ast.Name) and key.id.isupper():
                    # an opentelemetry-semconv attribute constant: CPYTHON_GC_GENERATION
                    keys.add(key.id.lower().replace("_", "."))
    return keys


def _is_labels(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr.endswith("_labels")


# Node.js runtime: the npm package's built collectors ---------------------------------------------

_JS_CREATE = re.compile(
    r"create(?:Observable)?(Gauge|UpDownCounter|Counter|Histogram)\(\s*semconv_1\.(METRIC_\w+),"
    r"\s*\{[^}]*?unit:\s*'([^']*)'",
)
_JS_CONSTANT = re.compile(r"exports\.((?:METRIC|ATTR)_\w+) = '([^']+)';")
_JS_ATTRIBUTE = re.compile(r"\[semconv_1\.(ATTR_\w+)\]")
_JS_INSTRUMENTS = {
    "Gauge": "gauge",
    "UpDownCounter": "updowncounter",
    "Counter": "counter",
    "Histogram": "histogram",
}


def node_runtime(tarball: Path) -> dict[str, Any]:
    """The instruments each collector of ``@opentelemetry/instrumentation-runtime-node`` creates.

    Read from the npm tarball's ``build/src``: ``semconv.js`` names the constants, each
    ``metrics/*.js`` collector creates instruments (``meter.createObservableGauge(
    semconv_1.METRIC_..., {unit: ...})``) and observes them with the attributes it names
    (``[semconv_1.ATTR_...]``), which apply to every instrument of that collector.
    """
    import tarfile  # noqa: PLC0415 - a maintainer's tool

    with tarfile.open(tarball) as archive:
        files = {
            member.name: archive.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
            for member in archive.getmembers()
            if member.isfile() and member.name.endswith((".js", "package.json"))
        }
    constants = dict(_JS_CONSTANT.findall(files["package/build/src/semconv.js"]))
    metrics: list[dict[str, Any]] = []
    attributes: dict[str, str] = {}
    for name in sorted(files):
        if not name.startswith("package/build/src/metrics/"):
            continue
        text = files[name]
        keys = sorted({constants[c] for c in _JS_ATTRIBUTE.findall(text) if c in constants})
        for key in keys:
            attributes[key] = "string"
        for kind, constant, unit in _JS_CREATE.findall(text):
            metrics.append(
                {
                    "name": constants[constant],
                    "instrument": _JS_INSTRUMENTS[kind],
                    "unit": unit,
                    "attributes": keys,
                }
            )
    manifest = json.loads(files["package/package.json"])
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    extract = _extract(
        "node-runtime", metrics, attributes, origin=f"{tarball.name} (npm, sha256 {digest})"
    )
    extract["version"] = str(manifest["version"])
    return extract


# Common -----------------------------------------------------------------------------------------


def _extract(
    source_id: str, metrics: list[dict[str, Any]], attributes: dict[str, str], origin: str
) -> dict[str, Any]:
    unique = {m["name"]: m for m in metrics}
    return {
        "id": source_id,
        **SOURCES[source_id],
        "version": None,
        "commit": None,
        "origin": origin,
        "attributes": dict(sorted(attributes.items())),
        "metrics": [
            {k: v for k, v in unique[n].items() if v not in (None, [])} for n in sorted(unique)
        ],
    }


def dumps(extract: dict[str, Any]) -> str:
    """The extract as committed: indented JSON, one metric per line."""
    head = {k: v for k, v in extract.items() if k != "metrics"}
    lines = json.dumps(head, indent=2, ensure_ascii=False)[:-2]
    rows = ",\n".join(
        "    " + json.dumps(m, ensure_ascii=False, sort_keys=True) for m in extract["metrics"]
    )
    return f'{lines},\n  "metrics": [\n{rows}\n  ]\n}}\n'


def main(argv: list[str] | None = None) -> int:
    """Command line: ``SOURCE-ID PATH [--commit SHA] [--version V]``."""
    parser = argparse.ArgumentParser(prog="python -m pkgkit.conventions.extract")
    parser.add_argument("source", choices=sorted(SOURCES))
    parser.add_argument("path", type=Path)
    parser.add_argument("--commit", help="upstream commit the file was taken from")
    parser.add_argument("--version", help="upstream version (release or describe)")
    parser.add_argument("--origin", help="where the file was taken from (repository and path)")
    args = parser.parse_args(argv)
    if args.source == "go-runtime":
        extract = go_runtime(args.path)
    elif args.source == "python-system-metrics":
        extract = python_system_metrics(args.path)
    elif args.source == "node-runtime":
        extract = node_runtime(args.path)
    else:
        extract = mdatagen(args.source, args.path)
    for key in ("commit", "version", "origin"):
        if getattr(args, key):
            extract[key] = getattr(args, key)
    sys.stdout.write(dumps(extract))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
