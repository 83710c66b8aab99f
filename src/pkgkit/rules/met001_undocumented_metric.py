"""A dashboard, event or entity references a metric the README does not document.

Every metric the content uses must have a row in a README metrics table (under "Metrics" or
"Semantic Conventions"), spelled exactly as the content spells it: a README that says
``heap.alloc`` while the dashboard charts ``heap_alloc`` documents a metric nobody reports.

Bad (README documents ``process.runtime.go.mem.heap.alloc``)::

    {"metricName": "metrics.sums.<runtime scope>/process.runtime.go.mem.heap_alloc"}

Good: the README row reads ``process.runtime.go.mem.heap_alloc``.
"""

from __future__ import annotations

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import conventions, metric_hint, named

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "MET001"
NAME = "undocumented-metric"
SEVERITY = Severity.ERROR
SUMMARY = "Content references a metric the README does not document"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every named reference whose metric name has no README row."""
    if ctx.package.readme is None:
        return
    documented = conventions(ctx).names
    for reference in named(ctx):
        name = reference.metric.name
        if name in documented:
            continue
        yield Problem(
            reference.file,
            f"metric '{name}' is not documented in the README metrics tables",
            pointer=reference.pointer,
            hint=metric_hint(name, documented) or "add a row for it to the README metrics table",
        )
