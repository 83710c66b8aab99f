"""A tag filter, group-by or entity identifier names an attribute the conventions do not define
for the metrics it applies to.

An ``otel.attribute.<key>`` (or ``metric.tag.<key>``) tag applies to the metrics of its widget,
event or entity. When the catalogue knows those metrics (by their instrumentation scope or
exact name), ``<key>`` must be an attribute one of them carries or a resource attribute the
conventions or the instrumentation define; ``metric.tag.<key>`` must be a metric attribute. The
hint names the closest defined attribute. Keys the README documents are the author's own, and a
key documented nowhere and defined by no convention is MET010's (with a did-you-mean among the
defined attributes: ``sdk.language`` -> ``telemetry.sdk.language``); a package without a README
gets that finding here, where the metrics are known or the key is close to a defined one. Each
key is reported once per package, at its first use, with the number of uses; the message names
the catalogue version that made the call.

Bad (``go.memory.used`` has no ``http.route``)::

    {"metric": "...runtime/go.memory.used", "groupbyTag": "metric.tag.http.route"}

Good::

    {"metric": "...runtime/go.memory.used", "groupbyTag": "metric.tag.go.memory.type"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import (
    catalogue,
    convention_match,
    conventions,
    defined_attributes,
    named,
    tags,
)
from pkgkit.util.suggest import closest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.conventions.catalogue import Catalogue, CatalogueMetric
    from pkgkit.model.metrics import MetricReference, TagReference
    from pkgkit.rules import RuleContext

CODE = "MET014"
NAME = "unknown-convention-attribute"
SEVERITY = Severity.WARNING
SUMMARY = "A tag, group-by or entity identifier names an attribute its metrics do not have"

_ENTITY_DATA = "/data"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """The first use of each undefined attribute key, with the number of uses."""
    known = catalogue(ctx)
    documented = conventions(ctx)
    own = documented.metric_attributes | {a.key for a in documented.resource_attributes}
    found: dict[str, tuple[TagReference, str, str | None]] = {}
    counts: dict[str, int] = {}
    readme = ctx.package.readme is not None
    for tag in tags(ctx):
        undefined = tag.attribute not in defined_attributes(ctx, tag.scope)
        if tag.attribute in own or (readme and undefined):
            continue  # the author's own attribute, or MET010's: documented nowhere
        verdict = _undefined(known, tag, *_metrics_of(ctx, known, tag))
        if verdict is None:
            continue
        counts[tag.attribute] = counts.get(tag.attribute, 0) + 1
        found.setdefault(tag.attribute, (tag, *verdict))
    for attribute, (tag, message, hint) in found.items():
        uses = counts[attribute]
        suffix = f"; {uses} uses in this package" if uses > 1 else ""
        yield Problem(
            tag.file,
            message + suffix,
            pointer=tag.pointer,
            hint=hint or "use an attribute the metric's instrumentation reports",
        )


def _metrics_of(
    ctx: RuleContext, known: Catalogue, tag: TagReference
) -> tuple[list[CatalogueMetric], str | None]:
    """The catalogue entries of the metrics ``tag`` applies to, and how to name them.

    Those whose configuration holds the tag; for an entity's identifiers and filter (under
    ``/data`` but outside its metrics) every metric of the entity.
    """
    applies: list[MetricReference] = []
    entity_level = tag.file.kind == "entity" and not tag.pointer.startswith("/data/metrics/")
    for reference in named(ctx):
        if reference.file is not tag.file:
            continue
        inside = tag.pointer.startswith(reference.context_pointer + "/")
        if inside or (entity_level and reference.pointer.startswith(_ENTITY_DATA + "/metrics/")):
            applies.append(reference)
    entries = (known.identify(r.metric.name, r.metric.scope) for r in applies)
    return [e for e in entries if e is not None], "the entity's metrics" if entity_level else None


def _undefined(
    known: Catalogue, tag: TagReference, metrics: list[CatalogueMetric], subject: str | None
) -> tuple[str, str | None] | None:
    """``(message, hint)`` when the tag's key is not defined where it is used."""
    key = tag.attribute
    resource = known.resource_attributes
    carried = {a for m in metrics for a in m.attributes}
    candidates = carried if tag.scope == "metric" else carried | resource
    if key in candidates:
        return None
    match = closest(key, candidates or set(known.attributes) | resource)
    hint = f"did you mean '{match}'?" if match else None
    if metrics:
        names = sorted({m.name for m in metrics})
        shown = subject or f"'{names[0]}'" + (f" and {len(names) - 1} more" * (len(names) > 1))
        kind = "a metric attribute" if tag.scope == "metric" else "a (resource) attribute"
        sources = sorted({known.label(m) for m in metrics})
        return (
            f"'{tag.tag}' names '{key}', which the conventions do not define as {kind} of"
            f" {shown} (catalogue: {', '.join(sources)})",
            hint,
        )
    if match is None or key in known.attributes or key in resource:
        return None
    if convention_match(key, [match]) is None:
        return None
    semconv = known.sources.get("semconv")
    where = f" (catalogue: {semconv.label()})" if semconv is not None else ""
    return f"'{tag.tag}' names '{key}', which the conventions do not define{where}", hint
