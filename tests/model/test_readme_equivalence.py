"""The README model read with markdown-it-pyrs equals the one read with markdown-it-py.

pkgkit reads READMEs with markdown-it-pyrs (markdown-it.rs) and, when it panics or is not
installed (it has wheels for CPython 3.11 and 3.12 only), with markdown-it-py
(pkgkit.model.readme_fallback, the reference implementation it used to read them with): the
model must not notice which parser read a README. Cell columns are also compared with a reading
of the whole raw row (:func:`reference_cell_columns`). Comparisons need both parsers: they are
skipped where markdown-it-pyrs is not installed.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import sys
from collections.abc import Iterator
from unittest import mock

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

import pkgkit.model.readme as model
from helpers import GO_FIXTURE, TEST_FIXTURES
from pkgkit.model.readme import Readme, Row

#: Whether markdown-it-pyrs is installed (pyproject.toml requires it only where it has wheels).
HAS_MARKDOWN_IT_PYRS = importlib.util.find_spec("markdown_it_pyrs") is not None
needs_markdown_it_pyrs = pytest.mark.skipif(
    not HAS_MARKDOWN_IT_PYRS, reason="markdown-it-pyrs is not installed (no wheel for this Python)"
)

TRICKY = """\
# Title *em* `code` <b>x</b> &amp; \\*

Setext heading [ref]
====================

[ref]: https://example.com

> | quoted | table |
> |--------|-------|
> | 1      | 2     |

- | listed | table |
  |--------|-------|
  | `a\\|b` | **b** [link](u) &copy; \\| |

| ![alt *x*](img.png) | h [ref] |
|:--------------------|--------:|
| line\\
break | <span>html</span> |

```
| not | a table |
|-----|---------|
```

    indented code
"""

TABLES = """\
# @instana-integration/demo

## Metrics

### Semantic Conventions

|   Metric Name   | Unit | Instrument |  Description   |
|:----------------|-----:|:----------:|----------------|
|   `go.memory.used`   | By | Gauge | a \\| b, `x\\|y` and **bold** |
| `go.goroutine.count` | {goroutine} | count
| go.gc.count | 1 | Counter | with <https://example.com/a%20b%C3%A9> and <me@example.com> | extra |
|  | | | empty name |

Metric Name | Unit
--- | ---
go.memory.limit | By
`go.config.gogc` | %

### Resource Attributes

| Attribute Key | Type | Description |
| --- | :---: | --- |
| service.name | string | The service *name*, ![img](x.png) not alt text |
| `host.name` | string | line one<br>line two |

## Events

| Event Name | Description |
|-|-|
| High Goroutine Count | goroutines &gt; 1000 &#35; |
"""

HEADINGS = """\
# Level one #
## Level two ##
### Level three
#### Level four
##### Level five
###### Level six
####### not a heading

Setext two
----------

Multi-line
setext *one*
===

  ## Indented heading
    # code, not a heading
"""

UNICODE = """\
# Übersicht — Métriques 日本語 😀

## Métriques

| Nom | Unité | Beschreibung |
|-----|-------|--------------|
| `é.métrique` | octets | Größe des Speichers — 日本 |
| ü.zähler | 1 | 😀 emoji before a table cell |

```yaml
# Kommentar: ümlaut
key: wert
```
"""

CODE = """\
## Code

```markdown
| Metric Name | Unit |
|---|---|
| hidden.metric | By |
```

~~~ shell  title
pkgkit lint --set a=b
~~~

````
```
nested fence
```
````

- item

      indented in a list

> ```json
> {"quoted": true}
> ```

```unclosed
| Metric Name | Unit |
|---|---|"""


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


CORPUS = {
    "tricky": TRICKY,
    "tables": TABLES,
    "headings": HEADINGS,
    "unicode": UNICODE,
    "code": CODE,
    "tables-crlf": _crlf(TABLES),
    "unicode-crlf": _crlf(UNICODE),
    "code-crlf": _crlf(CODE),
    "tables-cr": TABLES.replace("\n", "\r"),
    "go-fixture": (GO_FIXTURE / "README.md").read_text("utf-8"),
    **{
        f"fixture-{path.parent.name}": path.read_text("utf-8")
        for path in sorted(TEST_FIXTURES.glob("*/README.md"))
    },
}


def _panic_class() -> type[BaseException]:
    """pyo3's PanicException (not importable), from a text markdown-it-pyrs panics on."""
    null = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(2)
    os.dup2(null, 2)
    try:
        model._parser().tree("a [` b")
    except BaseException as error:
        return type(error)
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)
    raise AssertionError("markdown-it-pyrs no longer panics on 'a [` b'")


