"""A documented or charted metric that the conventions deprecate.

The metric is identified as the catalogue does (by its instrumentation scope, else by its exact
name: an instrumentation that still emits the name answers first, so a receiver's current name
is not reported because the conventions renamed it). A metric the semantic conventions deprecate
is reported with its replacement (``renamed_to``) or, when it was obsoleted without one, with
the catalogue version that made the call. Each metric is reported once per file, at its first
use, with the number of uses.

Bad (renamed in the semantic conventions)::

    | `k8s.replication_controller.desired_pods` | Gauge | ... |

Good::

    | `k8s.replicationcontroller.pod.desired` | Gauge | ... |
"""

from __future__ import annotations

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import catalogue, conventions, first_uses, named

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.conventions.catalogue import Catalogue, CatalogueMetric
    from pkgkit.rules import RuleContext

CODE = "MET013"
NAME = "deprecated-metric"
SEVERITY = Severity.WARNING
SUMMARY = "A documented or charted metric that the conventions deprecate"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """README rows, then references (one finding per metric and file)."""
    known = catalogue(ctx)
    readme = ctx.package.readme
    if readme is not None:
        for row in conventions(ctx).metrics:
            entry = known.identify(row.name, row.scope)
            if entry is not None and entry.deprecation:
                message, hint = _finding(known, entry, row.name, 1)
                yield Problem(readme, message, hint=hint, line=row.line, column=row.column)
    deprecated = []
    for reference in named(ctx):
        entry = known.identify(reference.metric.name, reference.metric.scope)
        if entry is not None and entry.deprecation:
            deprecated.append(reference)
    for reference, count in first_uses(deprecated):
        entry = known.identify(reference.metric.name, reference.metric.scope)
        if entry is not None:
            message, hint = _finding(known, entry, reference.metric.name, count)
            yield Problem(reference.file, message, pointer=reference.pointer, hint=hint)


def _finding(
    known: Catalogue, entry: CatalogueMetric, name: str, count: int
) -> tuple[str, str]:
    """``(message, hint)`` for a deprecated entry used ``count`` times in one file."""
    where = f"catalogue: {known.label(entry)}"
    uses = f"; {count} uses in this file" if count > 1 else ""
    if entry.renamed_to:
        return (
            f"'{name}' is deprecated: renamed to '{entry.renamed_to}' ({where}){uses}",
            f"use '{entry.renamed_to}' where the instrumentation reports the new name",
        )
    reason = entry.deprecation or "deprecated"
    return (
        f"'{name}' is deprecated ({reason}) with no replacement named ({where}){uses}",
        "chart a metric the conventions still define",
    )
