"""The README model built with markdown-it-pyrs equals one built with markdown-it-py.

pkgkit reads READMEs with markdown-it-pyrs (markdown-it.rs); it used to read them with
markdown-it-py, kept here (a test dependency) as the reference: the model must not notice.
"""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from helpers import GO_FIXTURE, TEST_FIXTURES
from pkgkit.model.readme import CodeBlock, Readme, Row, normalize_heading

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


def _model(readme: Readme) -> object:
    return (
        [(s.title, s.level, s.line, s.path) for s in readme.sections],
        [(t.line, t.headers, [_row(r) for r in t.rows], t.section and t.section.path)
         for t in readme.tables],
        readme.code_blocks,
    )


def _row(row: Row) -> object:
    return row.line, {h: (c.text, c.line, c.column) for h, c in row.cells.items()}


def _reference(text: str) -> object:
    """The model as pkgkit built it from markdown-it-py's token stream (plain values)."""
    lines = text.splitlines()
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    sections: list = []
    tables: list = []
    blocks: list = []
    stack: list = []
    for index, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else 1
        if token.type == "heading_open":
            level = int(token.tag[1:])
            while stack and stack[-1][1] >= level:
                stack.pop()
            title = _text(tokens[index + 1])
            path = (*(stack[-1][3] if stack else ()), normalize_heading(title))
            stack.append((title, level, line, path))
            sections.append(stack[-1])
        elif token.type == "table_open":
            line, headers, rows = _reference_table(lines, tokens, index)
            tables.append((line, headers, rows, stack[-1][3] if stack else None))
        elif token.type in {"fence", "code_block"}:
            first = line + (1 if token.type == "fence" else 0)
            blocks.append(CodeBlock(token.info.strip(), token.content, first))
    return sections, tables, blocks


def _reference_table(lines: list[str], tokens: list[Token], index: int) -> tuple:
    start = index
    headers: list[str] = []
    rows = []
    cells: list[str] = []
    row_line = 0
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            cells, row_line = [], token.map[0] + 1
        elif token.type == "inline":
            cells.append(_text(token))
        elif token.type == "tr_close" and not headers:
            headers = [normalize_heading(c) for c in cells]
        elif token.type == "tr_close":
            raw = lines[row_line - 1] if row_line <= len(lines) else ""
            columns = reference_cell_columns(raw)
            located = {
                header: (text, row_line, columns[i] if i < len(columns) else 1)
                for i, (header, text) in enumerate(zip(headers, cells, strict=False))
            }
            rows.append((row_line, located))
        index += 1
    return tokens[start].map[0] + 1, headers, rows


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


def _text(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in {"text", "code_inline", "html_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return "".join(parts).strip()


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_same_model_as_markdown_it_py(name):
    text = CORPUS[name]
    assert _model(Readme("README.md", text)) == _reference(text)


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
