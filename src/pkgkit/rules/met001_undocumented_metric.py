"""A dashboard, event or entity references a metric the README does not document.

Every metric the content uses must have a row in a README metrics table (under "Metrics" or
"Semantic Conventions"), spelled exactly as the content spells it: a README that says
``heap.alloc`` while the dashboard charts ``heap_alloc`` documents a metric nobody reports.

Bad (README documents ``process.runtime.go.mem.heap.alloc``)::

    {"metricName": "metrics.sums.<runtime scope>/process.runtime.go.mem.heap_alloc"}

Good: the README row reads ``process.runtime.go.mem.heap_alloc``.

Fix: when the catalogue knows the metric's unit and instrument, a README row is added for it
(safe), in the table of its instrumentation scope, unit and instrument spelt as the table spells
them. Otherwise, when a documented metric is the likely spelling, the content's id is rewritten
to it (unsafe: a did-you-mean).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Fix, Problem, Severity
from pkgkit.model.jsonedit import replace_value
from pkgkit.model.metric_rows import (
    appended_row,
    home_table,
    metric_cells,
    metrics_tables,
    names_in_code,
)
from pkgkit.rules._metrics import catalogue, conventions, metric_match, named

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.metrics import MetricReference
    from pkgkit.rules import RuleContext

CODE = "MET001"
NAME = "undocumented-metric"
SEVERITY = Severity.ERROR
SUMMARY = "Content references a metric the README does not document"
FIX = (
    "adds a README row when the catalogue knows the unit and instrument (safe); else renames "
    "the id to the documented metric it likely means (unsafe)"
)


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every named reference whose metric name has no README row."""
    if ctx.package.readme is None:
        return
    documented = conventions(ctx).names
    for reference in named(ctx):
        name = reference.metric.name
        if name in documented:
            continue
        match = metric_match(name, documented)
        yield Problem(
            reference.file,
            f"metric '{name}' is not documented in the README metrics tables",
            pointer=reference.pointer,
            hint=f"did you mean '{match}'?"
            if match
            else "add a row for it to the README metrics table",
            fix=_row_fix(ctx, reference) or _rename_fix(reference, match),
        )


def _row_fix(ctx: RuleContext, reference: MetricReference) -> Fix | None:
    """A README row for a metric whose unit and instrument the catalogue knows."""
    readme = ctx.package.readme
    metric = reference.metric
    scope = metric.instrumentation_scope
    entry = catalogue(ctx).identify(metric.name, scope)
    if readme is None or entry is None or not entry.unit or not entry.instrument:
        return None
    table = home_table(metrics_tables(readme), conventions(ctx).metrics, scope)
    if table is None:
        return None
    code = names_in_code(readme, table)
    row = metric_cells(table, metric.name, entry.unit, entry.instrument, code=code)
    edit = appended_row(readme, table, row)
    if edit is None:
        return None
    description = f"document '{metric.name}' in the README ({entry.unit}, {entry.instrument})"
    return Fix(description, (edit,), source=readme)


def _rename_fix(reference: MetricReference, match: str | None) -> Fix | None:
    """The id rewritten to name the documented metric ``match`` (a guess: unsafe)."""
    written = reference.file.get(reference.pointer)
    name = reference.metric.name
    if match is None or not isinstance(written, str) or written.count(name) != 1:
        return None
    if name.startswith("metrics.") and not match.startswith("metrics."):
        return None  # an id read as one long name: rewriting it would drop its kind and scope
    edit = replace_value(reference.file, reference.pointer, written.replace(name, match))
    return None if edit is None else Fix(f"write '{match}'", (edit,), safe=False)
