"""The package README as data: sections, GitHub tables with located cells, and code blocks.

Parsed with markdown-it-pyrs (markdown-it.rs: CommonMark plus the GFM table extension), so tables
inside code blocks, escaped pipes, alignment rows and padding are read the way GitHub reads them.
The model is the one markdown-it-py gave (tests/model/test_readme_equivalence.py); the parsers
still differ on rare inputs: a one-column table whose delimiter row has no pipe, Unicode spaces
other than space and tab at the edge of a table row, ``_emphasis_`` right after an emoji, and
punycode host names in autolinks.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from markdown_it_pyrs import MarkdownIt, Node


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
        text = _normalized(self.text)
        lines = _LineCounter(text)
        self._walk(_parser().tree(text).children, lines, [])

    def _walk(self, nodes: Sequence[Node], lines: _LineCounter, stack: list[Section]) -> None:
        """Read the block nodes in document order, descending into containers (lists, quotes)."""
        for node in nodes:
            name = node.name
            if name in _HEADINGS:
                self.sections.append(_heading(node, lines, stack))
            elif name == "table":
                self._table(node, lines, stack[-1] if stack else None)
            elif name in _CODE_BLOCKS:
                self.code_blocks.append(_code_block(node, lines))
            elif name not in _LEAF_BLOCKS:
                self._walk(node.children, lines, stack)

    def _table(self, node: Node, lines: _LineCounter, section: Section | None) -> None:
        headers: list[str] = []
        rows: list[Row] = []
        for part in node.children:
            for row in part.children:
                texts = [_plain_text(cell) for cell in row.children]
                if part.name == "thead":
                    headers = [normalize_heading(t) for t in texts]
                else:
                    rows.append(self._row(headers, texts, lines.line(row)))
        table = Table(lines.line(node), headers, rows, section)
        self.tables.append(table)
        if section is not None:
            section.tables.append(table)

    def _row(self, headers: list[str], texts: list[str], line: int) -> Row:
        columns = _cell_columns(self.lines[line - 1] if line <= len(self.lines) else "")
        cells = {
            header: Cell(text, line, columns[i] if i < len(columns) else 1)
            for i, (header, text) in enumerate(zip(headers, texts, strict=False))
        }
        return Row(line, cells)


#: Block nodes the model reads.
_HEADINGS = frozenset({"heading", "lheading"})
_CODE_BLOCKS = frozenset({"fence", "code_block"})
#: Block nodes that hold no headings, tables or code blocks (their inline content is not read).
_LEAF_BLOCKS = frozenset({"paragraph", "html_block", "hr", "definition"})


def _heading(node: Node, lines: _LineCounter, stack: list[Section]) -> Section:
    level: int = node.meta["level"]
    while stack and stack[-1].level >= level:
        stack.pop()
    section = Section(_plain_text(node), level, lines.line(node), stack[-1] if stack else None)
    stack.append(section)
    return section


def _code_block(node: Node, lines: _LineCounter) -> CodeBlock:
    """A code block located at its first line of content (after a fence's opening line).

    An unclosed fence running to the end of a text without a final line break keeps no line
    break after its last line, as markdown-it (JavaScript and Python) reads it.
    """
    meta = node.meta
    content: str = meta["content"]
    first = lines.line(node)
    if node.name == "fence":
        first += 1
        if content.endswith("\n") and lines.unclosed_at_end(node, content.count("\n")):
            content = content[:-1]
    return CodeBlock(str(meta.get("info", "")).strip(), content, first)


@functools.cache
def _parser() -> MarkdownIt:
    """One CommonMark + table parser for every README."""
    from markdown_it_pyrs import MarkdownIt  # noqa: PLC0415 - keep start-up light

    return MarkdownIt("commonmark").enable("table")


_NEWLINES = re.compile(r"\r\n?")


def _normalized(text: str) -> str:
    """CommonMark's input normalisation: CR LF and lone CR become LF, NUL becomes U+FFFD.

    Done here rather than left to the parser so that its source offsets count lines as
    CommonMark does (a lone CR ends a line).
    """
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    return text


class _LineCounter:
    """1-based line of a node from its source map (UTF-8 byte offsets into the parsed text)."""

    def __init__(self, text: str) -> None:
        self._data = text.encode("utf-8", "surrogatepass")
        self._offset = 0
        self._line = 1

    def line(self, node: Node) -> int:
        """The line the node starts on; nodes are mostly asked for in document order."""
        offset = node.srcmap[0] if node.srcmap else 0
        if offset < self._offset:
            self._offset, self._line = 0, 1
        self._line += self._data.count(b"\n", self._offset, offset)
        self._offset = offset
        return self._line

    def unclosed_at_end(self, fence: Node, content_lines: int) -> bool:
        """True for a fence left open at the end of a text without a final line break.

        Such a fence spans one line more than its content (no closing line), the last without
        a line break.
        """
        start, end = fence.srcmap if fence.srcmap else (0, 0)
        if end != len(self._data) or self._data.endswith(b"\n"):
            return False
        return self._data.count(b"\n", start, end) == content_lines


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


#: Inline nodes whose ``content`` is text of the cell or heading.
_TEXT_NODES = frozenset({"text", "text_special", "html_inline"})
_BREAKS = frozenset({"softbreak", "hardbreak"})


def _plain_text(node: Node) -> str:
    """Text of a heading or cell with markup removed (code spans keep their content)."""
    parts: list[str] = []
    _collect_text(node, parts)
    return "".join(parts).strip()


def _collect_text(node: Node, parts: list[str]) -> None:
    """Texts in document order; an image's alternative text is not part of the text."""
    for child in node.children:
        name = child.name
        if name in _TEXT_NODES:
            parts.append(child.meta["content"])
        elif name == "autolink":
            parts.append(_decode_link_text(_plain_text(child)))
        elif name in _BREAKS:
            parts.append(" ")
        elif name != "image":
            _collect_text(child, parts)


#: Percent-escapes of these characters stay escaped in an autolink's text (as markdown-it does).
_KEEP_ESCAPED = frozenset(";/?:@&=+$,#%")
_ESCAPE_RUN = re.compile(r"(?:%[0-9a-f]{2})+", re.IGNORECASE)


def _decode_link_text(url: str) -> str:
    """An autolink's text as markdown-it shows it: percent-escapes of UTF-8 decoded."""
    return _ESCAPE_RUN.sub(_decode_escapes, url) if "%" in url else url


def _decode_escapes(match: re.Match[str]) -> str:
    """A run of ``%XX``: ASCII and well-formed UTF-8 sequences decoded, other bytes U+FFFD."""
    data = bytes.fromhex(match.group().replace("%", ""))
    parts: list[str] = []
    index = 0
    while index < len(data):
        byte = data[index]
        size = _utf8_length(byte)
        tail = data[index + 1 : index + size]
        if size == 1:
            parts.append(f"%{byte:02X}" if chr(byte) in _KEEP_ESCAPED else chr(byte))
        elif size and len(tail) == size - 1 and all(b & 0xC0 == 0x80 for b in tail):
            parts.append(_utf8(data[index : index + size]))
        else:
            parts.append("\ufffd")
            size = 1
        index += size
    return "".join(parts)


def _utf8(sequence: bytes) -> str:
    try:
        return sequence.decode("utf-8")
    except UnicodeDecodeError:
        return "\ufffd" * len(sequence)


def _utf8_length(byte: int) -> int:
    """Length of the UTF-8 sequence a lead byte announces (0: not a lead byte)."""
    if byte < 0x80:
        return 1
    if byte & 0xE0 == 0xC0:
        return 2
    if byte & 0xF0 == 0xE0:
        return 3
    return 4 if byte & 0xF8 == 0xF0 else 0
