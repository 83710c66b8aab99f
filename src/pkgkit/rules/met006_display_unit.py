"""A widget shows metrics in a unit that contradicts the metrics' unit.

What a chart displays is set by its axis formatter (``config.y1.formatter``,
``config.y2.formatter``) and what a big number displays by the widget's ``config.formatter``;
each metric configuration also declares the metric's ``unit``, from which the formatter converts.
Both must fit the metric's unit: the catalogue's when it knows the metric (MET005 reports a README
that says otherwise), else the README's. The ``formatter`` inside a metric configuration is the
UI's default (``number.detailed`` in nearly every published dashboard) and is not what is shown;
entity metrics (``"formatter": "NUMBER"``) are not checked. Time units convert into each other
(``s`` shown by ``millis.detailed``), and a percentage may be shown as a number.

One finding per axis or widget, naming its metrics: they are fixed together. A widget that
declares a bytes or time unit and shows it with a number formatter is MET016's. Values shown in
another unit (a count as bytes, bytes as seconds) are wrong data: an error. Values shown as plain
numbers are right but unreadable: a warning.

Bad (``go.goroutine.count`` is a count)::

    "y1": {"formatter": "bytes.detailed",
           "metrics": [{"metric": "...runtime/go.goroutine.count", "unit": "byte"}]}

Good::

    "y1": {"formatter": "number.detailed",
           "metrics": [{"metric": "...runtime/go.goroutine.count", "unit": "number"}]}
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.conventions import TIME_UNITS, display_class, unit_family
from pkgkit.rules._metrics import displays, facts, listing

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.metrics import MetricReference
    from pkgkit.rules import RuleContext

CODE = "MET006"
NAME = "display-unit-mismatch"
SEVERITY = Severity.WARNING
SUMMARY = "A widget's axis formatter or a metric's declared unit contradicts the metric's unit"

_COMPATIBLE = {frozenset({"count", "percent"})}
#: Unit classes of widget units and formatters, which repeat across widgets.
shown_class = functools.lru_cache(maxsize=256)(display_class)
#: How values of a unit class look when shown.
SHOWN_AS = {
    "count": "plain numbers",
    "bytes": "bytes",
    "percent": "percentages",
    "s": "seconds",
    "ms": "milliseconds",
    "us": "microseconds",
    "ns": "nanoseconds",
}
#: How a unit class is named in a sentence ("in seconds").
UNIT_NAMES = {
    "count": "counts",
    "bytes": "bytes",
    "percent": "percent",
    "s": "seconds",
    "ms": "milliseconds",
    "us": "microseconds",
    "ns": "nanoseconds",
}
_FORMATTER = {
    "bytes": "a bytes formatter (bytes.detailed)",
    "time": "a time formatter (millis.detailed)",
    "percent": "a percentage formatter (percentage.detailed)",
    "count": "a number formatter (number.detailed)",
}


def compatible(metric_unit: str, shown: str) -> bool:
    """True when a value of ``metric_unit`` may be displayed as ``shown`` (unit classes)."""
    a, b = unit_family(metric_unit), unit_family(shown)
    return a == b or frozenset({a, b}) in _COMPATIBLE


def number_shows_unit(declared: str | None, shown: str | None) -> bool:
    """True when a declared bytes or time unit is shown by a number formatter (MET016's case)."""
    return (declared == "bytes" or declared in TIME_UNITS) and shown == "count"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """One finding per axis or big number whose formatter or declared units misrepresent."""
    for display in displays(ctx):
        shown = shown_class(display.formatter) if isinstance(display.formatter, str) else None
        wrong_formatter: list[tuple[MetricReference, str]] = []
        wrong_unit: list[tuple[MetricReference, str]] = []
        for reference in display.references:
            unit = None if reference.metric.pattern else facts(ctx, reference).unit
            if unit is None:
                continue
            declared = _declared(reference)
            declared_fits = declared is None or compatible(unit, declared)
            if not declared_fits:
                wrong_unit.append((reference, unit))
            shown_fits = shown is None or compatible(unit, shown)
            if not shown_fits and not (declared_fits and number_shows_unit(declared, shown)):
                wrong_formatter.append((reference, unit))
        if wrong_unit or wrong_formatter:
            yield _problem(display.formatter, display.pointer, wrong_unit, wrong_formatter)


def _declared(reference: MetricReference) -> str | None:
    value = reference.setting("unit")
    return shown_class(value) if isinstance(value, str) else None


def _problem(
    formatter: object,
    display: str,
    wrong_unit: list[tuple[MetricReference, str]],
    wrong_formatter: list[tuple[MetricReference, str]],
) -> Problem:
    """One finding for the display: which metrics, in which unit, are shown as what, and why."""
    wrong = wrong_unit + wrong_formatter
    metrics = listing(f"'{_label(r)}'" for r, _ in wrong)
    units = listing(UNIT_NAMES.get(unit, unit) for _, unit in wrong)
    causes = []
    if wrong_unit:
        causes.append("declared unit " + listing(f"'{r.setting('unit')}'" for r, _ in wrong_unit))
    if wrong_formatter:
        causes.append(f"formatter '{formatter}'")
    shown = str(formatter) if wrong_formatter else str(wrong_unit[0][0].setting("unit"))
    as_shown = SHOWN_AS.get(shown_class(shown) or "", f"'{shown}'")
    fixes = [
        f"use {_FORMATTER.get(str(unit_family(u)), 'a formatter of its unit')}"
        for u in dict.fromkeys(unit for _, unit in wrong_formatter)
    ]
    if wrong_unit:
        fixes.append("declare each metric's unit as the metric's")
    first = wrong[0][0]
    return Problem(
        first.file,
        f"the widget shows {metrics} (in {units}) as {as_shown}: {', '.join(causes)}",
        pointer=f"{display}/formatter" if wrong_formatter else f"{first.context_pointer}/unit",
        hint=" and ".join(dict.fromkeys(fixes)),
        severity=None if _displayed(formatter, shown) == "count" else Severity.ERROR,
    )


def _displayed(formatter: object, shown: str) -> str | None:
    """The unit class the widget displays: its formatter's, else the declared unit's."""
    return shown_class(formatter) if isinstance(formatter, str) else shown_class(shown)


def _label(reference: MetricReference) -> str:
    """The metric's name with the attribute selectors of the id (``memory{type="rss"}``)."""
    pairs = ",".join(f'{k}="{v}"' for k, v in reference.metric.attribute_selectors)
    return f"{reference.metric.name}{{{pairs}}}" if pairs else reference.metric.name
