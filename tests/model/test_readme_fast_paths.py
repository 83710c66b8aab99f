"""The README model's fast paths give what the general code gives.

Cell and heading text reads a lone text node (or one wrapped in a lone code span, emphasis or
link) directly, and collects the text of anything else; a cell's column is found on demand for
that cell alone; line breaks are normalised with string replacement. The text fast paths read
markdown-it-pyrs' nodes: those tests are skipped where it is not installed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st
from test_readme_equivalence import (
    CORPUS,
    DOCUMENTS,
    model_of,
    needs_markdown_it_pyrs,
    reference_cell_columns,
)

import pkgkit.model.readme as model
from pkgkit.model import readme_parts
from pkgkit.model.readme import Readme, normalize_heading

if TYPE_CHECKING:
    from markdown_it_pyrs import Node

#: Pieces of inline Markdown that change a cell's or heading's text, or its node structure.
PIECES = [
    "a", "b c", " ", "\t", "`", "``", "*", "**", "_", "__", "\\", "\\|", "|", "[", "]", "(u)",
    "![", "[x]", "<", ">", "&amp;", "&#35;", "&copy;", "<b>", "</b>", "<https://x.y/%C3%A9%2F>",
    "<me@x.y>", "<https://a/%e2%82>", "~", "é", "😀", "\\*",
]
INLINE = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def reference_text(node: Node) -> str:
    """Text of a heading or cell as the general code reads it (every node visited)."""
    parts: list[str] = []
    _reference_collect(node, parts)
    return "".join(parts).strip()


def _reference_collect(node: Node, parts: list[str]) -> None:
    for child in node.children:
        if child.name in {"text", "text_special", "html_inline"}:
            parts.append(child.meta["content"])
        elif child.name == "autolink":
            parts.append(model._decode_link_text(reference_text(child)))
        elif child.name in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.name != "image":
            _reference_collect(child, parts)


def _text_nodes(text: str) -> list[Node]:
    """Cells and headings of a parsed text (Hypothesis rejects a text the parser panics on)."""
    try:
        tree = model._parser().tree(model._normalized(text))
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
        reject()  # markdown-it-pyrs 0.6 panics on an unclosed code span after "[": "a [` b"
    return [n for n in tree.walk() if n.name in {"tcell", "heading", "lheading"}]


def _documents(inline: str, other: str) -> str:
    return (
        f"# {inline}\n\n{other}\n{inline}\n===\n\n"
        f"| {inline} | {other} |\n|---|---|\n| {other} | {inline} |\n{inline}\n"
    )


@needs_markdown_it_pyrs
@settings(max_examples=300, deadline=None)
@given(INLINE, INLINE)
def test_cell_and_heading_text_equals_the_general_reading(inline, other):
    nodes = _text_nodes(_documents(inline, other))
    assert nodes
    for node in nodes:
        assert model._plain_text(node) == reference_text(node)
        if node.name == "tcell":
            assert model._cell_text(node) == reference_text(node)


@needs_markdown_it_pyrs
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_text_equals_the_general_reading(name):
    for node in _text_nodes(CORPUS[name]):
        assert model._plain_text(node) == reference_text(node)


@needs_markdown_it_pyrs
@pytest.mark.parametrize(
    ("cell", "text", "general"),
    [
        ("plain  text ", "plain  text", False),
        ("`code`", "code", False),
        ("**`bold code`**", "bold code", False),
        ("[link *em*](u)", "link em", True),
        ("<https://x.y/%C3%A9>", "https://x.y/é", True),
        ("![alt](img.png)", "", True),
        ("a `b` c", "a b c", True),
        ("&amp;", "&", False),
        ("", "", True),
    ],
)
def test_lone_texts_are_read_directly_and_the_rest_in_general(monkeypatch, cell, text, general):
    """Autolinks (decoded), images (no text) and several nodes take the general path."""
    calls = []
    collect = model._collect_text
    monkeypatch.setattr(model, "_collect_text", lambda *a: calls.append(a) or collect(*a))
    row = _node_reading(f"| h |\n|---|\n| {cell} |\n").tables[0].rows[0]
    assert row.get("h").text == text
    assert bool(calls) is general


RAW_ROW = st.text(alphabet="|\\ \tab-é😀\u00a0", max_size=16)


@settings(max_examples=500, deadline=None)
@given(RAW_ROW)
def test_a_cell_column_found_alone_equals_the_whole_row_reading(raw):
    columns = reference_cell_columns(raw)
    for index in range(len(columns) + 3):
        expected = columns[index] if index < len(columns) else 1
        assert readme_parts._cell_column(raw, index) == expected


@pytest.mark.parametrize(
    "raw",
    ["", "|", "||", " | a | b |", "a|b", "a\\|b|c", "| a | | |", "|a|  ||  | ", "\\|a|b",
     "  x  |  | y", "|||a", "| a || b |", "\t|\ta\t|"],
)
def test_cell_columns_of_edge_rows(raw):
    columns = reference_cell_columns(raw)
    assert [readme_parts._cell_column(raw, i) for i in range(len(columns) + 2)] == [*columns, 1, 1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\r\n\0a ", max_size=20))
def test_line_breaks_are_normalised_as_commonmark_says(text):
    expected = re.sub(r"\r\n?", "\n", text).replace("\0", "\ufffd")
    assert model._normalized(text) == expected


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_section_paths_are_the_titles_down_from_the_top(name):
    readme = Readme("README.md", CORPUS[name])
    for section in readme.sections:
        titles, parent = [], section
        while parent is not None:
            titles.insert(0, normalize_heading(parent.title))
            parent = parent.parent
        assert section.path == tuple(titles)
        found = readme.find_sections(f"  {section.title.upper()} ")
        assert section in found
        assert all(normalize_heading(s.title) == normalize_heading(section.title) for s in found)


#: Raw cell pieces for the plain-table fast path: what it reads itself (text, ``_`` between word
#: characters, single-backtick code spans) and what must send a table to the nodes.
TABLE_PIECES = [
    "a", "Z9", "b c", " ", "  ", "\t", "\u00a0", "é", "😀", "_", "a_b", "x_", "__", "`", "``",
    "` `", "`  `", "` a `", "`a_b`", "`*`", "`<b>`", "`&amp;`", "*", "**", "[", "]", "[x](u)",
    "!", "<", "<b>", "&amp;", "&", "\\", "\\|", "~", "~~s~~", "www.x.y", "https://x.y", "{{v}}",
    "%", "(", ")", ":", "\0", "\u2028", "\x0c", "|",
]
TABLE_CELL = st.lists(st.sampled_from(TABLE_PIECES), max_size=6).map("".join)


@st.composite
def plain_tables(draw: st.DrawFn) -> str:
    """A README around a table whose rows mostly start and end with a pipe."""
    width = draw(st.integers(1, 4))
    pad = draw(st.sampled_from(["", " ", "  ", "\t"]))

    def row(cells: list[str]) -> str:
        line = "|" + "|".join(f"{pad}{cell}{pad}" for cell in cells) + "|"
        return draw(st.sampled_from([line, line, line, line.rstrip("|"), f" {line}", f"{line} "]))

    header = [draw(TABLE_CELL.filter(lambda c: "|" not in c)) or "h" for _ in range(width)]
    body = draw(st.lists(st.lists(TABLE_CELL, min_size=width - 1, max_size=width + 1), max_size=4))
    table = "\n".join([row(header), "|" + "|".join(["---"] * width) + "|", *map(row, body)])
    before = draw(st.sampled_from(["", "# T\n\n", "text\n", "a\u2028b\n\n", "a\rb\r\n\r\n", "> "]))
    after = draw(st.sampled_from(["", "\n", "\n\nafter\n", "\nnot a row\n"]))
    return before + table + after


def _node_reading(text: str) -> Readme:
    """The README with every table read from markdown-it-pyrs' nodes."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Readme, "_plain_table", lambda *args: None)
        return Readme("README.md", text)


