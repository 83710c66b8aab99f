"""The package README as data: sections, GitHub tables with located cells, and code blocks.

Parsed with markdown-it-pyrs (markdown-it.rs: CommonMark plus the GFM table extension), so tables
inside code blocks, escaped pipes, alignment rows and padding are read the way GitHub reads them.
A README is first parsed without inline rules, its headings and table rows read from their raw
text when that is plain (text and code spans); only a README with other inline syntax in a
heading or table is parsed again with them (:meth:`Readme._parse`). markdown-it-pyrs panics on an
unclosed code span after ``[`` (``a [` b``, inline parsing only): such a README is
read with markdown-it-py, the pure-Python reference parser (imported only then), into the same
model (readme_fallback.py). Where markdown-it-pyrs is not installed (it has wheels for CPython
3.11 and 3.12 only: pyproject.toml requires it only there), markdown-it-py reads every README;
:func:`_parser` decides on the first README of the process. tests/model/test_readme_equivalence.py
holds both readings equal; the two parsers still differ on rare inputs (without markdown-it-pyrs,
findings there follow markdown-it-py): a one-column table whose delimiter row has no pipe, a
delimiter row starting with ``-`` and a tab, an escaped pipe right before a cell's closing pipe
(``\\||``: markdown-it.rs joins the cells), a table row starting with ``>`` or a list marker, a
table continuing a list item or block quote without a blank line, Unicode spaces other than space
and tab at the edge of a table row, ``_emphasis_`` right after an emoji, and punycode host names
in autolinks, and a code span of spaces only (markdown-it.rs strips one space from each side of
it; CommonMark keeps them all).
"""

from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING

