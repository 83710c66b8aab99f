"""The README model built from markdown-it-py's tokens, where markdown-it-pyrs cannot read one.

markdown-it-pyrs 0.4 (markdown-it.rs 0.6) panics on an unclosed code span right after ``[``
(``a [` b``; markdown-it-rust/markdown-it issue #40), and it is not installed where it has no
wheel (CPython 3.13 and later, other implementations and platforms: see pyproject.toml).
markdown-it-py, the pure-Python reference implementation of the same parser, reads those READMEs
into the same model: same sections, tables, rows, cells (text, line, column) and code blocks. It
is imported only here, on first use. tests/model/test_readme_equivalence.py holds both readings
equal.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

from pkgkit.model.readme_parts import Cell, CodeBlock, Row, Section, Table, normalize_heading

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


class Model(NamedTuple):
    """What a README is read into."""

    sections: list[Section]
    tables: list[Table]
    code_blocks: list[CodeBlock]


def parse(text: str, lines: list[str]) -> Model:
    """The model of ``text``; ``lines`` are the README's raw lines (cells find columns there)."""
    tokens = _parser().parse(text)
    model = Model([], [], [])
    stack: list[Section] = []
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            model.sections.append(_heading(token, tokens[index + 1], stack))
        elif kind == "table_open":
            model.tables.append(_table(tokens, index, lines, stack[-1] if stack else None))
        elif kind in _CODE_BLOCKS:
            model.code_blocks.append(_code_block(token))
    return model


#: Code block token types and how many lines their content starts after the block's first.
_CODE_BLOCKS = {"fence": 1, "code_block": 0}


@functools.cache
def _parser() -> MarkdownIt:
    """One CommonMark + table parser, imported on first use (start-up does not pay for it)."""
    from markdown_it import MarkdownIt  # noqa: PLC0415 - only READMEs markdown-it-pyrs cannot read

    return MarkdownIt("commonmark").enable("table")


def _line(token: Token) -> int:
    """1-based line a block token starts on."""
    return token.map[0] + 1 if token.map else 1


def _heading(token: Token, inline: Token, stack: list[Section]) -> Section:
    level = int(token.tag[1:])
    while stack and stack[-1].level >= level:
        stack.pop()
    section = Section(_text(inline), level, _line(token), stack[-1] if stack else None)
    stack.append(section)
    return section


def _table(tokens: list[Token], index: int, lines: list[str], section: Section | None) -> Table:
    """The table opened at ``tokens[index]``: header row, then body rows with located cells."""
    headers: list[str] = []
    rows: list[Row] = []
    texts: list[str] = []
    head = False
    row_line = 1
    for token in tokens[index + 1 :]:
        kind = token.type
        if kind == "table_close":
            break
        if kind in {"thead_open", "thead_close"}:
            head = kind == "thead_open"
        elif kind == "tr_open":
            texts, row_line = [], _line(token)
        elif kind == "inline":
            texts.append(_text(token))
        elif kind == "tr_close" and head:
            headers = [normalize_heading(t) for t in texts]
        elif kind == "tr_close":
            rows.append(_row(headers, texts, row_line, lines))
    return Table(_line(tokens[index]), headers, rows, section)


def _row(headers: list[str], texts: list[str], line: int, lines: list[str]) -> Row:
    raw = lines[line - 1] if line <= len(lines) else ""
    cells = {
        header: Cell(text, line, raw, index)
        for index, (header, text) in enumerate(zip(headers, texts, strict=False))
    }
    return Row(line, cells)


def _code_block(token: Token) -> CodeBlock:
    return CodeBlock(token.info.strip(), token.content, _line(token) + _CODE_BLOCKS[token.type])


#: Inline token types whose content is text of the cell or heading.
_TEXT_TOKENS = frozenset({"text", "code_inline", "html_inline"})
_BREAKS = frozenset({"softbreak", "hardbreak"})


def _text(inline: Token) -> str:
    """Text of a heading or cell with markup removed (code spans keep their content).

    markdown-it-py's inline tokens are flat: a link's or an autolink's text sits between its
    open and close tokens, and an image's alternative text is in its children, not read.
    """
    parts: list[str] = []
    for child in inline.children or ():
        if child.type in _TEXT_TOKENS:
            parts.append(child.content)
        elif child.type in _BREAKS:
            parts.append(" ")
    return "".join(parts).strip()
