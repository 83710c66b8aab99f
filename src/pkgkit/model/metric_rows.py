"""New rows of a README's metrics tables: which table a metric goes in, and its cells spelt as
that table spells units and instruments. Shared by ``pkgkit docs`` and MET001's fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import TextEdit
from pkgkit.model.conventions import (
    DESCRIPTION_HEADERS,
    INSTRUMENT_HEADERS,
    NAME_HEADERS,
    RESOURCE_SECTION,
    UNIT_HEADERS,
    is_metrics_table,
    normalize_instrument,
    unit_class,
)
from pkgkit.model.markdown_table import (
    TableLines,
    column_widths,
    escape_cell,
    render_row,
    split_cells,
)
from pkgkit.model.textedit import line_span

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from pkgkit.model.conventions import DocumentedMetric
    from pkgkit.model.readme import Readme, Table


def metrics_tables(readme: Readme) -> list[Table]:
    """Tables with a name column under a metrics section, as the conventions model reads them."""
    found = []
    for table in readme.tables:
        section = table.section
        if section is None or RESOURCE_SECTION in section.path:
            continue
        if is_metrics_table(table):
            found.append(table)
    return found


def column(table: Table, headers: Iterable[str]) -> str | None:
    """The table's first column among ``headers`` (normalised names)."""
    return next((header for header in headers if header in table.headers), None)


def home_table(
    tables: list[Table], documented: list[DocumentedMetric], scope: str | None
) -> Table | None:
    """The table a new metric of ``scope`` goes in: the table whose rows are documented under
    that instrumentation scope, else the last table."""
    for table in tables:
        lines = {row.line for row in table.rows}
        if any(m.scope == scope and m.line in lines for m in documented) and scope is not None:
            return table
    return tables[-1] if tables else None


def cells(table: Table, values: dict[tuple[str, ...], str]) -> list[str]:
    """A new row: for each column, the value of the first header group it belongs to."""
    return [
        next((value for group, value in values.items() if header in group), "")
        for header in table.headers
    ]


def metric_cells(
    table: Table, name: str, unit: str | None, instrument: str | None, *, code: bool = False
) -> list[str]:
    """A metric row of ``table``: the name (as a code span with ``code``), the unit and
    instrument as the table spells them (as given where it has no spelling for them), the rest
    empty."""
    units = _spellings(table, UNIT_HEADERS, unit_class)
    instruments = _spellings(table, INSTRUMENT_HEADERS, normalize_instrument)
    spelt_instrument = normalize_instrument(instrument) or ""
    values = {
        NAME_HEADERS: f"`{name}`" if code else name,
        UNIT_HEADERS: units.get(unit_class(unit) or "", unit) if unit else "",
        INSTRUMENT_HEADERS: instruments.get(spelt_instrument, instrument) if instrument else "",
        DESCRIPTION_HEADERS: "",
    }
    return cells(table, values)


def names_in_code(readme: Readme, table: Table) -> bool:
    """True when every row of ``table`` writes its name as a code span (`` `go.x` ``)."""
    found = column(table, NAME_HEADERS)
    if found is None or not table.rows:
        return False
    index = table.headers.index(found)
    lines = readme.text.split("\n")
    written = [split_cells(lines[row.line - 1]) for row in table.rows]
    return all(
        len(cells) > index and cells[index].startswith("`") and cells[index].endswith("`")
        for cells in written
    )


def _spellings(
    table: Table, headers: tuple[str, ...], kind: Callable[[str | None], str | None]
) -> dict[str, str]:
    """How the table's rows spell each kind of unit or instrument (the first spelling seen)."""
    found = column(table, headers)
    spelt: dict[str, str] = {}
    for row in table.rows:
        cell = row.cells.get(found or "")
        if cell is not None and cell.text and (kind_of := kind(cell.text)) is not None:
            spelt.setdefault(kind_of, cell.text)
    return spelt


def appended_row(readme: Readme, table: Table, row: list[str]) -> TextEdit | None:
    """``row`` added after the table's last line, in its style (padded when it is aligned)."""
    last = table.rows[-1].line if table.rows else table.line + 1
    lines = readme.text.split("\n")[table.line - 1 : last]
    if len(lines) < 2:
        return None
    block = TableLines(lines[0], lines[1], lines[2:])
    outer = block.header.lstrip().startswith("|")
    written = render_row(
        [escape_cell(cell) for cell in row], len(table.headers), outer=outer,
        widths=column_widths(block),
    )  # fmt: skip
    span = line_span(readme.text, last)
    return None if span is None else TextEdit(span[1], span[1], f"\n{written}")
