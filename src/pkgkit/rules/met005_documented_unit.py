"""The README documents a unit that contradicts what the instrumentation reports.

Units are compared by kind: ``By``, ``Byte`` and ``bytes`` are bytes; ``Number``, ``1``,
``{goroutine}`` and no unit are counts; ``s``, ``ms`` and ``ns`` are different time units; ``%``
is a percentage. The catalogue entry is found by name with separators and case ignored, so a
misspelt row is still checked.

Bad (the instrumentation reports bytes)::

    | process.runtime.go.mem.heap_inuse | Heap used | Number |

Good::

    | process.runtime.go.mem.heap_inuse | Heap used | By |
"""

from __future__ import annotations

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.conventions import unit_class
from pkgkit.rules._metrics import catalogue, conventions

TYPE_CHECKING = False
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
        if metric.scope not in known.scopes or metric.unit is None:
            continue
        emitted = known.find(metric.name, metric.scope)
        documented = unit_class(metric.unit)
        if emitted is None or documented is None:
            continue
        reported = unit_class(emitted.unit)
        if reported is None or reported == documented:
            continue
        yield Problem(
            readme,
            f"'{metric.name}' is documented in '{metric.unit}' ({documented}), but"
            f" '{emitted.name}' is reported in '{emitted.unit or 'no unit'}' ({reported})",
            hint=f"document the unit as '{emitted.unit}'"
            if emitted.unit
            else "document it as a count ('Number' or '1')",
            line=metric.line,
            column=metric.column,
        )
