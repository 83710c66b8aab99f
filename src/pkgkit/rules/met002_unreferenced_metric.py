"""The README documents a metric that no dashboard, event or entity uses.

A documented metric nobody references is usually a misspelling of the one the content uses,
or a leftover of removed content. The hint proposes only a name the content uses that the README
does not document already.

Bad: a README row ``process.runtime.go.mem.heap.sys`` and no content naming it.

Good: remove the row, or reference the metric.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.metrics import pattern_matches
from pkgkit.rules._metrics import conventions, references
from pkgkit.util.suggest import closest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "MET002"
NAME = "unreferenced-metric"
SEVERITY = Severity.WARNING
SUMMARY = "The README documents a metric no content references"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every documented name neither referenced by name nor matched by a pattern."""
    readme = ctx.package.readme
    if readme is None:
        return
    documented = conventions(ctx).metrics
    pairs = [(m.name, m.scope) for m in documented]
    used = {r.metric.name for r in references(ctx) if not r.metric.pattern}
    for reference in references(ctx):
        if reference.metric.pattern:
            used.update(pattern_matches(reference.metric, pairs))
    undocumented = used - {m.name for m in documented}
    for metric in documented:
        if metric.name in used:
            continue
        match = closest(metric.name, undocumented)
        yield Problem(
            readme,
            f"documented metric '{metric.name}' is referenced by no dashboard, event or entity",
            hint=f"the content uses '{match}'; did you mean it?"
            if match
            else "reference it, or remove the row",
            line=metric.line,
            column=metric.column,
        )