#: (Without markdown-it-pyrs, a stand-in that nothing raises: the tests using it are skipped.)
PanicException = (
    _panic_class() if HAS_MARKDOWN_IT_PYRS else type("PanicException", (BaseException,), {})
)


@contextlib.contextmanager
def without_markdown_it_pyrs() -> Iterator[None]:
    """markdown_it_pyrs unimportable, as where it is not installed; the parser looked for anew
    on the way in and on the way out."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "markdown_it_pyrs", None)
        model._parser.cache_clear()
        try:
            yield
        finally:
            model._parser.cache_clear()


def parsed_tree(text: str) -> object:
    """markdown-it-pyrs' tree of a README text, as Readme parses it."""
    parser = model._parser()
    assert parser is not None, "markdown-it-pyrs is not installed"
    return model._tree(parser, model._normalized(text))


def primary(text: str) -> Readme:
    """The README read by markdown-it-pyrs (a text it panics on is not a primary reading)."""
    try:
        parsed_tree(text)
    except PanicException:
        raise AssertionError("markdown-it-pyrs panics on this text") from None
    return Readme("README.md", text)


def fallback(text: str) -> Readme:
    """The README read by markdown-it-py, as it is where markdown-it-pyrs is not installed."""
    with without_markdown_it_pyrs():
        return Readme("README.md", text)


def forced_panic(text: str) -> Readme:
    """The README read by markdown-it-py, as it is when markdown-it-pyrs panics."""
    with mock.patch.object(model, "_tree", side_effect=PanicException("forced")):
        return Readme("README.md", text)


def model_of(readme: Readme) -> object:
    """The whole model as plain values (sections, tables with located cells, code blocks)."""
    return (
        [(s.title, s.level, s.line, s.path) for s in readme.sections],
        [(t.line, t.headers, [_row(r) for r in t.rows], t.section and t.section.path)
         for t in readme.tables],
        readme.code_blocks,
    )


def _row(row: Row) -> object:
    return row.line, {h: (c.text, c.line, c.column) for h, c in row.cells.items()}


def assert_columns_are_the_whole_row_reading(readme: Readme) -> None:
    """Each cell's column, found alone, is the one a reading of its whole raw row gives."""
    for table in readme.tables:
        for row in table.rows:
            raw = readme.lines[row.line - 1] if row.line <= len(readme.lines) else ""
            columns = reference_cell_columns(raw)
            for cell in row.cells.values():
                assert cell._row == raw
                index = cell._index
                assert cell.column == (columns[index] if index < len(columns) else 1)


def assert_same_model(text: str) -> None:
    readme = primary(text)
    assert model_of(readme) == model_of(fallback(text))
    assert_columns_are_the_whole_row_reading(readme)


def reference_cell_columns(raw: str) -> list[int]:
    """1-based column of the first character of each cell of a raw table row (the first code)."""
    columns: list[int] = []
    boundaries = [-1, *(m.start() for m in re.finditer(r"(?<!\\)\|", raw))]
    if raw.lstrip().startswith("|"):
        boundaries = boundaries[1:]
    for start in boundaries:
        rest = raw[start + 1 :]
        stripped = rest.lstrip(" \t")
        if not stripped or (stripped.startswith("|") and not rest.strip(" \t|")):
            break
        columns.append(start + 1 + (len(rest) - len(stripped)) + 1)
    return columns


@needs_markdown_it_pyrs
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_same_model_as_markdown_it_py(name):
    assert_same_model(CORPUS[name])


@needs_markdown_it_pyrs
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_panic_reads_as_a_missing_markdown_it_pyrs_does(name):
    assert model_of(forced_panic(CORPUS[name])) == model_of(fallback(CORPUS[name]))


def test_without_markdown_it_pyrs_it_is_looked_for_once_and_never_called(monkeypatch):
    def not_called(parser, text, **options):
        raise AssertionError("markdown-it-pyrs called")

    monkeypatch.setattr(model, "_tree", not_called)
    with without_markdown_it_pyrs():
        readmes = [Readme("README.md", CORPUS[name]) for name in sorted(CORPUS)]
        assert model._parser() is None
        assert model._parser.cache_info().misses == 1
    assert all(readme.sections for readme in readmes)


#: Inline Markdown that changes a cell's or heading's text, or its node structure (no "[`":
#: markdown-it-pyrs panics on an unclosed code span right after "[").
PIECES = [
    "a", "b c", " ", "\t", "`", "``", "*", "**", "_", "__", "\\", "\\|", "|", "[", "]", "(u)",
    "![", "[x]", "<", ">", "&amp;", "&#35;", "&copy;", "<b>", "</b>", "<https://x.y/%C3%A9%2F>",
    "<me@x.y>", "<https://a/%e2%82>", "~", "é", "\\*", "#", "-", "1.", "    ", "{{x}}",
]
INLINE = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
LINE = INLINE.map(lambda text: text.replace("\n", " "))
#: No escaped pipe right before a cell's end: markdown-it.rs joins the cells (see readme.py).
CELL = LINE.map(
    lambda text: (f"{text}x" if text.endswith(("\\", "\\|")) else text).replace("\\||", "\\| |")
)


