"""The README documents a unit that contradicts what the instrumentation reports.

The unit is compared with the catalogue's for the metric: the identified instrumentation's
(by the table's or the id's scope, else by the exact name) or the semantic conventions'. The
message names the catalogue version that made the call. Units are compared by kind: ``By``,
``Byte`` and ``bytes`` are bytes; ``Number``, ``1``, ``{goroutine}`` and no unit are counts;
``s``, ``ms`` and ``ns`` are different time units; ``%`` is a percentage. Under a known scope
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

    from pkgkit.rules import RuleContext

CODE = "MET005"
NAME = "documented-unit-mismatch"
SEVERITY = Severity.WARNING
SUMMARY = "A documented unit contradicts the unit the instrumentation reports"


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
        yield Problem(
            readme,
            f"'{metric.name}' is documented in '{metric.unit}' ({documented}), but"
            f" '{emitted.name}' is reported in '{emitted.unit or 'no unit'}' ({reported})"
            f" (catalogue: {known.label(emitted)})",
            hint=f"document the unit as '{emitted.unit}'"
            if emitted.unit
            else "document it as a count ('Number' or '1')",
            line=metric.line,
            column=metric.column,
        )
