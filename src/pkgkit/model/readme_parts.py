"""The parts of a parsed README: sections, GitHub tables (rows of located cells), code blocks.

Both readings of a README build them: :mod:`pkgkit.model.readme` (markdown-it-pyrs) and
:mod:`pkgkit.model.readme_fallback` (markdown-it-py).
"""

# No `from __future__ import annotations` here: typing.NamedTuple checks each field's
# annotation when the class is made, and one held as text is compiled (docs/architecture.md,
# "Start-up and the per-package budget").

from typing import NamedTuple


def normalize_heading(text: str) -> str:
    """Lower-case, single-spaced form used to compare headings and column names."""
    return " ".join(text.lower().split())


class Cell:
    """One table cell: plain text (code spans unwrapped) and where it starts.

    ``row`` is the raw line of the table row and ``index`` the cell's place in it: the column is
    found there only when asked for (most cells are never reported).
    """

    __slots__ = ("_index", "_row", "line", "text")

    def __init__(self, text: str, line: int, row: str, index: int) -> None:
        self.text = text
        self.line = line
        self._row = row
        self._index = index

    @property
    def column(self) -> int:
        """1-based column of the cell's first character in its raw row (1 when not found)."""
        return _cell_column(self._row, self._index)


class Row:
    """A body row of a table, cells keyed by their normalised column header."""

    __slots__ = ("cells", "line")

    def __init__(self, line: int, cells: dict[str, Cell]) -> None:
        self.line = line
        self.cells = cells

    def get(self, *headers: str) -> Cell | None:
        """The first cell whose column is one of ``headers`` (normalised names)."""
        cells = self.cells
        for header in headers:
            cell = cells.get(header)
            if cell is not None:
                return cell
        return None


class Section:
    """A heading and everything up to the next heading of the same or a higher level.

    ``path`` holds the normalised titles from the top-level section down to this one. A section
    does not list its tables (each :class:`Table` names its section): links both ways would be a
    reference cycle per table, which only the cyclic garbage collector frees.
    """

    __slots__ = ("level", "line", "parent", "path", "title")

    def __init__(self, title: str, level: int, line: int, parent: "Section | None" = None) -> None:
        self.title = title
        self.level = level
        self.line = line
        self.parent = parent
        key = normalize_heading(title)
        self.path: tuple[str, ...] = (*parent.path, key) if parent is not None else (key,)

    def within(self, title: str) -> bool:
        """True when this section or one of its ancestors has ``title`` (normalised)."""
        return normalize_heading(title) in self.path


class Table:
    """A GitHub table: normalised headers and located body rows."""

    __slots__ = ("headers", "line", "rows", "section")

    def __init__(
        self, line: int, headers: list[str], rows: list[Row], section: Section | None
    ) -> None:
        self.line = line
        self.headers = headers
        self.rows = rows
        self.section = section


class CodeBlock(NamedTuple):
    """A fenced or indented code block; ``line`` is the first line of its content."""

    info: str
    content: str
    line: int


def _cell_column(raw: str, index: int) -> int:
    """1-based column of the first character of cell ``index`` of a raw table row (1: not shown).

    Cells start after the row's leading pipe, if any, and after every pipe without a backslash
    right before it. A cell holding only padding, or only pipes and padding up to the end of the
    row, ends the row: every later cell holds no more than it, so a cell is shown exactly when its
    own start passes that test.
    """
    skip = index if raw.lstrip().startswith("|") else index - 1
    start = -1 if skip < 0 else _nth_pipe(raw, skip)
    if skip >= 0 and start < 0:
        return 1
    first, length = start + 1, len(raw)
    while first < length and raw[first] in " \t":
        first += 1
    if first == length or (raw[first] == "|" and not raw[start + 1 :].strip(" \t|")):
        return 1
    return first + 1


def _nth_pipe(raw: str, count: int) -> int:
    """Offset of the pipe that has ``count`` unescaped pipes before it (-1: none)."""
    index = raw.find("|")
    while index >= 0:
        if index == 0 or raw[index - 1] != "\\":
            if count == 0:
                return index
            count -= 1
        index = raw.find("|", index + 1)
    return -1
