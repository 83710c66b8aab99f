"""The README parser inline-parses only headings and table cells: the model must not notice."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from helpers import GO_FIXTURE
from pkgkit.model import readme
from pkgkit.model.readme import Readme

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


def _model(text: str) -> object:
    parsed = Readme("README.md", text)
    return (
        [(s.title, s.level, s.line, s.path) for s in parsed.sections],
        [(t.line, t.headers, t.rows, t.section and t.section.path) for t in parsed.tables],
        parsed.code_blocks,
    )


@pytest.mark.parametrize("text", [TRICKY, (GO_FIXTURE / "README.md").read_text("utf-8")])
def test_same_model_as_the_stock_parser(monkeypatch, text):
    subset = _model(text)
    monkeypatch.setattr(readme, "_parser", lambda: MarkdownIt("commonmark").enable("table"))
    assert subset == _model(text)


def test_tricky_sample_is_read():
    parsed = Readme("README.md", TRICKY)
    titles = [s.title for s in parsed.sections]
    assert titles == ["Title em code <b>x</b> & *", "Setext heading ref"]
    assert len(parsed.tables) == 3
    assert parsed.tables[1].rows[0].cells["listed"].text == "a|b"
