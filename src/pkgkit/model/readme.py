"""The package README as data: sections, GitHub tables with located cells, and code blocks.

Parsed with markdown-it-py (CommonMark plus the GFM table extension), so tables inside code
blocks, escaped pipes, alignment rows and padding are read the way GitHub reads them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token


def normalize_heading(text: str) -> str:
    """Lower-case, single-spaced form used to compare headings and column names."""
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Cell:
    """One table cell: plain text (code spans unwrapped) and where it starts."""

    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Row:
    """A body row of a table, cells keyed by their normalised column header."""

    line: int
    cells: dict[str, Cell]

    def get(self, *headers: str) -> Cell | None:
        """The first cell whose column is one of ``headers`` (normalised names)."""
        for header in headers:
            cell = self.cells.get(header)
            if cell is not None:
                return cell
        return None


@dataclass
class Section:
    """A heading and everything up to the next heading of the same or a higher level."""

    title: str
    level: int
    line: int
    parent: Section | None = None
    tables: list[Table] = field(default_factory=list)

    @property
    def path(self) -> tuple[str, ...]:
        """Normalised titles from the top-level section down to this one."""
        parents = self.parent.path if self.parent else ()
        return (*parents, normalize_heading(self.title))

    def within(self, title: str) -> bool:
        """True when this section or one of its ancestors has ``title`` (normalised)."""
        return normalize_heading(title) in self.path


@dataclass
class Table:
    """A GitHub table: normalised headers and located body rows."""

    line: int
    headers: list[str]
    rows: list[Row]
    section: Section | None


@dataclass(frozen=True)
class CodeBlock:
    """A fenced or indented code block; ``line`` is the first line of its content."""

    info: str
    content: str
    line: int


class Readme:
    """A parsed README.md."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.lines = text.splitlines()
        self.sections: list[Section] = []
        self.tables: list[Table] = []
        self.code_blocks: list[CodeBlock] = []
        self._parse()

    def locate(self, pointer: str) -> tuple[int, int]:
        """README problems carry explicit lines; a pointer means the top of the file."""
        del pointer
        return 1, 1

    @property
    def title(self) -> Section | None:
        """The first level-1 heading."""
        return next((s for s in self.sections if s.level == 1), None)

    def find_sections(self, title: str) -> list[Section]:
        """Every section whose heading is ``title`` (case and spacing ignored)."""
        wanted = normalize_heading(title)
        return [s for s in self.sections if normalize_heading(s.title) == wanted]

    def tables_with(self, *headers: str) -> Iterator[Table]:
        """Tables that have a column named like any of ``headers``."""
        wanted = {normalize_heading(h) for h in headers}
        return (t for t in self.tables if wanted.intersection(t.headers))

    def _parse(self) -> None:
        tokens = _parser().parse(self.text)
        stack: list[Section] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "heading_open":
                section = self._heading(token, tokens[index + 1], stack)
                self.sections.append(section)
            elif token.type == "table_open":
                index = self._table(tokens, index, stack[-1] if stack else None)
                continue
            elif token.type in {"fence", "code_block"}:
                start = token.map[0] + (2 if token.type == "fence" else 1) if token.map else 1
                self.code_blocks.append(CodeBlock(token.info.strip(), token.content, start))
            index += 1

    @staticmethod
    def _heading(token: Token, inline: Token, stack: list[Section]) -> Section:
        level = int(token.tag[1:])
        while stack and stack[-1].level >= level:
            stack.pop()
        line = token.map[0] + 1 if token.map else 1
        section = Section(_plain_text(inline), level, line, stack[-1] if stack else None)
        stack.append(section)
        return section

    def _table(self, tokens: list[Token], index: int, section: Section | None) -> int:
        table_map = tokens[index].map
        table_line = table_map[0] + 1 if table_map else 1
        headers: list[str] = []
        rows: list[Row] = []
        row_cells: list[str] = []
        row_line = table_line
        index += 1
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                row_cells = []
                row_line = token.map[0] + 1 if token.map else row_line
            elif token.type == "inline":
                row_cells.append(_plain_text(token))
            elif token.type == "tr_close":
                if not headers:
                    headers = [normalize_heading(c) for c in row_cells]
                else:
                    rows.append(self._row(headers, row_cells, row_line))
            index += 1
        table = Table(table_line, headers, rows, section)
        self.tables.append(table)
        if section is not None:
            section.tables.append(table)
        return index + 1

    def _row(self, headers: list[str], texts: list[str], line: int) -> Row:
        columns = _cell_columns(self.lines[line - 1] if line <= len(self.lines) else "")
        cells = {
            header: Cell(text, line, columns[i] if i < len(columns) else 1)
            for i, (header, text) in enumerate(zip(headers, texts, strict=False))
        }
        return Row(line, cells)


#: Block tokens whose inline content the model reads: headings and table cells.
_READ_INLINE_AFTER = frozenset({"heading_open", "th_open", "td_open"})


@functools.cache
def _parser() -> MarkdownIt:
    """One CommonMark + table parser for every README (building one costs about a millisecond).

    Its ``inline`` core rule parses only the inline content the model reads (headings and table
    cells); paragraphs and list items keep no children. That is most of the parse time saved,
    and the children of the tokens read are what the stock rule makes (``text_join`` still runs).
    """
    from markdown_it import MarkdownIt  # noqa: PLC0415 - keep start-up light

    parser = MarkdownIt("commonmark").enable("table")
    parser.core.ruler.at("inline", _inline_where_read)
    return parser


def _inline_where_read(state: StateCore) -> None:
    """markdown-it's ``inline`` core rule, restricted to :data:`_READ_INLINE_AFTER` tokens."""
    tokens = state.tokens
    for index in range(1, len(tokens)):
        token = tokens[index]
        if token.type == "inline" and tokens[index - 1].type in _READ_INLINE_AFTER:
            if token.children is None:
                token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _cell_columns(raw: str) -> list[int]:
    """1-based column of the first character of each cell of a raw table row."""
    columns: list[int] = []
    boundaries = [-1, *(m.start() for m in _UNESCAPED_PIPE.finditer(raw))]
    if raw.lstrip().startswith("|"):
        boundaries = boundaries[1:]
    for start in boundaries:
        rest = raw[start + 1 :]
        stripped = rest.lstrip(" \t")
        if not stripped or (stripped.startswith("|") and not rest.strip(" \t|")):
            break
        columns.append(start + 1 + (len(rest) - len(stripped)) + 1)
    return columns


def _plain_text(inline: Token) -> str:
    """Text of an inline token with markup removed (code spans keep their content)."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in {"text", "code_inline", "html_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return "".join(parts).strip()
