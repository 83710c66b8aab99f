"""A metric id selects by an attribute the README does not document for that metric.

The label selectors of a metric id (``{go.memory.type="stack"}``) must be attributes listed in
the Attributes column of the metric's README row; a misspelt key selects nothing.

Bad (README row of ``go.memory.used`` lists ``go.memory.type``)::

    {"metric": "...runtime/go.memory.used{memory.type=\\"stack\\"}"}

Good::

    {"metric": "...runtime/go.memory.used{go.memory.type=\\"stack\\"}"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import documented, named
from pkgkit.util.suggest import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "MET009"
NAME = "undocumented-selector"
SEVERITY = Severity.WARNING
SUMMARY = "A metric id selects by an attribute not documented for that metric"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every selector key of a documented metric that its README row does not list."""
    for reference in named(ctx):
        selectors = reference.metric.attribute_selectors
        if not selectors:
            continue
        metric = documented(ctx, reference.metric)
        if metric is None:
            continue
        for key, _value in selectors:
            if key in metric.attributes:
                continue
            yield Problem(
                reference.file,
                f"selector '{key}' is not a documented attribute of '{metric.name}'"
                f" (README line {metric.line})",
                pointer=reference.pointer,
                hint=did_you_mean(key, metric.attributes)
                or "list the attribute in the Attributes column of the metric's README row",
            )
