"""A dashboard, event or entity references a metric the README does not document.

Every metric the content uses must have a row in a README metrics table (under "Metrics" or
"Semantic Conventions"), spelled exactly as the content spells it: a README that says
``heap.alloc`` while the dashboard charts ``heap_alloc`` documents a metric nobody reports.

One finding per metric, at its first use, with how often it is used; a README that documents no
metrics at all is one finding, at its metrics section. A metric its instrumentation does not emit
is MET004's (documenting it would not make it exist). When the content's name is the one the
instrumentation emits and the README's is not, the hint says to fix the README row.

Bad (README documents ``process.runtime.go.mem.heap.alloc``)::

    {"metricName": "metrics.sums.<runtime scope>/process.runtime.go.mem.heap_alloc"}

Good: the README row reads ``process.runtime.go.mem.heap_alloc``.

Fix: when the catalogue knows the metric's unit and instrument, a README row is added for it
(safe), in the table of its instrumentation scope, unit and instrument spelt as the table spells
them. Otherwise, when a documented metric is the likely spelling and the content (not the README)
has it wrong, every use in the one file that has them is rewritten to it (unsafe: a
did-you-mean).
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
from pkgkit.rules._metrics import (
    catalogue,
    conventions,
    emitted,
    metric_match,
    named,
    references,
    uses,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.metrics import MetricReference
    from pkgkit.model.readme import Readme
    from pkgkit.rules import RuleContext

CODE = "MET001"
NAME = "undocumented-metric"
SEVERITY = Severity.WARNING
SUMMARY = "Content references a metric the README does not document"
FIX = (
    "adds a README row when the catalogue knows the unit and instrument (safe); else renames "
    "the id to the documented metric it likely means (unsafe)"
)

#: Headings of the section a metrics table belongs in, in the order they are looked for.
_METRICS_HEADINGS = ("semantic conventions", "metrics")


def check(ctx: RuleContext) -> Iterator[Problem]:
    """One finding per undocumented metric name, or one for a README documenting none."""
    readme = ctx.package.readme
    if readme is None:
        return
    documented = conventions(ctx).names
    if not documented:
        found = references(ctx)
        if found:
            yield _nothing_documented(readme, found)
        return
    undocumented: dict[str, list[MetricReference]] = {}
    for reference in named(ctx):
        metric = reference.metric
        if metric.name in documented:
            continue
        if emitted(ctx, metric.name, metric.instrumentation_scope) is False:
            continue  # MET004: the instrumentation does not emit it
        undocumented.setdefault(metric.name, []).append(reference)
    for name, found in undocumented.items():
        first = found[0]
        match = metric_match(name, documented)
        if match is not None and _emitted_not(ctx, first, match):
            hint, rename = _readme_row_hint(ctx, name, match), None
        elif match is not None:
            hint, rename = f"did you mean '{match}'?", _rename_fix(found, match)
        else:
            hint, rename = "add a row for it to the README metrics table", None
        yield Problem(
            first.file,
            f"metric '{name}' is not documented in the README metrics tables{uses(found)}",
            pointer=first.pointer,
            hint=hint,
            fix=_row_fix(ctx, first) or rename,
        )


def _nothing_documented(readme: Readme, found: list[MetricReference]) -> Problem:
    files = len({id(r.file) for r in found})
    metrics = len({r.metric.name for r in found})
    section = next(
        (s for heading in _METRICS_HEADINGS for s in readme.find_sections(heading)), None
    )
    where = f"under '{section.title}'" if section is not None else "under '## Metrics'"
    return Problem(
        readme,
        f"the README documents no metrics: {len(found)} references to {metrics} metrics in"
        f" {files} files are undocumented",
        hint=f"add a metrics table {where}: a row (name, description, unit) per metric used;"
        " 'pkgkit docs' writes the rows for you to describe",
        line=section.line if section is not None else 1,
        column=1,
    )


def _emitted_not(ctx: RuleContext, reference: MetricReference, match: str) -> bool:
    """True when the content's name is the one the instrumentation emits and ``match`` (the
    README's) is not: the README row is what is wrong."""
    name, scope = reference.metric.name, reference.metric.instrumentation_scope
    return emitted(ctx, name, scope) is True and emitted(ctx, match, scope) is not True


def _readme_row_hint(ctx: RuleContext, name: str, match: str) -> str:
    row = conventions(ctx).lookup(match)
    line = f" (line {row.line})" if row is not None else ""
    return f"the instrumentation emits '{name}': fix the README row '{match}'{line}"


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


def _rename_fix(found: list[MetricReference], match: str) -> Fix | None:
    """Every use rewritten to name the documented metric ``match`` (a guess: unsafe); only when
    they are all in one file (a fix edits one file)."""
    if len({id(r.file) for r in found}) != 1:
        return None
    edits = []
    for reference in found:
        written = reference.file.get(reference.pointer)
        name = reference.metric.name
        if not isinstance(written, str) or written.count(name) != 1:
            return None
        if name.startswith("metrics.") and not match.startswith("metrics."):
            return None  # an id read as one long name: rewriting it would drop its kind and scope
        edit = replace_value(reference.file, reference.pointer, written.replace(name, match))
        if edit is None:
            return None
        edits.append(edit)
    return Fix(f"write '{match}'", tuple(edits), safe=False)
