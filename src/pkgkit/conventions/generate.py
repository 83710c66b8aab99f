"""Compile the catalogue pkgkit ships from the semantic-convention registry and source extracts.

Inputs: the OpenTelemetry semantic-convention registry (a ``model/`` folder of YAML files, with
a ``SOURCE.md`` beside it naming the commit, and its ``LICENSE``) and the source extracts of
instrumentations whose names are not (or no longer) in the registry
(``tools/catalogue-sources/*.json``, written by :mod:`pkgkit.conventions.extract`). Output:
``src/pkgkit/conventions/catalogue.json``, facts only (no brief, note or other prose), the same
bytes for the same inputs. Run from the repository root::

    python -m pkgkit.conventions.generate            # or: nox -s conventions
    python -m pkgkit.conventions.generate --check    # exit 1 when the shipped file differs

The format (``"format": 1``) is read by :mod:`pkgkit.conventions.catalogue`:

- ``sources``: per source id, its ``title``, ``version``, ``commit``, ``origin``, ``licence``,
  and for an instrumentation its ``scope`` (as Instana shows it in metric ids) and ``complete``
  (it emits nothing but the names listed);
- ``attributes``: every attribute a metric or an entity of the registry references, or an
  instrumentation reports, with its type (``enum`` for a registry enum);
- ``resource_attributes``: the attributes the registry's entities (resources) and the
  instrumentations' resource attributes define;
- ``metrics``: rows ``[name, source, instrument, unit, stability, attributes, deprecation,
  renamed_to]`` sorted by name and source; ``deprecation`` is the registry's reason
  (``renamed``, ``obsoleted``, ``uncategorized``) or null.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pkgkit.conventions.catalogue import (
    CATALOGUE_FORMAT,
    SEMCONV,
    GroupAttributes,
    metric_row,
    refined,
    registry_attribute_types,
    registry_document_groups,
)

FORMAT = CATALOGUE_FORMAT
DEFAULT_SEMCONV = Path("../shared/reference/semconv")
DEFAULT_SOURCES = Path("tools/catalogue-sources")
DEFAULT_OUTPUT = Path("src/pkgkit/conventions/catalogue.json")


def registry_groups(model: Path) -> list[dict[str, Any]]:
    """Every group of every YAML file under ``model`` (files in sorted path order), in either
    format, each metric refinement merged into its metric."""
    import yaml  # noqa: PLC0415 - a maintainer's tool

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    groups: list[dict[str, Any]] = []
    for path in sorted(model.rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        groups.extend(registry_document_groups(data) or [])
    return refined(groups)


def semconv_part(root: Path) -> tuple[dict[str, Any], list[list[Any]], dict[str, str], set[str]]:
    """The registry's source entry, metric rows, referenced attributes and resource attributes."""
    groups = registry_groups(root / "model")
    types = registry_attribute_types(groups)
    resolver = GroupAttributes(groups)
    rows: list[list[Any]] = []
    used: set[str] = set()
    resource: set[str] = set()
    for group in groups:
        if group.get("type") == "entity":
            resource.update(resolver.of(group))
        row = metric_row(group, resolver, SEMCONV)
        if row is not None:
            rows.append(row)
            used.update(row[5])
    used |= resource
    source = _semconv_source(root)
    return source, rows, {n: types.get(n, "string") for n in used}, resource


def _semconv_source(root: Path) -> dict[str, Any]:
    """Identity of the registry copy, from the ``SOURCE.md`` beside its ``model/``."""
    text = (root / "SOURCE.md").read_text(encoding="utf-8")
    commit = next(
        (w.strip("`(),.;") for w in text.split() if len(w.strip("`(),.;")) == 40), None
    )
    version = None
    marker = "`git describe`:"
    if marker in text:
        version = text.split(marker, 1)[1].split()[0].strip("`(),.;")
    licence_head = (root / "LICENSE").read_text(encoding="utf-8")[:2000]
    licence = "Apache-2.0" if "Apache License" in licence_head else None
    return {
        "title": "OpenTelemetry semantic conventions registry",
        "version": version,
        "commit": commit,
        "origin": "open-telemetry/semantic-conventions model/",
        "licence": licence,
    }


def instrumentation_part(
    extract: dict[str, Any],
) -> tuple[dict[str, Any], list[list[Any]], dict[str, str], set[str]]:
    """One source extract as a source entry, metric rows, attributes and resource attributes."""
    source_id = extract["id"]
    rows = [
        [
            m["name"],
            source_id,
            m.get("instrument"),
            m.get("unit"),
            m.get("stability"),
            sorted(m.get("attributes", [])),
            m.get("deprecation"),
            m.get("renamed_to"),
        ]
        for m in extract["metrics"]
    ]
    resource = dict(extract.get("resource_attributes", {}))
    attributes = {**resource, **extract.get("attributes", {})}
    keys = ("title", "scope", "complete", "version", "commit", "origin", "licence")
    return {k: extract.get(k) for k in keys}, rows, attributes, set(resource)


def build(semconv: Path, sources: Path) -> dict[str, Any]:
    """The catalogue as a JSON value."""
    parts = [semconv_part(semconv)]
    ids = [SEMCONV]
    for path in sorted(sources.glob("*.json")):
        extract = json.loads(path.read_text(encoding="utf-8"))
        parts.append(instrumentation_part(extract))
        ids.append(extract["id"])
    attributes: dict[str, str] = {}
    resource: set[str] = set()
    rows: list[list[Any]] = []
    for part in parts:
        rows += part[1]
        for name, kind in part[2].items():
            attributes.setdefault(name, kind)
        resource |= part[3]
    return {
        "format": FORMAT,
        "sources": {source_id: part[0] for source_id, part in zip(ids, parts, strict=True)},
        "attributes": dict(sorted(attributes.items())),
        "resource_attributes": sorted(resource),
        "metrics": sorted(rows, key=lambda row: (row[0], row[1])),
    }


def dumps(catalogue: dict[str, Any]) -> str:
    """Compact, diff-friendly JSON: one source, attribute or metric per line."""

    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    def mapping(values: dict[str, Any]) -> str:
        return "{\n" + ",\n".join(f"{one(k)}:{one(v)}" for k, v in values.items()) + "\n}"

    metrics = "[\n" + ",\n".join(one(row) for row in catalogue["metrics"]) + "\n]"
    return (
        f'{{"format":{catalogue["format"]},\n'
        f'"sources":{mapping(catalogue["sources"])},\n'
        f'"attributes":{mapping(catalogue["attributes"])},\n'
        f'"resource_attributes":{one(catalogue["resource_attributes"])},\n'
        f'"metrics":{metrics}}}\n'
    )


def main(argv: list[str] | None = None) -> int:
    """Write (or ``--check``) the catalogue; paths relative to the working directory."""
    parser = argparse.ArgumentParser(prog="python -m pkgkit.conventions.generate")
    parser.add_argument("--semconv", type=Path, default=DEFAULT_SEMCONV)
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 when the output differs")
    args = parser.parse_args(argv)
    if not (args.semconv / "model").is_dir():
        parser.error(f"no registry at {args.semconv}/model")
    text = dumps(build(args.semconv, args.sources))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            sys.stderr.write(f"{args.output} is not what the sources generate\n")
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