@needs_markdown_it_pyrs
@settings(max_examples=500, deadline=None)
@given(plain_tables())
def test_plain_tables_read_from_raw_lines_equal_the_node_reading(text):
    try:
        model._parser().tree(model._normalized(text))
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
        reject()
    assert model_of(Readme("README.md", text)) == model_of(_node_reading(text))


def _plain_table_calls(text: str) -> list[bool]:
    """For each table of ``text``: whether it was read from its raw lines."""
    calls: list[bool] = []
    read = Readme._plain_table

    def spy(self: Readme, line: int, count: int) -> object:
        found = read(self, line, count)
        calls.append(found is not None)
        return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Readme, "_plain_table", spy)
        Readme("README.md", text)
    return calls


@needs_markdown_it_pyrs
@pytest.mark.parametrize("name", ["go-fixture", "unicode"])
def test_common_tables_are_read_from_raw_lines(name):
    calls = _plain_table_calls(CORPUS[name])
    assert calls
    assert all(calls)


@needs_markdown_it_pyrs
@pytest.mark.parametrize(
    "cell",
    ["a \\| b", "*em*", "a__b", "_a", "b_", "``x``", "`a` `", "[x](u)", "<b>x</b>", "&amp;", "x\0"],
)
def test_cells_with_other_syntax_send_the_table_to_the_nodes(cell):
    text = f"| h | i |\n|---|---|\n| {cell} | `a_b` c_d |\n"
    assert not any(_plain_table_calls(text))
    assert model_of(Readme("README.md", text)) == model_of(_node_reading(text))


