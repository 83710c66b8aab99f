"""Derived metric views shared by the MET rules (not a rule: the registry skips ``_`` modules).

Each view is computed once per package through :meth:`RuleContext.shared`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from pkgkit.conventions.catalogue import Catalogue, CatalogueMetric, load_catalogue
from pkgkit.model.conventions import (
    Conventions,
    DocumentedMetric,
    normalize_instrument,
    readme_conventions,
    unit_class,
)
from pkgkit.model.metrics import (
    MetricReference,
    References,
    TagReference,
    package_references,
)
from pkgkit.util.suggest import closest, normalize_name

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pkgkit.rules import RuleContext


def _references(ctx: RuleContext) -> References:
    """Metric and tag references, found in one walk of each document."""
    compute = lambda: package_references(ctx.package)  # noqa: E731
    found: References = ctx.shared("references", compute)
    return found


def references(ctx: RuleContext) -> list[MetricReference]:
    """Every metric reference of the package."""
    return _references(ctx).metrics


def tags(ctx: RuleContext) -> list[TagReference]:
    """Every tag-filter / group-by name that names an attribute."""
    return _references(ctx).tags


def catalogue(ctx: RuleContext) -> Catalogue:
    """Built-in catalogue plus the configured registries."""
    compute = lambda: load_catalogue(ctx.package.root, ctx.config.registries)  # noqa: E731
    known: Catalogue = ctx.shared("catalogue", compute)
    return known


def conventions(ctx: RuleContext) -> Conventions:
    """What the README documents."""
    compute = lambda: readme_conventions(ctx.package.readme, catalogue(ctx).scopes)  # noqa: E731
    documented: Conventions = ctx.shared("conventions", compute)
    return documented


def documented(ctx: RuleContext, name: str) -> DocumentedMetric | None:
    """The first README row documenting exactly ``name`` (``Conventions.lookup``, indexed)."""
    compute = lambda: _first_rows(conventions(ctx).metrics)  # noqa: E731
    index: dict[str, DocumentedMetric] = ctx.shared("met.documented", compute)
    return index.get(name)


def _first_rows(metrics: list[DocumentedMetric]) -> dict[str, DocumentedMetric]:
    index: dict[str, DocumentedMetric] = {}
    for metric in metrics:
        index.setdefault(metric.name, metric)
    return index


#: Unit classes and instruments of README and catalogue cells, which repeat across metrics.
_unit_class = functools.lru_cache(maxsize=512)(unit_class)
_instrument = functools.lru_cache(maxsize=512)(normalize_instrument)


class Facts:
    """What is known about a metric: its README row and its catalogue entry.

    ``unit`` is the unit class (the README's when it is known, else the catalogue's);
    ``instrument`` the normalised instrument, chosen the same way.
    """

    __slots__ = ("documented", "emitted", "instrument", "unit")

    def __init__(
        self, documented: DocumentedMetric | None, emitted: CatalogueMetric | None
    ) -> None:
        self.documented = documented
        self.emitted = emitted
        unit = _unit_class(documented.unit) if documented else None
        if unit is None and emitted is not None:
            unit = _unit_class(emitted.unit)
        self.unit = unit
        instrument = _instrument(documented.instrument) if documented else None
        if instrument is None and emitted is not None:
            instrument = _instrument(emitted.instrument)
        self.instrument = instrument


def facts(ctx: RuleContext, reference: MetricReference) -> Facts:
    """The README row and catalogue entry of a (non-pattern) reference (once per metric)."""
    known: dict[tuple[str, str | None], Facts] = ctx.shared("met.facts", dict)
    key = (reference.metric.name, reference.metric.instrumentation_scope)
    found = known.get(key)
    if found is None:
        found = known[key] = _facts(ctx, *key)
    return found


def _facts(ctx: RuleContext, name: str, scope: str | None) -> Facts:
    row = documented(ctx, name)
    scope = scope or (row.scope if row else None)
    return Facts(row, catalogue(ctx).identify(name, scope))


def named(ctx: RuleContext) -> list[MetricReference]:
    """References that name one metric (patterns excluded)."""
    compute = lambda: [r for r in references(ctx) if not r.metric.pattern]  # noqa: E731
    found: list[MetricReference] = ctx.shared("met.named", compute)
    return found


def defined_attributes(ctx: RuleContext, scope: str = "attribute") -> set[str]:
    """Every attribute the catalogue defines: a metric or resource attribute of any source, or
    (``scope="metric"``, for a ``metric.tag.``) a metric attribute."""
    if scope == "metric":
        compute = lambda: catalogue(ctx).metric_attribute_names()  # noqa: E731
        metric: set[str] = ctx.shared("met.metric_attribute_names", compute)
        return metric
    compute = lambda: set(catalogue(ctx).attributes) | catalogue(ctx).resource_attributes  # noqa: E731
    found: set[str] = ctx.shared("met.defined_attributes", compute)
    return found


def convention_match(key: str, candidates: Iterable[str]) -> str | None:
    """The defined attribute ``key`` evidently means: ``key`` with a namespace in front
    (``telemetry.`` + ``sdk.language``) or a near spelling of it; None when nothing is that close.
    """
    match = closest(key, candidates)
    if match is None:
        return None
    if match.endswith("." + key):
        return match
    import difflib  # noqa: PLC0415 - only for an attribute the conventions lack

    return match if difflib.SequenceMatcher(None, key, match).ratio() >= _NEAR else None


_NEAR = 0.85


def first_uses(found: Iterable[MetricReference]) -> list[tuple[MetricReference, int]]:
    """Each metric (name and scope) once per file: its first reference and how many there are."""
    groups: dict[tuple[str, str, str | None], list[MetricReference]] = {}
    for reference in found:
        key = (reference.file.relpath, reference.metric.name, reference.metric.scope)
        groups.setdefault(key, []).append(reference)
    return [(group[0], len(group)) for group in groups.values()]


def metric_hint(name: str, candidates: Iterable[str]) -> str | None:
    """``did you mean 'x'?`` for a metric name (:func:`metric_match`)."""
    match = metric_match(name, candidates)
    return None if match is None else f"did you mean '{match}'?"


def metric_match(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate ``name`` is likely a misspelling of, when the names differ in more than a
    prefix.

    :func:`pkgkit.util.suggest.closest` scores whole names, so two metrics of one namespace
    (``process.runtime.go.cpu.time``, ``process.runtime.go.goroutines``) look alike through their
    shared prefix; here the parts after the shared prefix must be alike too.
    """
    match = closest(name, candidates)
    if match is None:
        return None
    if normalize_name(match) != normalize_name(name):
        ours, theirs = _tail(name, match), _tail(match, name)
        import difflib  # noqa: PLC0415 - only for a did-you-mean (difflib imports heapq)

        if difflib.SequenceMatcher(None, ours, theirs).ratio() < _TAIL_CUTOFF:
            return None
    return match


_TAIL_CUTOFF = 0.6


def _tail(name: str, other: str) -> str:
    """``name`` without the dotted segments it shares with ``other`` at the start."""
    ours, theirs = normalize_name(name).split("."), normalize_name(other).split(".")
    shared = 0
    while shared < min(len(ours), len(theirs)) - 1 and ours[shared] == theirs[shared]:
        shared += 1
    return ".".join(ours[shared:])
