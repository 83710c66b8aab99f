"""``pkgkit conventions``: look up the catalogue of the OpenTelemetry conventions.

``show NAME`` prints what every source says about a metric (instrument, unit, stability,
attributes with their types, source and instrumentation scope, deprecation) or about an
attribute; ``search TEXT`` lists the metrics whose name contains ``TEXT`` (``--source`` keeps
one source); ``sources`` lists the sources with their versions and licences. ``--format json``
prints the same as JSON. An unknown name or source is a usage error with a did-you-mean.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from pkgkit.conventions.catalogue import Catalogue, CatalogueMetric


def add_parser(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private action type
    """Register ``conventions`` and its three actions."""
    parser = subparsers.add_parser(
        "conventions",
        help="look up metrics and attributes of the OpenTelemetry conventions",
        description="Look up the catalogue pkgkit checks metrics against: the semantic-"
        "convention registry and the instrumentations it knows.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    show = actions.add_parser("show", help="what the catalogue says about a metric or attribute")
    show.add_argument("name", metavar="NAME", help="a metric or attribute name")
    search = actions.add_parser("search", help="metrics whose name contains TEXT")
    search.add_argument("text", metavar="TEXT", help="part of a metric name (any case)")
    search.add_argument("--source", metavar="S", help="only this source (id or scope)")
    sources = actions.add_parser("sources", help="the sources, their versions and licences")
    for each in (show, search, sources):
        each.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the answer; 0, or a usage error (2) for an unknown name or source."""
    from pkgkit.conventions.catalogue import builtin_catalogue  # noqa: PLC0415

    catalogue = builtin_catalogue()
    if args.action == "show":
        value = show(catalogue, args.name)
    elif args.action == "search":
        value = search(catalogue, args.text, args.source)
    else:
        value = {"sources": [_source(catalogue, s) for s in sorted(catalogue.sources)]}
    if args.format == "json":
        import json  # noqa: PLC0415

        sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(as_text(value))
    return 0


def show(catalogue: Catalogue, name: str) -> dict[str, Any]:
    """Every entry named ``name``, or the attribute ``name``; usage error when neither."""
    entries = catalogue.entries(name)
    if entries:
        return {"metric": name, "entries": [entry_value(catalogue, e) for e in entries]}
    if name in catalogue.attributes or name in catalogue.resource_attributes:
        carried = sorted({m.name for m in catalogue.all_metrics() if name in m.attributes})
        return {
            "attribute": name,
            "type": catalogue.attributes.get(name, "string"),
            "resource": name in catalogue.resource_attributes,
            "metrics": carried,
        }
    names = {m.name for m in catalogue.all_metrics()} | set(catalogue.attributes)
    _unknown(f"no metric or attribute '{name}' in the catalogue", name, names)
    return {}  # pragma: no cover - _unknown raises


def search(catalogue: Catalogue, text: str, source: str | None) -> dict[str, Any]:
    """Metrics whose name contains ``text`` (case-insensitive), of ``source`` when given."""
    wanted = _source_id(catalogue, source) if source else None
    needle = text.casefold()
    found = [
        entry_value(catalogue, m)
        for m in catalogue.all_metrics()
        if needle in m.name.casefold() and (wanted is None or m.source == wanted)
    ]
    return {"search": text, "source": wanted, "metrics": found}


def entry_value(catalogue: Catalogue, metric: CatalogueMetric) -> dict[str, Any]:
    """One entry as plain values (what ``--format json`` prints)."""
    return {
        "name": metric.name,
        "source": metric.source,
        "catalogue": catalogue.label(metric),
        "scope": metric.scope,
        "instrument": metric.instrument,
        "unit": metric.unit,
        "stability": metric.stability,
        "attributes": [
            {"name": a, "type": catalogue.attributes.get(a, "string")} for a in metric.attributes
        ],
        "deprecation": metric.deprecation,
        "renamed_to": metric.renamed_to,
    }


def _source(catalogue: Catalogue, source_id: str) -> dict[str, Any]:
    source = catalogue.sources[source_id]
    metrics = sum(1 for m in catalogue.all_metrics() if m.source == source_id)
    return {**source._asdict(), "metrics": metrics}


def _source_id(catalogue: Catalogue, given: str) -> str:
    for source in catalogue.sources.values():
        if given in (source.id, source.scope):
            return source.id
    known = [s.id for s in catalogue.sources.values()]
    scopes = [s.scope for s in catalogue.sources.values() if s.scope]
    _unknown(f"unknown source '{given}' (sources: {', '.join(known)})", given, known + scopes)
    return ""  # pragma: no cover - _unknown raises


def _unknown(message: str, name: str, candidates: set[str] | list[str]) -> None:
    from pkgkit.commands import UsageError  # noqa: PLC0415
    from pkgkit.util.suggest import did_you_mean  # noqa: PLC0415

    hint = did_you_mean(name, candidates)
    raise UsageError(message + (f"; {hint}" if hint else ""))


def as_text(value: dict[str, Any]) -> str:
    """The text form of a ``show``, ``search`` or ``sources`` answer."""
    if "entries" in value:
        lines = [value["metric"]]
        for entry in value["entries"]:
            lines += ["  " + _summary(entry), *_details(entry)]
    elif "attribute" in value:
        kind = "resource attribute" if value["resource"] else "attribute"
        lines = [f"{value['attribute']}: {kind}, type {value['type']}"]
        if value["metrics"]:
            lines.append("  on metrics: " + ", ".join(value["metrics"]))
    elif "sources" in value:
        lines = [_source_line(s) for s in value["sources"]]
    else:
        lines = [f"{e['name']}  {_summary(e)}" for e in value["metrics"]]
        if not lines:
            lines = [f"no metric name contains '{value['search']}'"]
    return "\n".join(lines) + "\n"


def _source_line(source: dict[str, Any]) -> str:
    line = (
        f"{source['id']}: {source['title']}; version {source['version'] or '-'};"
        f" commit {source['commit'] or '-'}; {source['licence']}; {source['metrics']} metrics"
    )
    if source["scope"]:
        line += f"; scope {source['scope']}" + (" (complete)" if source["complete"] else "")
    return line


def _summary(entry: dict[str, Any]) -> str:
    parts = [entry["instrument"] or "instrument unknown", f"unit {entry['unit'] or '-'}"]
    if entry["stability"]:
        parts.append(entry["stability"])
    if entry["deprecation"]:
        renamed = f", renamed to {entry['renamed_to']}" if entry["renamed_to"] else ""
        parts.append(f"deprecated ({entry['deprecation']}{renamed})")
    where = f"{entry['catalogue']}" + (f", scope {entry['scope']}" if entry["scope"] else "")
    return f"[{where}] " + ", ".join(parts)


def _details(entry: dict[str, Any]) -> list[str]:
    if not entry["attributes"]:
        return []
    listed = ", ".join(f"{a['name']} ({a['type']})" for a in entry["attributes"])
    return [f"    attributes: {listed}"]