from pkgkit.model.readme_parts import (
    Cell,
    CodeBlock,
    Row,
    Section,
    Table,
    normalize_heading,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from markdown_it_pyrs import MarkdownIt, Node

__all__ = ["Cell", "CodeBlock", "Readme", "Row", "Section", "Table", "normalize_heading"]


class Readme:
    """A parsed README.md."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.lines = text.splitlines()
        self.sections: list[Section] = []
        self.tables: list[Table] = []
        self.code_blocks: list[CodeBlock] = []
        #: ``lines[n - 1]`` is line ``n`` as the parser counts lines (no other line breaks).
        self._aligned = False
        #: The tree being read has inline nodes (else texts are read from the raw text).
        self._inline = True
        #: Lines whose table cells the parsed text leaves empty (:func:`_emptied_rows`), and the
        #: cell texts of each, read from its raw line.
        self._emptied: dict[int, list[str]] = {}
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
        return [s for s in self.sections if s.path[-1] == wanted]

    def tables_with(self, *headers: str) -> Iterator[Table]:
        """Tables that have a column named like any of ``headers``."""
        wanted = {normalize_heading(h) for h in headers}
        return (t for t in self.tables if wanted.intersection(t.headers))

    def _parse(self) -> None:
        """Read the README, first without inline parsing (:func:`_block_parser`).

        That reading stops (:class:`_NeedsInline`) at the first heading or table whose text is
        not plain (:func:`_plain_inline`, :meth:`_plain_table`); the README is then read again
        with inline parsing, its texts from the nodes.
        """
        text = _normalized(self.text)
        _check_nesting(text)
        parser = _parser()
        if parser is None:
            self._parse_with_markdown_it_py(text)
            return
        self._aligned = len(self.lines) == _line_count(text)
        if self._aligned:
            try:
                self._read_blocks(text)
                return
            except _NeedsInline:
                self._restart()
        self._read(parser, text, inline=True)

    def _read_blocks(self, text: str) -> None:
        """The model from the block parser's tree, its plain table rows emptied first.

        :func:`_emptied_rows` leaves the blocks as they are; a code block or setext heading
        holding an emptied line (:class:`_RowsEmptied`) has the text parsed again as it is.
        """
        emptied = _emptied_rows(text) if "\0" not in self.text else None
        if emptied is not None:
            parsed, self._emptied = emptied
            try:
                self._read(_block_parser(), text, inline=False, parsed=parsed)
                return
            except _RowsEmptied:
                self._restart()
        self._read(_block_parser(), text, inline=False)

    def _restart(self) -> None:
        """Forget what a reading that stopped found."""
        self.sections, self.tables, self.code_blocks = [], [], []
        self._emptied = {}

    def _read(
        self, parser: MarkdownIt, text: str, *, inline: bool, parsed: str | None = None
    ) -> None:
        """The model from ``parser``'s tree (``inline``: the tree has inline nodes) of ``parsed``,
        by default ``text``."""
        source = text if parsed is None else parsed
        try:
            tree = _tree(parser, source, mute=inline)
        except BaseException as error:
            if not _is_panic(error):
                raise
            self._parse_with_markdown_it_py(text)
            return
        self._inline = inline
        self._walk(tree.children, _LineCounter(source), [])

    def _parse_with_markdown_it_py(self, text: str) -> None:
        """The same model from markdown-it-py: markdown-it-pyrs panicked or is not installed."""
        from pkgkit.model.readme_fallback import parse  # noqa: PLC0415 - keep start-up light

        self.sections, self.tables, self.code_blocks = parse(text, self.lines)

    def _walk(
        self, nodes: Sequence[Node], lines: _LineCounter, stack: list[Section], depth: int = 0
    ) -> None:
        """Read the block nodes in document order, descending into containers (lists, quotes).

        Lists nested by indentation reach no line's own markers (:func:`_check_nesting`): a
        container ``depth`` past twice :data:`MAX_NESTING` (a list and its item per level) is
        reported at its line.
        """
        if depth > 2 * MAX_NESTING and nodes:
            raise ReadmeTooDeep(TOO_DEEP, lines.line(nodes[0]))
        for node in nodes:
            name = node.name
            if name in _HEADINGS:
                self.sections.append(_heading(node, lines, stack, self._inline))
                if self._emptied and name == "lheading":
                    self._not_emptied(node, lines)
            elif name == "table":
                self._table(node, lines, stack[-1] if stack else None)
            elif name in _CODE_BLOCKS:
                block = _code_block(node, lines)
                if self._emptied and "|" in block.content:
                    self._not_emptied(node, lines)
                self.code_blocks.append(block)
            elif name not in _LEAF_BLOCKS:
                self._walk(node.children, lines, stack, depth + 1)

    def _not_emptied(self, node: Node, lines: _LineCounter) -> None:
        """Raise :class:`_RowsEmptied` when the text of ``node`` (read from the model) spans an
        emptied line."""
        first, last = lines.span(node)
        if any(first <= number <= last for number in self._emptied):
            raise _RowsEmptied

    def _table(self, node: Node, lines: _LineCounter, section: Section | None) -> None:
        line = lines.line(node)
        parts = node.children
        body = parts[1].children if len(parts) > 1 else ()
        read = self._plain_table(line, len(body)) if self._aligned else None
        if read is not None:
            headers, rows = read
        elif self._inline:
            headers, rows = self._table_nodes(parts, lines)
        else:
            raise _NeedsInline
        self.tables.append(Table(line, headers, rows, section))

    def _table_nodes(
        self, parts: Sequence[Node], lines: _LineCounter
    ) -> tuple[list[str], list[Row]]:
        """Headers and rows of a table read from its nodes (any table)."""
        headers: list[str] = []
        rows: list[Row] = []
        for part in parts:
            head = part.name == "thead"
            for row in part.children:
                texts = [_cell_text(cell) for cell in row.children]
                if head:
                    headers = [normalize_heading(t) for t in texts]
                else:
                    rows.append(self._row(headers, texts, lines.line(row)))
        return headers, rows

    def _plain_table(self, line: int, count: int) -> tuple[list[str], list[Row]] | None:
        """Headers and ``count`` rows of the table at ``line`` read from its raw lines, or None.

        Only for the common table whose every row is a line ``| cell | cell |`` at the left
        margin (no container) of plain text and code spans (:func:`_plain_cells`), with as many
        cells as headers: the texts are then what the nodes hold, and the row and cell nodes
        are not visited. Anything else (None) is read from the nodes.
        """
        raw_lines = self.lines[line - 1 : line + 1 + count]
        if len(raw_lines) != count + 2:
            return None
        emptied = self._emptied
        head = emptied.get(line) or _plain_cells(raw_lines[0])
        delimiter = raw_lines[1]
        if head is None or delimiter.count("|") != len(head) + 1 or delimiter[:1] != "|":
            return None
        headers = [normalize_heading(t) for t in head]
        rows: list[Row] = []
        for number, raw in enumerate(raw_lines[2:], line + 2):
            texts = emptied.get(number) or _plain_cells(raw)
            if texts is None or len(texts) != len(headers):
                return None
            rows.append(_row(headers, texts, number, raw))
        return headers, rows

    def _row(self, headers: list[str], texts: list[str], line: int) -> Row:
        raw = self.lines[line - 1] if line <= len(self.lines) else ""
        return _row(headers, texts, line, raw)


def _row(headers: list[str], texts: list[str], line: int, raw: str) -> Row:
    """A row of cells ``texts`` under ``headers`` (a later cell of a repeated header wins)."""
    cells = {
        header: Cell(text, line, raw, index)
        for index, (header, text) in enumerate(zip(headers, texts, strict=False))
    }
    return Row(line, cells)


#: Block nodes the model reads.
_HEADINGS = frozenset({"heading", "lheading"})
_CODE_BLOCKS = frozenset({"fence", "code_block"})
#: Block nodes that hold no headings, tables or code blocks (their inline content is not read).
_LEAF_BLOCKS = frozenset({"paragraph", "html_block", "hr", "definition"})


#: Block quotes and lists nest at most this deep on one line of a README (``> > - x`` is 3).
#: markdown-it-pyrs has no limit of its own and crashes the interpreter (a stack overflow in
#: Rust) tens of thousands of levels down, so a README past this is reported, not parsed.
MAX_NESTING = 100
#: Emphasis and link markers (``*``, ``_``, ``[``) in one paragraph, heading or table (text
#: between blank lines): nested emphasis overflows markdown-it-pyrs' stack the same way.
MAX_INLINE_MARKERS = 20_000


TOO_DEEP = (
    f"block quotes and lists nest more than {MAX_NESTING} deep here; README.md is not parsed"
)


class ReadmeTooDeep(Exception):  # noqa: N818 - a finding about the README, raised by Readme()
    """The README nests deeper than pkgkit reads; ``line`` and ``column`` say where."""

    def __init__(self, message: str, line: int, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


#: What a line's block quote and list markers are made of (with the spaces between them).
_MARKER_CHARACTERS = " \t>-*+.)0123456789"


def _check_nesting(text: str) -> None:
    """Raise :class:`ReadmeTooDeep` at the first line of the normalised README ``text`` that
    nests more than :data:`MAX_NESTING` block quotes and lists, or at the first paragraph
    holding more than :data:`MAX_INLINE_MARKERS` emphasis and link markers."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) <= MAX_NESTING:
            continue
        if len(line) - len(line.lstrip(_MARKER_CHARACTERS)) > MAX_NESTING:
            column = _deep_marker_column(line)
            if column:
                raise ReadmeTooDeep(TOO_DEEP, number, column)
    if text.count("*") + text.count("_") + text.count("[") > MAX_INLINE_MARKERS:
        _check_inline_markers(text)


def _deep_marker_column(line: str) -> int:
    """1-based column of the container marker of ``line`` that is one past :data:`MAX_NESTING`
    (0: the line nests no deeper). Markers: ``>``, and ``-``, ``*``, ``+``, ``1.``, ``1)``
    followed by a space or tab (CommonMark's block quote and list item starts)."""
    count = index = 0
    length = len(line)
    while index < length:
        char = line[index]
        if char in " \t":
            index += 1
            continue
        start = index
        if char == ">":
            index += 1
        elif char in "-*+" and line[index + 1 : index + 2] in (" ", "\t"):
            index += 2
        else:
            digits = index
            while digits < length and digits - index < 9 and line[digits].isdigit():
                digits += 1
            end = line[digits : digits + 2]
            if digits == index or end[:1] not in (".", ")") or end[1:] not in (" ", "\t"):
                return 0
            index = digits + 2
        count += 1
        if count > MAX_NESTING:
            return start + 1
    return 0


def _check_inline_markers(text: str) -> None:
    """:func:`_check_nesting` for emphasis and link markers, paragraph by paragraph."""
    line = 1
    for paragraph in text.split("\n\n"):
        markers = paragraph.count("*") + paragraph.count("_") + paragraph.count("[")
        if markers > MAX_INLINE_MARKERS:
            message = (
                f"{markers:,} emphasis and link markers (*, _, [) in one paragraph, more than"
                f" pkgkit reads ({MAX_INLINE_MARKERS:,}); README.md is not parsed"
            )
            raise ReadmeTooDeep(message, line)
        line += paragraph.count("\n") + 2


class _NeedsInline(Exception):  # noqa: N818 - a signal, not an error
    """A README read without inline parsing has a heading or table that needs it."""


class _RowsEmptied(Exception):  # noqa: N818 - a signal, not an error
    """A code block or setext heading holds a line :func:`_emptied_rows` emptied."""


def _heading(node: Node, lines: _LineCounter, stack: list[Section], inline: bool) -> Section:
    title = _plain_text(node) if inline else _raw_heading_text(node)
    level: int = node.meta["level"]
    while stack and stack[-1].level >= level:
        stack.pop()
    section = Section(title, level, lines.line(node), stack[-1] if stack else None)
    stack.append(section)
    return section


def _raw_heading_text(node: Node) -> str:
    """The text of a heading of a tree without inline nodes (:func:`_plain_inline`).

    Raises :class:`_NeedsInline` when it is not plain.
    """
    children = node.children
    if not children:
        return ""
    text = _plain_inline(children[0].meta["content"]) if len(children) == 1 else None
    if text is None:
        raise _NeedsInline
    return text


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


def _tree(parser: MarkdownIt, text: str, *, mute: bool = True) -> Node:
    """markdown-it-pyrs' tree of ``text``, with file descriptor 2 on the null device meanwhile.

    A panic in the parser (see :func:`_is_panic`) makes Rust print its message, and with
    ``RUST_BACKTRACE`` set a backtrace, straight to file descriptor 2: the README is then read by
    markdown-it-py, so that is noise on the user's terminal. Six system calls (tens of
    microseconds here, a tenth of the parse): ``mute=False`` skips them for the block parser,
    whose rules do not include the code spans that panic.
    """
    if not mute:
        return parser.tree(text)
    saved = _stderr_to_null()
    try:
        return parser.tree(text)
    finally:
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)


