"""pkgkit.model.markdown_table: cells of raw table lines, rows in the table's style."""

from __future__ import annotations

import pytest

from pkgkit.model.markdown_table import (
    TableLines,
    column_widths,
    escape_cell,
    is_aligned,
    realign,
    render_row,
    split_cells,
)


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("| a | b |", ["a", "b"]),
        ("a | b", ["a", "b"]),
        ("| a \\| b | `c` |", ["a \\| b", "`c`"]),
        ("|  | x", ["", "x"]),
        ("| milvus-system-health ", ["milvus-system-health"]),
    ],
)
def test_cells_are_split_at_unescaped_pipes(line: str, cells: list[str]) -> None:
    assert split_cells(line) == cells


def test_a_cell_escapes_pipes_and_line_breaks() -> None:
    assert escape_cell("a|b\nc") == "a\\|b c"


ALIGNED = TableLines(
    "| Name  | Unit |", "| ----- | ---- |", ["| go.x  | By   |", "| go.yy | 1    |"]
)


def test_aligned_tables_give_their_widths_and_others_none() -> None:
    assert is_aligned(ALIGNED)
    assert column_widths(ALIGNED) == [5, 4]
    ragged = TableLines("| Name | Unit |", "|---|---|", ["| go.x | By |"])
    assert column_widths(ragged) is None


def test_a_row_is_padded_to_the_widths_and_overflows_them() -> None:
    assert render_row(["go.z"], 2, outer=True, widths=[5, 4]) == "| go.z  |      |"
    assert render_row(["go.longer", "By"], 2, outer=True, widths=[5, 4]) == "| go.longer | By   |"
    assert render_row(["a", "b"], 2, outer=False) == "a | b"


@pytest.mark.parametrize(
    ("delimiter", "expected"),
    [("|---|:--:|", "|-------|:----:|"), ("| - | -: |", "| ----- | ---: |")],
)
def test_realigning_keeps_the_delimiter_style_and_alignment(delimiter: str, expected: str) -> None:
    table = realign(TableLines("| Name | Unit |", delimiter, ["| go.yy | By |"]))
    assert table.header == "| Name  | Unit |"
    assert table.delimiter == expected
    assert table.rows == ["| go.yy | By   |"]
    assert realign(ALIGNED) == ALIGNED
