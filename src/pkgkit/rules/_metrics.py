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
    MetricId,
    MetricReference,
    References,
    TagReference,
    package_references,
)
from pkgkit.util.suggest import closest, normalize_name

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from pkgkit.model.jsonfile import JsonFile
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


def documented(ctx: RuleContext, metric: MetricId) -> DocumentedMetric | None:
    """The README row of a metric id, selectors first.

    The row with the id's name and the same attribute selectors (``memory{type="rss"}``), else
    the name's row without selectors (the whole metric), else the name's first row.
    """
    compute = lambda: _rows_by_name(conventions(ctx).metrics)  # noqa: E731
    index: dict[str, list[DocumentedMetric]] = ctx.shared("met.documented", compute)
    rows = index.get(metric.name)
    if not rows:
        return None
    wanted = set(metric.attribute_selectors)
    same = next((row for row in rows if set(row.selectors or ()) == wanted), None)
    whole = next((row for row in rows if not row.selectors), None)
    return same or whole or rows[0]


def _rows_by_name(metrics: list[DocumentedMetric]) -> dict[str, list[DocumentedMetric]]:
    index: dict[str, list[DocumentedMetric]] = {}
    for metric in metrics:
        index.setdefault(metric.name, []).append(metric)
    return index


#: Unit classes and instruments of README and catalogue cells, which repeat across metrics.
_unit_class = functools.lru_cache(maxsize=512)(unit_class)
_instrument = functools.lru_cache(maxsize=512)(normalize_instrument)


class Facts:
    """What is known about a metric: its README row and its catalogue entry.

    ``unit`` is the unit class: the catalogue's when it knows the metric (where the README
    contradicts it, MET005 reports the README and the display and threshold checks go by what
    is reported), else the README's; ``unit_text`` the unit as written there. A count the
    instrumentation declares in another unit by mistake (:func:`declared_in_error`) keeps the
    README's count. ``instrument`` is the normalised instrument: the README's when it is known,
    else the catalogue's (``instrument_from_catalogue`` says which).
    """

    __slots__ = (
        "documented", "emitted", "instrument", "instrument_from_catalogue", "unit", "unit_text"
    )  # fmt: skip

    def __init__(
        self, documented: DocumentedMetric | None, emitted: CatalogueMetric | None
    ) -> None:
        self.documented = documented
        self.emitted = emitted
        readme_unit = _unit_class(documented.unit) if documented is not None else None
        self.unit, self.unit_text = readme_unit, documented.unit if documented else None
        reported = _unit_class(emitted.unit) if emitted is not None else None
        if emitted is not None and reported is not None:
            slip = readme_unit is not None and declared_in_error(emitted, readme_unit)
            if not slip:
                self.unit, self.unit_text = reported, emitted.unit
        instrument = _instrument(documented.instrument) if documented else None
        self.instrument_from_catalogue = instrument is None and emitted is not None
        if instrument is None and emitted is not None:
            instrument = _instrument(emitted.instrument)
        self.instrument = instrument


def declared_in_error(emitted: CatalogueMetric, documented: str) -> bool:
    """A count (by its name: ``..._count``, ``....count``) the instrumentation declares in another
    unit, documented as a count: the declared unit is the instrumentation's slip.

    ``process.runtime.cpython.gc_count`` of opentelemetry-instrumentation-system-metrics declares
    ``By`` for the number of collections.
    """
    return documented == "count" and emitted.name.endswith("count")


def facts(ctx: RuleContext, reference: MetricReference) -> Facts:
    """The README row and catalogue entry of a (non-pattern) reference (once per metric id)."""
    known: dict[MetricId, Facts] = ctx.shared("met.facts", dict)
    found = known.get(reference.metric)
    if found is None:
        found = known[reference.metric] = _facts(ctx, reference.metric)
    return found


def _facts(ctx: RuleContext, metric: MetricId) -> Facts:
    row = documented(ctx, metric)
    scope = metric.instrumentation_scope or (row.scope if row else None)
    return Facts(row, catalogue(ctx).identify(metric.name, scope))


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