def _stderr_to_null() -> int | None:
    """Point file descriptor 2 at the null device; a copy of the old one (None: not open)."""
    try:
        saved = os.dup(2)
    except OSError:
        return None
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        os.close(saved)
        return None
    os.dup2(null, 2)
    os.close(null)
    return saved


def _is_panic(error: BaseException) -> bool:
    """True for pyo3's ``PanicException`` (a ``BaseException`` that cannot be imported).

    markdown-it-pyrs 0.4 panics on an unclosed code span right after ``[``: ``a [` b``
    (markdown-it-rust/markdown-it issue #40).
    """
    kind = type(error)
    return kind.__name__ == "PanicException" and kind.__module__ == "pyo3_runtime"


@functools.cache
def _block_parser() -> MarkdownIt:
    """:func:`_parser`'s blocks (CommonMark's and GitHub tables) without inline parsing.

    About a fifth cheaper per README; the tree has the same blocks, each heading's and cell's
    inline content one text node as written. Called only where :func:`_parser` found
    markdown-it-pyrs.
    """
    from markdown_it_pyrs import MarkdownIt  # noqa: PLC0415 - keep start-up light

    blocks = MarkdownIt("zero").enable_many(
        ["blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph"]
    )
    return blocks.enable_many(["reference", "html_block", "table"])