@st.composite
def tables(draw: st.DrawFn) -> str:
    """A GitHub table: optional outer pipes, padding, alignments, short and long body rows."""
    width = draw(st.integers(1, 4))
    outer = draw(st.booleans()) or width == 1  # a one-column table needs a pipe (see readme.py)
    pad = draw(st.sampled_from(["", " ", "  ", "\t"]))

    def row(cells: list[str], lead: str = "x") -> str:
        """A row; without outer pipes it starts with ``lead`` ("-", ">", "#" start other blocks)."""
        inner = "|".join(f"{pad}{cell}{pad}" for cell in cells)
        return f"|{inner}|" if outer else f"{lead}{inner}"

    header = [draw(CELL.filter(lambda c: "|" not in c)) or "h" for _ in range(width)]
    delimiter = [draw(st.sampled_from(["---", ":--", "--:", ":-:", "-"])) for _ in range(width)]
    if not outer and delimiter[0] == "-":
        delimiter[0] = "--"  # "-" and a tab start a list item for markdown-it-py (see readme.py)
    body = draw(st.lists(st.lists(CELL, min_size=1, max_size=width + 1), max_size=4))
    return "\n".join([row(header), row(delimiter, ""), *(row(cells) for cells in body)])


BLOCKS = st.one_of(
    st.builds(lambda level, text: f"{'#' * level} {text}", st.integers(1, 7), LINE),
    st.builds(
        lambda text, under: f"{text or 'x'}\n{under}",
        LINE.filter(lambda text: "|" not in text),  # "|" over "---": a one-column table or not
        st.sampled_from(["===", "---"]),
    ),
    tables(),
    st.builds(lambda info, body: f"```{info}\n{body}\n```", LINE.filter(lambda i: "`" not in i),
              st.lists(LINE, max_size=3).map("\n".join)),
    st.builds(lambda body: f"    {body or 'code'}", LINE),
    LINE,
)


def _no_pipe_after_list_marker(block: str) -> bool:
    """False for "h|h" (markdown-it.rs reads "- h|h" as a table row after a first list item)."""
    first = block.split("\n", 1)[0]
    return first.startswith("|") or "|" not in first


CONTAINED = st.one_of(
    BLOCKS,
    BLOCKS.map(lambda block: "> " + block.replace("\n", "\n> ")),
    BLOCKS.filter(_no_pipe_after_list_marker).map(lambda block: "- " + block.replace("\n", "\n  ")),
)
DOCUMENTS = st.builds(
    lambda blocks, separator, end: separator.join(blocks) + end,
    st.lists(CONTAINED, max_size=6),
    st.sampled_from(["\n\n", "\r\n\r\n"]),  # a blank line: lazy continuations differ
    st.sampled_from(["", "\n"]),
)


#: A code span whose content is spaces only, e.g. "``    ``".
SPACES_ONLY_CODE_SPAN = re.compile(r"(?<!`)(`+) +\1(?!`)")


@needs_markdown_it_pyrs
@settings(max_examples=400, deadline=None)
@given(DOCUMENTS)
def test_generated_readmes_read_the_same_with_both_parsers(text):
    if SPACES_ONLY_CODE_SPAN.search(text):
        reject()  # markdown-it.rs strips a space from each side of it (see readme.py)
    try:
        parsed_tree(text)
    except PanicException:
        reject()
    assert_same_model(text)


def test_the_corpus_has_what_it_claims():
    tables = Readme("README.md", CORPUS["tables-crlf"]).tables
    assert [len(t.rows) for t in tables] == [4, 2, 2, 1]
    first = tables[0].rows[0]
    assert first.get("description").text == "a | b, x|y and bold"
    assert tables[0].rows[2].get("description").text == (
        "with https://example.com/a bé and me@example.com"
    )
    levels = [s.level for s in Readme("README.md", HEADINGS).sections]
    assert levels == [1, 2, 3, 4, 5, 6, 2, 1, 2]
    blocks = Readme("README.md", CODE).code_blocks
    assert blocks[-1].content == "| Metric Name | Unit |\n|---|---|"


def test_tricky_sample_is_read():
    parsed = Readme("README.md", TRICKY)
    titles = [s.title for s in parsed.sections]
    assert titles == ["Title em code <b>x</b> & *", "Setext heading ref"]
    assert len(parsed.tables) == 3
    assert parsed.tables[1].rows[0].cells["listed"].text == "a|b"
