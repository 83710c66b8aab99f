"""Two widgets of one dashboard overlap on the grid.

Widgets are rectangles ``x, y, width, height`` on a 12-column grid; Instana draws overlapping
widgets on top of each other, hiding one. Each widget to move is reported once, naming every
widget it overlaps with the positions of both: a widget that overlaps several others is the one
reported; of two widgets that overlap only each other, the one that comes later in ``widgets``.
Widgets are named by title (by id when they have none).

Bad (a chart laid over two others)::

    {"widgets": [{"title": "Heap Usage", "x": 6, "y": 3, "width": 6, "height": 13},
                 {"title": "Goroutines", "x": 8, "y": 1, "width": 4, "height": 4},
                 {"title": "Heap Used", "x": 4, "y": 1, "width": 4, "height": 4}]}

Good::

    {"widgets": [{"title": "Heap Usage", "x": 0, "y": 5, "width": 12, "height": 13},
                 {"title": "Goroutines", "x": 8, "y": 1, "width": 4, "height": 4},
                 {"title": "Heap Used", "x": 4, "y": 1, "width": 4, "height": 4}]}
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
SEVERITY = Severity.WARNING
SUMMARY = "Two widgets of one dashboard overlap"


class Box:
    """A widget's rectangle, with its index in ``widgets`` and its name."""

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

    def __str__(self) -> str:
        return f"'{self.name}' (x{self.x} y{self.y} w{self.width} h{self.height})"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Each widget to move, naming the widgets it overlaps."""
    for file in ctx.package.documents("dashboard"):
        boxes = [box for index, w in widgets(file) if (box := _box(index, w)) is not None]
        for moved, others in overlaps(boxes):
            names = " and ".join(str(other) for other in sorted(others, key=lambda b: b.index))
            yield Problem(
                file,
                f"widget {moved} overlaps {names}",
                pointer=f"/widgets/{moved.index}",
                hint="move or resize it (x, y, width, height on a 12-column grid)",
            )


def overlaps(boxes: list[Box]) -> Iterator[tuple[Box, list[Box]]]:
    """``(widget to move, the widgets it overlaps)``, each widget reported at most once.

    A sweep from top to bottom keeps the widgets crossing the current row that overlap nothing
    kept; each new widget is compared with all of them. A widget that overlaps several is the
    one reported; of two that overlap only each other, the later in ``widgets`` (the earlier one
    stays). A reported widget leaves the sweep (it is to be moved), so what is kept overlaps
    nothing and stays about as small as one row of the grid however many widgets there are
    (comparing every pair would be quadratic).
    """
    active: list[Box] = []
    for box in sorted(boxes, key=lambda b: (b.y, b.index)):
        active = [a for a in active if a.y + a.height > box.y]
        others = [a for a in active if a.overlaps(box)]
        if not others:
            active.append(box)
        elif len(others) == 1 and others[0].index > box.index:
            active[active.index(others[0])] = box
            yield others[0], [box]
        else:
            yield box, others


def _box(index: int, widget: dict[str, Any]) -> Box | None:
    """The widget's rectangle, or None when it has no integer position and positive size."""
    x, y = _integer(widget.get("x")), _integer(widget.get("y"))
    width, height = _integer(widget.get("width")), _integer(widget.get("height"))
    if x is None or y is None or width is None or height is None or width <= 0 or height <= 0:
        return None
    return Box(index, _name(index, widget), x, y, width, height)


def _name(index: int, widget: dict[str, Any]) -> str:
    """The widget's title, else its id, else its index in ``widgets``."""
    for key in ("title", "id"):
        value = widget.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return f"#{index}"


def _integer(value: object) -> int | None:
    """A JSON integer (not a boolean), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None