@functools.cache
def _parser() -> MarkdownIt | None:
    """One CommonMark + table parser for every README (None: markdown-it-pyrs is not installed).

    Imported on the first README, so a lint that reads none (or answers from the cache) does
    not pay for it; the answer holds for the rest of the process.
    """
    try:
        from markdown_it_pyrs import MarkdownIt  # noqa: PLC0415 - keep start-up light
    except ImportError:
        return None
    return MarkdownIt("commonmark").enable("table")


def _normalized(text: str) -> str:
    """CommonMark's input normalisation: CR LF and lone CR become LF, NUL becomes U+FFFD.

    Done here rather than left to the parser so that its source offsets count lines as
    CommonMark does (a lone CR ends a line).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
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

    def span(self, node: Node) -> tuple[int, int]:
        """The first and last line of the node's source (the last may be one too far)."""
        first = self.line(node)
        start, end = node.srcmap if node.srcmap else (0, 0)
        return first, first + self._data.count(b"\n", start, end)

    def unclosed_at_end(self, fence: Node, content_lines: int) -> bool:
        """True for a fence left open at the end of a text without a final line break.

        Such a fence spans one line more than its content (no closing line), the last without
        a line break.
        """
        start, end = fence.srcmap if fence.srcmap else (0, 0)
        if end != len(self._data) or self._data.endswith(b"\n"):
            return False
        return self._data.count(b"\n", start, end) == content_lines


