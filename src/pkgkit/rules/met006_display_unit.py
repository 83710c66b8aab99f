"""A widget shows a metric in a unit that contradicts the metric's unit.

The ``unit`` and ``formatter`` of a widget's metric configuration (and of an entity metric) must
fit the metric's documented unit (the catalogue's when the README gives none): a bytes metric
shown with ``number.detailed``, or a count shown with ``bytes.detailed``, displays nonsense.
Time units may be converted (``s`` shown as ``millis``), and a percentage may be shown as a number.

Bad (``go.goroutine.count`` is a count)::

    {"metric": "...runtime/go.goroutine.count", "unit": "byte", "formatter": "bytes.detailed"}

Good::

    {"metric": "...runtime/go.goroutine.count", "unit": "number", "formatter": "number.detailed"}
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.conventions import display_class, unit_family
from pkgkit.rules._metrics import facts, named

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "MET006"
NAME = "display-unit-mismatch"
SEVERITY = Severity.WARNING
SUMMARY = "A widget's unit or formatter contradicts the metric's unit"

_COMPATIBLE = {frozenset({"count", "percent"})}
#: Unit classes of widget units and formatters, which repeat across widgets.
_shown_class = functools.lru_cache(maxsize=256)(display_class)


def compatible(metric_unit: str, shown: str) -> bool:
    """True when a value of ``metric_unit`` may be displayed as ``shown`` (unit classes)."""
    a, b = unit_family(metric_unit), unit_family(shown)
    return a == b or frozenset({a, b}) in _COMPATIBLE


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every ``unit`` / ``formatter`` next to a metric reference that does not fit its unit."""
    for reference in named(ctx):
        if reference.file.kind == "event":
            continue
        unit = facts(ctx, reference).unit
        if unit is None:
            continue
        for key in ("unit", "formatter"):
            value = reference.setting(key)
            shown = _shown_class(value) if isinstance(value, str) else None
            if shown is None or compatible(unit, shown):
                continue
            yield Problem(
                reference.file,
                f"{key} '{value}' shows '{reference.metric.name}' as {shown},"
                f" but the metric is in {unit}",
                pointer=f"{reference.context_pointer}/{key}",
                hint=f"use a {unit_family(unit)} {key}",
            )
