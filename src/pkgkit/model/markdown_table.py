"""A GitHub Markdown table as the lines of a README hold it: cells split from the raw lines and
new rows written in the table's own style.

Only what ``pkgkit docs`` needs: rows are kept or dropped as whole lines and new rows are
written; in a table whose lines are all aligned, a new row's cells are padded to the existing
columns (a longer cell overflows: the other rows keep their bytes, so a diff shows only the rows
that changed). A new table is written aligned, as Prettier writes tables.
"""

# No `from __future__ import annotations` here: typing.NamedTuple checks each field's
# annotation when the class is made, and one held as text is compiled (docs/architecture.md,
# "Start-up and the per-package budget").

import itertools
from typing import NamedTuple


class TableLines(NamedTuple):
    """A table's raw lines (no line ends): header, delimiter, then body rows."""

    header: str
    delimiter: str
    rows: list[str]


def split_cells(line: str) -> list[str]:
    """The cell texts of a table line, stripped: split at each ``|`` not escaped by ``\\``."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for char in text:
        if char == "|" and not escaped:
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        escaped = char == "\\" and not escaped
    cells.append("".join(current).strip())
    return cells


def escape_cell(text: str) -> str:
    """``text`` as a cell: pipes escaped, line breaks as spaces."""
    return " ".join(text.replace("|", "\\|").split())


def _pipe_positions(line: str) -> list[int]:
    positions = []
    escaped = False
    for index, char in enumerate(line):
        if char == "|" and not escaped:
            positions.append(index)
        escaped = char == "\\" and not escaped
    return positions


def is_aligned(table: TableLines) -> bool:
    """Every line has its pipes at the same places, with a leading and a closing pipe."""
    lines = [table.header, table.delimiter, *table.rows]
    first = _pipe_positions(table.header)
    return (
        len(first) >= 2
        and table.header.startswith("|")
        and table.header.endswith("|")
        and all(_pipe_positions(line) == first and len(line) == len(table.header) for line in lines)
    )


def _delimiter_cell(cell: str, width: int, spaced: bool) -> str:
    left, right = cell.startswith(":"), cell.endswith(":") and len(cell) > 1
    dashes = max(width - left - right, 1)
    text = f"{':' if left else ''}{'-' * dashes}{':' if right else ''}"
    return f" {text} " if spaced else text


def render_row(
    cells: list[str], count: int, *, outer: bool, widths: list[int] | None = None
) -> str:
    """A body row of ``count`` cells: ``| a | b |``, each cell padded to its width if given."""
    padded = [*cells, *[""] * (count - len(cells))][:count]
    if widths is not None:
        padded = [cell.ljust(width) for cell, width in zip(padded, widths, strict=False)]
    inner = " | ".join(padded)
    return f"| {inner} |" if outer else inner


def column_widths(table: TableLines) -> list[int] | None:
    """The widths of an aligned table's cells (between ``| `` and `` |``), or None."""
    if not is_aligned(table):
        return None
    pipes = _pipe_positions(table.header)
    return [right - left - 3 for left, right in itertools.pairwise(pipes)]


def realign(table: TableLines) -> TableLines:
    """The table with every cell padded to its column's widest, the delimiter's dashes filling
    the width, in the spacing of its delimiter line (``| --- |`` or ``|---|``)."""
    header = split_cells(table.header)
    count = len(header)
    delimiter = split_cells(table.delimiter)
    rows = [[*split_cells(row), *[""] * count][:count] for row in table.rows]
    spaced = table.delimiter.strip().startswith("| ")
    widths = [max([len(header[i]), 3, *(len(row[i]) for row in rows)]) for i in range(count)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    cells = [delimiter[i] if i < len(delimiter) else "---" for i in range(count)]
    parts = [
        _delimiter_cell(c, w + (0 if spaced else 2), spaced)
        for c, w in zip(cells, widths, strict=True)
    ]
    return TableLines(line(header), "|" + "|".join(parts) + "|", [line(row) for row in rows])
