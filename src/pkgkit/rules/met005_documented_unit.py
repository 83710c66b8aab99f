"""The README documents a unit that contradicts what the instrumentation reports.

The unit is compared with the catalogue's for the metric: the identified instrumentation's
(by the table's or the id's scope, else by the exact name) or the semantic conventions'. The
message names the catalogue version that made the call. Units are compared by kind: ``By``,
``Byte`` and ``bytes`` are bytes; ``Number``, ``1``, ``{goroutine}`` and no unit are counts;
``s``, ``ms`` and ``ns`` are different time units; ``%`` is a percentage. The message names
both kinds in words; a reported ``1`` is a ratio (the conventions' unit for utilizations: 1 is
100%), which a README's 'percentage' misstates. Under a known scope
the entry is found by name with separators and case ignored, so a misspelt row is still
checked.

A metric named as a count (``..._count``) documented as a count is not reported when the
instrumentation declares another unit for it (``process.runtime.cpython.gc_count`` declares
``By``): that is the instrumentation's slip, not the README's.

Bad (the instrumentation reports bytes)::

    | process.runtime.go.mem.heap_inuse | Heap used | Number |

Good::

    | process.runtime.go.mem.heap_inuse | Heap used | By |
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.conventions import unit_class
from pkgkit.rules._metrics import catalogue, conventions, declared_in_error

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.conventions import DocumentedMetric
    from pkgkit.rules import RuleContext

CODE = "MET005"
NAME = "documented-unit-mismatch"
SEVERITY = Severity.WARNING
SUMMARY = "A documented unit contradicts the unit the instrumentation reports"

#: A unit class in words.
KINDS = {
    "bytes": "bytes",
    "count": "a plain number",
    "percent": "a percentage",
    "s": "seconds",
    "ms": "milliseconds",
    "us": "microseconds",
    "ns": "nanoseconds",
}


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every README row of a known scope whose unit kind differs from the catalogue's."""
    readme = ctx.package.readme
    if readme is None:
        return
    known = catalogue(ctx)
    for metric in conventions(ctx).metrics:
        if metric.unit is None:
            continue
        emitted = known.identify(metric.name, metric.scope)
        documented = unit_class(metric.unit)
        if emitted is None or documented is None:
            continue
        reported = unit_class(emitted.unit)
        if reported is None or reported == documented or declared_in_error(emitted, documented):
            continue
        reported_as = "it" if emitted.name == metric.name else f"'{emitted.name}'"
        yield Problem(
            readme,
            f"'{_row(metric)}' is documented in '{metric.unit}' ({KINDS[documented]}), but"
            f" {reported_as} is reported in '{emitted.unit or 'no unit'}'"
            f" ({_reported_kind(emitted.unit, reported)}) (catalogue: {known.label(emitted)})",
            hint=f"document the unit as '{emitted.unit}'"
            if emitted.unit
            else "document it as a count ('Number' or '1')",
            line=metric.line,
            column=metric.column,
        )


def _row(metric: DocumentedMetric) -> str:
    """The row's metric with its selectors (``memory{type="rss"}``): rows differ by them."""
    pairs = ",".join(f'{key}="{value}"' for key, value in metric.selectors or ())
    return f"{metric.name}{{{pairs}}}" if pairs else metric.name


def _reported_kind(unit: str | None, cls: str) -> str:
    """The reported unit in words: the conventions give a ratio the unit ``1`` (counts have
    ``{thing}``), so a utilization in ``1`` is 0.5 at half, not 50."""
    return "a ratio: 1 is 100%" if unit == "1" else KINDS[cls]
