"""The README documents one metric twice, possibly in two spellings.

Rows whose names differ only in separators or case (``heap_inuse`` and ``heap.inuse``) name the
same metric at most once correctly; readers cannot tell which one is reported.

Bad::

    | process.runtime.go.mem.heap_inuse | Heap used | By |
    | process.runtime.go.mem.heap.inuse | Used heap | By |

Good: one row, spelled as the instrumentation reports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import conventions
from pkgkit.util.suggest import normalize_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.conventions import DocumentedMetric
    from pkgkit.rules import RuleContext

CODE = "MET003"
NAME = "duplicate-documented-metric"
SEVERITY = Severity.WARNING
SUMMARY = "A metric is documented twice, or in two spellings differing only in separators"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every row repeating an earlier row's name (separator- and case-insensitively).

    Rows of one metric with different selectors (``memory{type="rss"}``, ``memory``) differ.
    """
    readme = ctx.package.readme
    if readme is None:
        return
    first: dict[tuple[str, object], DocumentedMetric] = {}
    for metric in conventions(ctx).metrics:
        key = (normalize_name(metric.name), metric.selectors)
        earlier = first.setdefault(key, metric)
        if earlier is metric:
            continue
        how = "again" if earlier.name == metric.name else f"as '{earlier.name}'"
        yield Problem(
            readme,
            f"metric '{metric.name}' is already documented {how} at line {earlier.line}",
            hint="keep one row, spelled as the instrumentation reports the metric",
            line=metric.line,
            column=metric.column,
        )
