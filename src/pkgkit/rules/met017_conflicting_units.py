"""The README documents one metric in two different units.

Rows of one metric (with different selectors: ``memory{type="rss"}`` and ``memory``), and rows of
one measurement's statistics (``nodejs.eventloop.delay.max`` and ``nodejs.eventloop.delay.p99``:
``min``, ``max``, ``mean``, ``avg``, ``median``, ``stddev`` and percentiles ``p50`` .. ``p999``
keep the unit of what they summarise) must give the same unit: one of them is wrong, and a reader
cannot tell which. Units are compared by kind (``By`` and ``byte`` agree; ``s`` and ``ms`` do
not); a unit pkgkit does not know is not compared. Where the catalogue knows the metric, MET005
reports each row that contradicts it instead.

One finding per metric, at its first row, naming each unit with its rows.

Bad::

    | app.runtime.memory{type="rss"} | Resident set size | number |
    | app.runtime.memory             | Memory by type    | byte   |

Good::

    | app.runtime.memory{type="rss"} | Resident set size | byte |
    | app.runtime.memory             | Memory by type    | byte |
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.conventions import unit_class
from pkgkit.rules._metrics import catalogue, conventions, listing

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.conventions import DocumentedMetric
    from pkgkit.rules import RuleContext

CODE = "MET017"
NAME = "conflicting-documented-units"
SEVERITY = Severity.WARNING
SUMMARY = "The README documents one metric, or one measurement's statistics, in two units"

#: Last name parts that name a statistic of a measurement, in the measurement's unit.
_STATISTICS = frozenset({"min", "max", "mean", "avg", "median", "stddev"})


def measurement(name: str) -> str:
    """``name`` without a trailing statistic part (``nodejs.eventloop.delay.p99`` ->
    ``nodejs.eventloop.delay``)."""
    head, dot, last = name.rpartition(".")
    is_percentile = len(last) > 1 and last[0] in "pP" and last[1:].isdecimal()
    return head if dot and (last.casefold() in _STATISTICS or is_percentile) else name


def check(ctx: RuleContext) -> Iterator[Problem]:
    """One finding per measurement whose rows give units of different kinds."""
    readme = ctx.package.readme
    if readme is None:
        return
    known = catalogue(ctx)
    groups: dict[str, list[tuple[DocumentedMetric, str]]] = {}
    for row in conventions(ctx).metrics:
        unit = unit_class(row.unit)
        if unit is None:
            continue
        if row.scope in known.scopes and known.find(row.name, row.scope) is not None:
            continue  # MET005 compares the row with what the instrumentation reports
        groups.setdefault(measurement(row.name), []).append((row, unit))
    for name, rows in groups.items():
        units: dict[str, list[DocumentedMetric]] = {}
        for row, unit in rows:
            units.setdefault(unit, []).append(row)
        if len(units) < 2:
            continue
        first = rows[0][0]
        described = listing(f"'{same[0].unit}' ({_lines(same)})" for same in units.values())
        subject = name if all(row.name == name for row, _ in rows) else f"{name}.*"
        yield Problem(
            readme,
            f"'{subject}' is documented in {len(units)} units: {described}",
            hint="give every row of the metric the unit the instrumentation reports",
            line=first.line,
            column=first.column,
        )


def _lines(rows: list[DocumentedMetric]) -> str:
    numbers = ", ".join(str(row.line) for row in rows)
    return f"line {numbers}" if len(rows) == 1 else f"lines {numbers}"
