"""Two widgets of one dashboard overlap on the grid.

Widgets are rectangles ``x, y, width, height`` on a 12-column grid; Instana draws overlapping
widgets on top of each other, hiding one. The finding points at the widget that comes later in
``widgets`` and names both. Each widget is reported once, against the first widget it overlaps.

Bad::

    {"widgets": [{"id": "a", "x": 0, "y": 0, "width": 6, "height": 4},
                 {"id": "b", "x": 3, "y": 2, "width": 6, "height": 4}]}

Good::

    {"widgets": [{"id": "a", "x": 0, "y": 0, "width": 6, "height": 4},
                 {"id": "b", "x": 6, "y": 0, "width": 6, "height": 4}]}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._common import widgets

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from pkgkit.rules import RuleContext

CODE = "PKG122"
NAME = "overlapping-widgets"
SEVERITY = Severity.ERROR
SUMMARY = "Two widgets of one dashboard overlap"


class Box:
    """A widget's rectangle, with its index in ``widgets`` and its id."""

    __slots__ = ("height", "index", "name", "width", "x", "y")

    def __init__(  # noqa: PLR0917 - the fields, in order (as the tests build boxes)
        self, index: int, name: str, x: int, y: int, width: int, height: int
    ) -> None:
        self.index = index
        self.name = name
        self.x = x
        self.y = y
        self.width = width
        self.height = height

    def overlaps(self, other: Box) -> bool:
        """True when the two rectangles share any cell."""
        return (
            self.x < other.x + other.width
            and other.x < self.x + self.width
            and self.y < other.y + other.height
            and other.y < self.y + self.height
        )


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Overlapping pairs, at the later widget."""
    for file in ctx.package.documents("dashboard"):
        boxes = [box for index, w in widgets(file) if (box := _box(index, w)) is not None]
        for earlier, later in overlaps(boxes):
            yield Problem(
                file,
                f"widget '{later.name}' overlaps widget '{earlier.name}'",
                pointer=f"/widgets/{later.index}",
                hint="move or resize one of them (x, y, width, height on a 12-column grid)",
            )


def overlaps(boxes: list[Box]) -> Iterator[tuple[Box, Box]]:
    """``(earlier, later)`` pairs by ``widgets`` order, each later widget at most once.

    A sweep from top to bottom keeps the widgets crossing the current row; a widget once
    reported leaves it, so it stays about as small as one row of the grid however many widgets
    the dashboard has (comparing every pair would be quadratic).
    """
    active: list[Box] = []
    for box in sorted(boxes, key=lambda b: (b.y, b.index)):
        active = [a for a in active if a.y + a.height > box.y]
        other = next((a for a in active if a.overlaps(box)), None)
        if other is None:
            active.append(box)
        elif other.index < box.index:
            yield other, box
        else:
            active[active.index(other)] = box
            yield box, other


def _box(index: int, widget: dict[str, Any]) -> Box | None:
    """The widget's rectangle, or None when it has no integer position and positive size."""
    x, y = _integer(widget.get("x")), _integer(widget.get("y"))
    width, height = _integer(widget.get("width")), _integer(widget.get("height"))
    if x is None or y is None or width is None or height is None or width <= 0 or height <= 0:
        return None
    name = widget.get("id")
    return Box(index, name if isinstance(name, str) else f"#{index}", x, y, width, height)


def _integer(value: object) -> int | None:
    """A JSON integer (not a boolean), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None