def _emptied_rows(text: str) -> tuple[str, dict[int, list[str]]] | None:
    """``text`` with the cells of its plain table rows emptied, and those rows' cell texts.

    markdown-it-pyrs builds a node for the text of each cell that has some, which costs about
    as much as parsing the README: a row read from its raw line (:meth:`Readme._plain_table`)
    needs only its place. A line at the margin ``| cell | cell |`` that :func:`_plain_cells`
    reads (no backslash, no code span holding a pipe: its pipes are exactly its cell
    boundaries) becomes ``| | |``: the same cells, so the same table, row or paragraph line.
    Not emptied: a delimiter row (only ``-``, ``:``, pipes and spaces), a line with ``>`` (which
    may end an HTML block), and every line of a text with ``]:`` (a link reference definition's
    title may span lines and end at a quote). What blocks do not depend on, the text of a code
    block or setext heading, is checked by :meth:`Readme._not_emptied`. None: nothing emptied.
    """
    if "]" in text and "]:" in text:  # (one character is found much faster than two)
        return None
    emptied: dict[int, list[str]] = {}
    pieces: list[str] = []
    done = line = 0
    start = 0 if text.startswith("|") else _next_pipe_line(text, 0)
    while start >= 0:
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        raw = text[start:end]
        texts = _plain_cells(raw) if ">" not in raw and not _delimiter_like(raw) else None
        if texts is not None:
            line += text.count("\n", done, start)
            emptied[line + 1] = texts
            pieces += (text[done:start], "|", " |" * len(texts))
            done = end
        start = _next_pipe_line(text, end)
    if not emptied:
        return None
    pieces.append(text[done:])
    return "".join(pieces), emptied


def _next_pipe_line(text: str, position: int) -> int:
    """Offset of the first line after ``position`` that starts with a pipe (-1: none)."""
    newline = text.find("\n|", position)
    return newline + 1 if newline >= 0 else -1


def _delimiter_like(raw: str) -> bool:
    """True for a line of only pipes, ``-``, ``:`` and white space (a table's delimiter row).

    A line whose first character after its pipes and spaces is none of them is answered at once.
    """
    first = raw.lstrip("| ")[:1]
    if first and first not in "-:" and not first.isspace():
        return False
    return not raw.replace("|", "").replace("-", "").replace(":", "").strip()


def _line_count(text: str) -> int:
    """Lines of a normalised text as ``str.splitlines`` counts them when only LF breaks lines."""
    return text.count("\n") + (not text.endswith("\n") and text != "")


#: What makes a cell's text differ from its raw text, but code spans and ``_``: escapes,
#: emphasis, links and images, HTML and autolinks, entities, and NUL (read as U+FFFD).
_INLINE_SYNTAX = ("\\", "*", "[", "]", "<", "&", "\0", "``")
_WORD_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _plain_cells(raw: str) -> list[str] | None:
    """Texts of the cells of a raw table row ``| cell | cell |``, or None when not that simple.

    The row starts and ends with a pipe and holds no :data:`_INLINE_SYNTAX` (no backslash, so
    every pipe ends a cell). Its backticks are then single: each one of an even count closes
    the code span the one before it opened, and a span must end in its own cell. A span's
    content loses one space at each end when it has a space at both ends and is not all
    spaces, as CommonMark says. Outside spans, ``_`` must stand between two ASCII letters or
    digits (it then can neither open nor close emphasis).
    """
    if len(raw) < 2 or raw[0] != "|" or raw[-1] != "|":
        return None
    inner = _without_code_spans(raw[1:-1])
    return None if inner is None else [part.strip() for part in inner.split("|")]


