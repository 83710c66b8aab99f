"""A tag filter, entity identifier or group-by names an attribute the README does not document.

``otel.attribute.<key>`` names a resource attribute or a metric attribute; ``metric.tag.<key>``
names a metric attribute. ``<key>`` is known when the README documents it (the Resource
Attributes table, a metric's Attributes column or selectors, or a metric's description: "grouped
by direction"), when the OpenTelemetry conventions or a catalogued instrumentation define it
(the SDK or the instrumentation sets those: ``telemetry.sdk.language``, ``service.name``,
``k8s.namespace.name``, ``v8js.heap.space.name``), or when it is a metric attribute in the
namespace of the documented metric it applies to (``app.heap.space.name`` on
``app.heap.space.size``: instrumentations name their metrics' attributes so). :func:`known`
decides. Other tags (Instana's own, such as ``entity.type``) are not checked, nor are:

- tag filters with a fixed value (``PodType`` equals ``coordinator``, ``service.name`` equals
  ``paymentservice``): a filter the package applies for its own charts, not one its users set up;
- metric attributes of metrics the README does not document (the metrics of the configuration,
  widget or entity the tag is in): MET001 reports the metric, and its row's Attributes column is
  where the attribute goes.

One finding per attribute, at its first use, with the use count. It is a warning (document it),
but an error when the attribute identifies an entity (``data.identifiers``): an entity whose
identifier no telemetry carries has no instances, so it shows nothing. The hint proposes a
documented attribute only when the key looks like its misspelling (one dotted part off by a
letter or two, or the same key missing or adding a namespace), never another real attribute;
else a defined attribute the key evidently means (``sdk.language`` -> ``telemetry.sdk.language``).

Bad::

    {"type": "TAG_FILTER", "name": "otel.attribute.service.nmae", "value": "{{ servicename }}"}

Good::

    {"type": "TAG_FILTER", "name": "otel.attribute.service.name", "value": "{{ servicename }}"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import (
    convention_match,
    conventions,
    defined_attributes,
    references,
    tags,
    uses,
)
from pkgkit.util.suggest import normalize_name

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from pkgkit.model.metrics import MetricReference, TagReference
    from pkgkit.rules import RuleContext

CODE = "MET010"
NAME = "undocumented-tag-attribute"
SEVERITY = Severity.WARNING
SUMMARY = "A tag filter or group-by names an attribute the README does not document"
#: What an unknown entity identifier costs (an error: the entity shows nothing).
IDENTIFIER_CONSEQUENCE = (
    "; the entity's instances are told apart by it: the entity has none unless the telemetry"
    " carries it"
)

def known(ctx: RuleContext, tag: TagReference, metrics: list[MetricReference]) -> bool:
    """True when the attribute ``tag`` names is documented, defined, or the metric's own."""
    documented = _documented(ctx)
    if tag.attribute in documented.metric or tag.attribute in documented.described:
        return True
    if tag.attribute in defined_attributes(ctx, tag.scope):
        return True
    if tag.scope != "metric" and tag.attribute in documented.resource:
        return True
    return tag.scope == "metric" and any(_namespaced(ctx, m, tag.attribute) for m in metrics)


def check(ctx: RuleContext) -> Iterator[Problem]:
    """One finding per attribute that tags use and nothing makes known."""
    if ctx.package.readme is None:
        return
    unknown: dict[str, list[TagReference]] = {}
    for tag in tags(ctx):
        if _fixed_filter(tag):
            continue
        metrics = _applies_to(ctx, tag)
        if tag.scope == "metric" and metrics and not any(_is_documented(ctx, m) for m in metrics):
            continue  # MET001 reports the metric
        if not known(ctx, tag, metrics):
            unknown.setdefault(tag.attribute, []).append(tag)
    documented = _documented(ctx)
    candidates = documented.metric | documented.resource
    for attribute, found in unknown.items():
        tag = found[0]
        kind = "metric attribute" if tag.scope == "metric" else "resource or metric attribute"
        match = misspelt(attribute, candidates) or convention_match(
            attribute, defined_attributes(ctx, tag.scope)
        )
        identifies = any(_is_identifier(t) for t in found)
        consequence = IDENTIFIER_CONSEQUENCE if identifies else ""
        yield Problem(
            tag.file,
            f"'{tag.tag}' names '{attribute}', which is not a documented {kind} nor one the"
            f" OpenTelemetry conventions define{uses(found)}{consequence}",
            pointer=tag.pointer,
            hint=f"did you mean '{match}'?"
            if match
            else "document it in the README (Resource Attributes table or a metric's Attributes)",
            severity=Severity.ERROR if identifies else None,
        )


