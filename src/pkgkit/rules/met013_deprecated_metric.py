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

Fix (safe): a metric renamed in the conventions is written with its new name, in the README row
and in every id of the file that names it (an obsoleted metric has no fix).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Fix, Problem, Severity
from pkgkit.model.jsonedit import replace_value
from pkgkit.model.textedit import replace_cell_text
from pkgkit.rules._metrics import catalogue, conventions, first_uses, named

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.conventions.catalogue import Catalogue, CatalogueMetric
    from pkgkit.model.metrics import MetricReference
    from pkgkit.rules import RuleContext

CODE = "MET013"
NAME = "deprecated-metric"
SEVERITY = Severity.WARNING
SUMMARY = "A documented or charted metric that the conventions deprecate"
FIX = "writes a renamed metric's new name in the README row, or in every id of the file naming it"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """README rows, then references (one finding per metric and file)."""
    known = catalogue(ctx)
    readme = ctx.package.readme
    if readme is not None:
        for row in conventions(ctx).metrics:
            entry = known.identify(row.name, row.scope)
            if entry is not None and entry.deprecation:
                message, hint = _finding(known, entry, row.name, 1)
                edit = (
                    replace_cell_text(readme.text, row.line, row.name, entry.renamed_to)
                    if entry.renamed_to
                    else None
                )
                fix = None if edit is None else Fix(_renamed(entry), (edit,))
                yield Problem(readme, message, hint=hint, line=row.line, column=row.column, fix=fix)
    deprecated = []
    for reference in named(ctx):
        entry = known.identify(reference.metric.name, reference.metric.scope)
        if entry is not None and entry.deprecation:
            deprecated.append(reference)
    for reference, count in first_uses(deprecated):
        entry = known.identify(reference.metric.name, reference.metric.scope)
        if entry is not None:
            message, hint = _finding(known, entry, reference.metric.name, count)
            fix = _references_fix(entry, reference, deprecated)
            yield Problem(reference.file, message, pointer=reference.pointer, hint=hint, fix=fix)


def _renamed(entry: CatalogueMetric) -> str:
    return f"write '{entry.renamed_to}'"


def _references_fix(
    entry: CatalogueMetric, first: MetricReference, deprecated: list[MetricReference]
) -> Fix | None:
    """Every id of ``first``'s file naming the metric, with the new name (None when one of them
    cannot be rewritten: the name is not once in the id)."""
    if not entry.renamed_to:
        return None
    edits = []
    for reference in deprecated:
        if reference.file is not first.file or reference.metric.name != first.metric.name:
            continue
        written = reference.file.get(reference.pointer)
        name = reference.metric.name
        if not isinstance(written, str) or written.count(name) != 1:
            return None
        edit = replace_value(
            reference.file, reference.pointer, written.replace(name, entry.renamed_to)
        )
        if edit is None:
            return None
        edits.append(edit)
    return Fix(_renamed(entry), tuple(edits)) if edits else None


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