def _plain_inline(text: str) -> str | None:
    """What :func:`_plain_text` reads from one line of inline Markdown of plain text and code
    spans (:func:`_plain_cells`), or None for anything else (several lines included)."""
    if "\n" in text:
        return None
    plain = _without_code_spans(text)
    return None if plain is None else plain.strip()


def _without_code_spans(text: str) -> str | None:
    """``text`` with its code spans replaced by their content, when :func:`_plain_cells` says
    it is that simple (None otherwise)."""
    for syntax in _INLINE_SYNTAX:
        if syntax in text:
            return None
    if "`" in text:
        return _unwrap_code_spans(text)
    if "_" in text and not _underscores_inside_words(text):
        return None
    return text


def _unwrap_code_spans(row: str) -> str | None:
    """``row`` with its code spans replaced by their content (None: not :func:`_plain_cells`)."""
    pieces = row.split("`")
    if len(pieces) % 2 == 0:
        return None
    for index in range(0, len(pieces), 2):
        text = pieces[index]
        if "_" in text and not _underscores_inside_words(text):
            return None
    for index in range(1, len(pieces), 2):
        code = pieces[index]
        if "|" in code:
            return None
        if code[:1] == " " and code[-1:] == " " and code.strip(" "):
            pieces[index] = code[1:-1]
    return "".join(pieces)


def _underscores_inside_words(text: str) -> bool:
    """True when every ``_`` of ``text`` has an ASCII letter or digit on both sides."""
    underscore = text.find("_")
    while underscore >= 0:
        before, after = text[underscore - 1 : underscore], text[underscore + 1 : underscore + 2]
        if before not in _WORD_CHARACTERS or after not in _WORD_CHARACTERS:
            return False
        underscore = text.find("_", underscore + 1)
    return True


#: Inline nodes whose ``content`` is text of the cell or heading.
_TEXT_NODES = frozenset({"text", "text_special", "html_inline"})
_BREAKS = frozenset({"softbreak", "hardbreak"})


def _cell_text(cell: Node) -> str:
    """:func:`_plain_text` of a table cell, reading the common lone text node directly."""
    children = cell.children
    if len(children) == 1:
        only = children[0]
        if only.name == "text":
            content: str = only.meta["content"]
            return content.strip()
    return _plain_text(cell, children)


def _plain_text(node: Node, children: Sequence[Node] | None = None) -> str:
    """Text of a heading or cell with markup removed (code spans keep their content).

    A lone text, or one wrapped in a lone code span, emphasis or link, is read directly.
    ``children`` saves asking the node for them again.
    """
    if children is None:
        children = node.children
    while len(children) == 1:
        only = children[0]
        name = only.name
        if name in _TEXT_NODES:
            content: str = only.meta["content"]
            return content.strip()
        if name in _NOT_WRAPPERS:
            break
        children = only.children
    parts: list[str] = []
    _collect_text(children, parts)
    return "".join(parts).strip()


#: Inline nodes that :func:`_collect_text` reads other than by descending into their children.
_NOT_WRAPPERS = frozenset({"autolink", "image", *_BREAKS})


def _collect_text(nodes: Sequence[Node], parts: list[str]) -> None:
    """Texts in document order; an image's alternative text is not part of the text.

    A loop over a stack, not recursion: emphasis may nest thousands deep.
    """
    pending = list(reversed(nodes))
    while pending:
        child = pending.pop()
        name = child.name
        if name in _TEXT_NODES:
            parts.append(child.meta["content"])
        elif name == "autolink":
            parts.append(_decode_link_text(_plain_text(child)))
        elif name in _BREAKS:
            parts.append(" ")
        elif name != "image":
            pending.extend(reversed(child.children))


#: Percent-escapes of these characters stay escaped in an autolink's text (as markdown-it does).
_KEEP_ESCAPED = frozenset(";/?:@&=+$,#%")
_ESCAPE_RUN = r"(?i)(?:%[0-9a-f]{2})+"


def _decode_link_text(url: str) -> str:
    """An autolink's text as markdown-it shows it: percent-escapes of UTF-8 decoded."""
    return re.sub(_ESCAPE_RUN, _decode_escapes, url) if "%" in url else url


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