@needs_markdown_it_pyrs
@pytest.mark.parametrize(
    "text",
    [
        "h | i\n---|---\nx | y\n",  # no outer pipes
        " | h | i |\n |---|---|\n | x | y |\n",  # indented
        "> | h | i |\n> |---|---|\n> | x | y |\n",  # in a block quote
        "- | h | i |\n  |---|---|\n  | x | y |\n",  # in a list item
        "a\u2028b\n\n| h | i |\n|---|---|\n| x | y |\n",  # a line break str.splitlines adds
        "| h | i |\n|---|---|\n| x |\n",  # fewer cells than headers
        "| h | i |\n|---|---|\n| x | y | z |\n",  # more cells than headers
    ],
)
def test_tables_not_laid_out_plainly_are_read_from_the_nodes(text):
    assert not any(_plain_table_calls(text))
    assert model_of(Readme("README.md", text)) == model_of(_node_reading(text))


def _inline_reading(text: str) -> Readme:
    """The README read from a tree with inline nodes only (no raw-text reading at all)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "_line_count", lambda text: -1)  # lines never look aligned
        return Readme("README.md", text)


def _trees_built(text: str) -> list[bool]:
    """For each tree a reading of ``text`` builds: whether it was the one without inline nodes."""
    built: list[bool] = []
    tree = model._tree

    def spy(parser: object, source: str, *, mute: bool = True) -> object:
        built.append(parser is model._block_parser())
        assert mute is not built[-1]  # stderr muted for the inline parser only
        return tree(parser, source, mute=mute)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "_tree", spy)
        Readme("README.md", text)
    return built


@needs_markdown_it_pyrs
@settings(max_examples=400, deadline=None)
@given(st.one_of(DOCUMENTS, plain_tables()))
def test_readmes_read_first_without_inline_parsing_equal_the_inline_reading(text):
    try:
        model._parser().tree(model._normalized(text))
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
        reject()
    assert model_of(Readme("README.md", text)) == model_of(_inline_reading(text))


@needs_markdown_it_pyrs
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_read_first_without_inline_parsing_equals_the_inline_reading(name):
    assert model_of(Readme("README.md", CORPUS[name])) == model_of(_inline_reading(CORPUS[name]))


@needs_markdown_it_pyrs
def test_a_plain_readme_is_parsed_once_without_inline_parsing():
    assert _trees_built(CORPUS["go-fixture"]) == [True]
    assert _trees_built("# T `code` a_b\n\nsetext\n---\n\n```x\na | b\n```\n") == [True]


@needs_markdown_it_pyrs
@pytest.mark.parametrize(
    "text",
    [
        "# A *title*\n",
        "# A [link](u)\n",
        "two\nlines\n===\n",
        "# T\n\n| h |\n|---|\n| **x** |\n",
        "# T\n\n> | h |\n> |---|\n> | x |\n",
    ],
)
def test_headings_and_tables_needing_inline_parsing_read_the_text_again(text):
    assert _trees_built(text) == [True, False]
    assert model_of(Readme("README.md", text)) == model_of(_inline_reading(text))


def _unemptied_reading(text: str) -> Readme:
    """The README parsed as written: no table row emptied before the block parse."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "_emptied_rows", lambda text: None)
        return Readme("README.md", text)


