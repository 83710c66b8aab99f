"""pkgkit.model.textedit: line edits of a README, table cells keeping their width."""

from __future__ import annotations

import pytest

from pkgkit.diagnostics import TextEdit
from pkgkit.model.textedit import insert_line_after, line_span, replace_cell_text, replace_in_line


def apply_edits(text: str, edits: list[TextEdit]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


TABLE = "| Title    | Text |\n| -------- | ---- |\n| Old Name | kept |\n"


def test_lines_are_found_by_number() -> None:
    assert line_span(TABLE, 3) == (40, 59)
    assert line_span(TABLE, 9) is None
    edit = insert_line_after(TABLE, 3, "| New | row |")
    assert edit is not None
    assert apply_edits(TABLE, [edit]).endswith("| Old Name | kept |\n| New | row |\n")


def test_a_replacement_needs_exactly_one_occurrence_on_the_line() -> None:
    assert replace_in_line("a a\n", 1, "a", "b") is None
    assert replace_in_line("a b\n", 1, "", "b") is None


@pytest.mark.parametrize(
    ("new", "row"),
    [
        ("Short", "| Short    | kept |"),  # the padding grows
        ("New Name", "| New Name | kept |"),
        ("A Longer Name", "| A Longer Name | kept |"),  # overflows: no room to take
    ],
)
def test_a_cell_keeps_its_width_when_it_can(new: str, row: str) -> None:
    edit = replace_cell_text(TABLE, 3, "Old Name", new)
    assert edit is not None
    assert apply_edits(TABLE, [edit]).splitlines()[2] == row


def test_a_cell_without_padding_is_replaced_as_it_is() -> None:
    edit = replace_cell_text("| a | b |\n", 1, "a", "longer")
    assert edit is not None
    assert apply_edits("| a | b |\n", [edit]) == "| longer | b |\n"
