"""Two widgets of one dashboard share an id.

Instana keys widgets by id: one of the two is lost or overwritten when the dashboard is saved.

Bad::

    {"widgets": [{"id": "goroutines", "x": 0}, {"id": "goroutines", "x": 6}]}

Good::

    {"widgets": [{"id": "goroutines", "x": 0}, {"id": "heap-goal", "x": 6}]}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._common import widgets

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "PKG121"
NAME = "duplicate-widget-id"
SEVERITY = Severity.ERROR
SUMMARY = "Two widgets of one dashboard share an id"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every repeated widget id, at the repetition."""
    for file in ctx.package.documents("dashboard"):
        first_index: dict[str, int] = {}
        for index, widget in widgets(file):
            widget_id = widget.get("id")
            if not isinstance(widget_id, str):
                continue
            if widget_id not in first_index:
                first_index[widget_id] = index
                continue
            first = first_index[widget_id]
            line, _ = file.locate(f"/widgets/{first}/id")
            yield Problem(
                file,
                f"widget id '{widget_id}' is already used by widget {first} (line {line})",
                pointer=f"/widgets/{index}/id",
                hint="give every widget of the dashboard its own id",
            )