def _parsed_texts(text: str) -> list[str]:
    """Each text a reading of ``text`` hands the parser."""
    parsed: list[str] = []
    tree = model._tree

    def spy(parser: object, source: str, *, mute: bool = True) -> object:
        parsed.append(source)
        return tree(parser, source, mute=mute)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "_tree", spy)
        Readme("README.md", text)
    return parsed


#: Lines around emptied rows: rows that are emptied or must not be, and lines whose blocks a
#: row's text could change (HTML blocks ended by ">", link reference definitions and their
#: titles, fences, setext underlines, containers, delimiter rows with other white space).
EMPTYING_LINES = [
    "| a | b |", "| `x` | y_z |", "|---|---|", "| - | : |", "|:-:|", "|-x|", "| a |", "||", "|",
    "| a > b |", '| "t" | (p) |', "| 'q' |", "| a | b | c |", "| --> |", "|\u00a0---|---|",
    "| `-` |", "| ` a|b ` |", "| a \\| b |", "| *e* |", "| ]: |", "|\t|", "", "text", "# H",
    "===", "---", "```", "~~~", "<!--", "-->", "<div>", "</div>", "<pre>", "</pre>",
    '[x]: /u "t', "[x]: /u", "[x", "]: /u", '"', "'", ")", "> q", "> | a |", "- item",
    "  | a | b |", "    code", "1. one", "* * *",
]


@needs_markdown_it_pyrs
@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(EMPTYING_LINES), max_size=12).map("\n".join),
        DOCUMENTS,
        plain_tables(),
    )
)
def test_emptied_table_rows_give_the_model_of_the_text_as_written(text):
    assert model_of(Readme("README.md", text)) == model_of(_unemptied_reading(text))


@needs_markdown_it_pyrs
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_with_emptied_rows_equals_the_reading_as_written(name):
    assert model_of(Readme("README.md", CORPUS[name])) == model_of(_unemptied_reading(CORPUS[name]))


@needs_markdown_it_pyrs
def test_plain_rows_are_emptied_for_the_block_parse():
    text = "# T\n\n| Name | Unit |\n|------|:----:|\n| `a.b` | By |\n| c_d | s |\n"
    assert _parsed_texts(text) == ["# T\n\n| | |\n|------|:----:|\n| | |\n| | |\n"]
    rows = Readme("README.md", text).tables[0].rows
    assert [(row.line, row.cells["name"].text, row.cells["unit"].column) for row in rows] == [
        (5, "a.b", 11), (6, "c_d", 9),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "|---|:-:|",  # a delimiter row
        "|\u00a0---\u2003|---|",  # one, if other white space counts
        "| a > b |",  # ">" may end an HTML block
        "| a \\| b |",  # an escaped pipe is no cell boundary
        "| ` a|b ` |",  # nor a pipe in a code span
        "| *e* |",  # not plain (read from inline nodes)
        " | a |",  # not at the margin
        "| a",
    ],
)
def test_rows_that_are_not_emptied(line):
    assert model._emptied_rows(f"x\n\n{line}\n") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("|---|:-:|", True), ("| - | : |", True), ("|\u00a0---\u2003|", True), ("||", True),
        ("| a |", False), ("|-x-|", False), ("| `-` |", False), ("|---|---a|", False),
    ],
)
def test_delimiter_like_rows(raw, expected):
    assert model._delimiter_like(raw) is expected


def test_no_row_is_emptied_in_a_text_with_a_link_reference_definition():
    assert model._emptied_rows('[x]: /u "t\n| a |\n"\n\n| a |\n|---|\n') is None
    assert model._emptied_rows("| a |\n|---|\n") == ("| |\n|---|\n", {1: ["a"]})


@needs_markdown_it_pyrs
@pytest.mark.parametrize(
    "text",
    [
        "```\n| a | b |\n```\n\n| h |\n|---|\n",  # a code block holding a row
        "| a | b |\n---\n",  # a setext heading's text (no table: two cells, one delimiter)
    ],
)
def test_a_block_whose_text_holds_an_emptied_row_is_read_from_the_text_as_written(text):
    assert _parsed_texts(text) == [model._emptied_rows(text)[0], text]
    assert model_of(Readme("README.md", text)) == model_of(_unemptied_reading(text))