class Display:
    """An axis of a chart, or a big number: where ``formatter`` shows ``references``.

    ``pointer`` is the object holding the formatter (``/widgets/3/config/y1``,
    ``/widgets/0/config``); ``formatter`` its value (None when it has none).
    """

    __slots__ = ("file", "formatter", "pointer", "references")

    def __init__(self, file: JsonFile, pointer: str, formatter: object) -> None:
        self.file = file
        self.pointer = pointer
        self.formatter = formatter
        self.references: list[MetricReference] = []


def displays(ctx: RuleContext) -> list[Display]:
    """The displays of the dashboards' metric references, in document order."""
    compute = lambda: _displays(references(ctx))  # noqa: E731
    found: list[Display] = ctx.shared("met.displays", compute)
    return found


def _displays(references: list[MetricReference]) -> list[Display]:
    found: dict[tuple[int, str], Display] = {}
    #: The holder found above each parent of metric configurations (one per chart, shared by
    #: its metrics): ``(file, parent pointer, the configuration is the document)``.
    holders: dict[tuple[int, str, bool], tuple[str, dict[str, Any]] | None] = {}
    for reference in references:
        if reference.file.kind != "dashboard":
            continue
        context = reference.context_pointer
        parent = (id(reference.file), context.rpartition("/")[0], not context)
        if parent not in holders:
            holders[parent] = _formatter_holder(reference)
        around = holders[parent]
        if around is None:
            continue
        pointer, holder = around
        key = (id(reference.file), pointer)
        display = found.get(key)
        if display is None:
            display = found[key] = Display(reference.file, pointer, holder.get("formatter"))
        display.references.append(reference)
    return list(found.values())


def _formatter_holder(reference: MetricReference) -> tuple[str, dict[str, Any]] | None:
    """The nearest object around a metric configuration that has a ``formatter``, with its
    pointer: the chart axis (``config.y1``) or the widget's ``config`` (a big number); None
    outside any."""
    steps = reference.context_pointer.split("/")
    values = reference.file.values_along(reference.context_pointer)
    for end in range(len(steps) - 1, 0, -1):
        value = values[end - 1]
        if isinstance(value, dict) and "formatter" in value:
            return "/".join(steps[:end]), value
    return None


def listing(items: Iterable[str], shown: int = 3) -> str:
    """``'a', 'b' and 'c'``; beyond ``shown`` items, ``'a', 'b', 'c' and 4 more``."""
    unique = list(dict.fromkeys(items))
    if len(unique) <= shown:
        return " and ".join([", ".join(unique[:-1]), unique[-1]] if len(unique) > 1 else unique)
    return f"{', '.join(unique[:shown])} and {len(unique) - shown} more"


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


def emitted(ctx: RuleContext, name: str, scope: str | None) -> bool | None:
    """Whether the instrumentation of ``scope`` emits ``name``: True, False (its catalogue is
    complete and lacks the name: MET004's finding), or None when that is not known.

    A name without a scope is judged by the instrumentation that owns its namespace, as MET004
    judges it.
    """
    known = catalogue(ctx)
    if scope is None:
        scope = known.owner(name)
    metrics = known.scopes.get(scope) if scope is not None else None
    if metrics is None:
        return None
    if name in metrics:
        return True
    return False if scope in known.complete else None


def uses(found: Sequence[MetricReference | TagReference]) -> str:
    """`` (used 3 times in 2 files)`` for repeated uses, nothing for one."""
    if len(found) < 2:
        return ""
    files = len({id(r.file) for r in found})
    return f" (used {len(found)} times in {files} file{'s' if files > 1 else ''})"


_TAIL_CUTOFF = 0.6


def _tail(name: str, other: str) -> str:
    """``name`` without the dotted segments it shares with ``other`` at the start."""
    ours, theirs = normalize_name(name).split("."), normalize_name(other).split(".")
    shared = 0
    while shared < min(len(ours), len(theirs)) - 1 and ours[shared] == theirs[shared]:
        shared += 1
    return ".".join(ours[shared:])