def _is_identifier(tag: TagReference) -> bool:
    """True for an entity identifier (``data.identifiers``): it tells the instances apart."""
    return "/identifiers/" in tag.pointer


class _Documented:
    """Attribute keys the README documents, by where."""

    __slots__ = ("described", "metric", "resource")

    def __init__(self, metric: set[str], resource: set[str], described: set[str]) -> None:
        self.metric = metric
        self.resource = resource
        self.described = described


def _documented(ctx: RuleContext) -> _Documented:
    def compute() -> _Documented:
        found = conventions(ctx)
        words = {w for m in found.metrics for w in _words(m.description or "")}
        resource = {a.key for a in found.resource_attributes}
        return _Documented(found.metric_attributes, resource, words)

    documented: _Documented = ctx.shared("met010.documented", compute)
    return documented


def _words(text: str) -> Iterable[str]:
    """The words of a description, attribute-key characters kept (``grouped by direction``)."""
    kept = "".join(c if c.isalnum() or c in "._-" else " " for c in text)
    return (word.strip(".") for word in kept.split())


def _fixed_filter(tag: TagReference) -> bool:
    """True for a tag filter whose value is fixed text (no ``{{ placeholder }}``, not empty)."""
    if not tag.pointer.endswith("/name"):
        return False
    node = tag.file.get(tag.pointer.removesuffix("/name"))
    value = node.get("value") if isinstance(node, dict) else None
    return isinstance(value, str) and value.strip() != "" and "{{" not in value


def _applies_to(ctx: RuleContext, tag: TagReference) -> list[MetricReference]:
    """The metric references of the innermost object around ``tag`` that has any: the metric
    configuration holding a filter, a table widget's datasets, an entity's metrics."""
    around = _references_around(ctx).get(id(tag.file), {})
    pointer = tag.pointer
    while pointer:
        pointer = pointer.rpartition("/")[0]
        inside = around.get(pointer)
        if inside:
            return inside
    return []


def _references_around(ctx: RuleContext) -> dict[int, dict[str, list[MetricReference]]]:
    """The package's metric references by file (the file's ``id``), then by every pointer
    their configuration is at or under (the document's ``""`` too), each list in order."""

    def compute() -> dict[int, dict[str, list[MetricReference]]]:
        grouped: dict[int, dict[str, list[MetricReference]]] = {}
        for reference in references(ctx):
            around = grouped.setdefault(id(reference.file), {})
            pointer = reference.context_pointer
            around.setdefault(pointer, []).append(reference)
            while pointer:
                pointer = pointer.rpartition("/")[0]
                around.setdefault(pointer, []).append(reference)
        return grouped

    grouped: dict[int, dict[str, list[MetricReference]]] = ctx.shared(
        "met010.references_around", compute
    )
    return grouped


def _is_documented(ctx: RuleContext, reference: MetricReference) -> bool:
    return reference.metric.pattern or reference.metric.name in conventions(ctx).names


def _namespaced(ctx: RuleContext, reference: MetricReference, attribute: str) -> bool:
    """True for a metric attribute in the namespace of a documented metric it applies to
    (``v8js.heap.space.name`` on ``v8js.memory.heap.space.used``): the metric's own attribute,
    which its instrumentation sets and the metric's row documents with it."""
    namespace, dot, _ = attribute.partition(".")
    name = reference.metric.name
    return bool(dot) and _is_documented(ctx, reference) and name.startswith(namespace + ".")


def misspelt(key: str, candidates: Iterable[str]) -> str | None:
    """The candidate ``key`` misspells: the same key but for separators or case
    (``service.instanceid``), the same key with or without a namespace (``sdk.language``,
    ``telemetry.sdk.language``), or one dotted part a letter or two off (``service.nmae``).
    Never merely a similar other key (``k8s.namespace.name`` is not ``service.name``)."""
    import difflib  # noqa: PLC0415 - only when an attribute is unknown (difflib imports heapq)

    wanted = normalize_name(key)
    parts = wanted.split(".")
    for candidate in sorted(set(candidates)):
        normal = normalize_name(candidate)
        theirs = normal.split(".")
        if "".join(parts) == "".join(theirs):  # service.instanceid
            return candidate
        if normal.endswith("." + wanted) or wanted.endswith("." + normal):
            return candidate
        differing = [(a, b) for a, b in zip(parts, theirs, strict=False) if a != b]
        if len(parts) == len(theirs) and len(differing) == 1:
            ours, other = differing[0]
            if difflib.SequenceMatcher(None, ours, other).ratio() >= _PART_CUTOFF:
                return candidate
    return None


_PART_CUTOFF = 0.75
