"""An event threshold is a fraction, but the metric counts bytes or things.

A ``conditionValue`` between 0 and 1 against a metric in bytes or a count (goroutines, objects)
is almost always a ratio threshold copied from a utilisation metric: the event fires on any
non-zero value. ``relative_diff`` thresholds are ratios and are not checked, nor are metrics in
the dimensionless unit ``1`` (utilisations are ratios), nor rules with an aggregation the API
rejects (``rate``, ``delta``: the schema check reports it, and what the threshold means depends
on the aggregation that replaces it). The metric's unit is the catalogue's when it knows the
metric, else the README's.

Bad (``go.memory.used`` is in bytes)::

    {"metricName": "...runtime/go.memory.used", "aggregation": "avg", "conditionValue": 0.8}

Good::

    {"metricName": "...runtime/go.memory.used", "aggregation": "avg", "conditionValue": 1073741824}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import facts, named

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "MET007"
NAME = "fraction-threshold"
SEVERITY = Severity.WARNING
SUMMARY = "An event threshold between 0 and 1 on a metric in bytes or counts"

_WHOLE_UNITS = {"bytes": "bytes", "count": "counts"}
#: The dimensionless unit, which is a ratio's (``process.runtime.cpython.cpu.utilization``).
_RATIO = "1"
#: The aggregations of a threshold rule that the event API accepts (absent means its default).
_ACCEPTED = frozenset({None, "sum", "avg", "min", "max", "absolute_diff"})


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every event rule with ``0 < conditionValue < 1`` on a bytes or count metric."""
    for reference in named(ctx):
        if reference.file.kind != "event" or reference.setting("aggregation") not in _ACCEPTED:
            continue
        value = reference.setting("conditionValue")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1:
            continue
        known = facts(ctx, reference)
        unit = known.unit
        if unit not in _WHOLE_UNITS or (known.unit_text or "").strip() == _RATIO:
            continue
        yield Problem(
            reference.file,
            f"threshold {value} is a fraction, but '{reference.metric.name}' is in"
            f" {_WHOLE_UNITS[unit]}",
            pointer=f"{reference.context_pointer}/conditionValue",
            hint=f"give the threshold in {_WHOLE_UNITS[unit]}, or use aggregation relative_diff",
        )
