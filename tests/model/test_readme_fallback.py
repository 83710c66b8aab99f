"""READMEs markdown-it-pyrs panics on are read by markdown-it-py into the same model.

markdown-it-pyrs panics on an unclosed code span right after "[" (markdown-it-rust/markdown-it
issue #40): pkgkit reads such a README with markdown-it-py; what comes after that line is read
as usual, tables with their lines and columns included. Where markdown-it-pyrs is not installed,
markdown-it-py reads every README (the tests of the panic itself are skipped there).
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from test_readme_equivalence import (
    PanicException,
    fallback,
    model_of,
    needs_markdown_it_pyrs,
    parsed_tree,
)

import pkgkit.model.readme as model
from pkgkit.model.readme import CodeBlock, Readme

PANICS = ["See a [` b here.", "[a`b](c", "| [` |"]

README = """\
# @instana-integration/demo

{line}

## Metrics

| Metric Name | Unit | Description |
|-------------|------|-------------|
| `demo.used` | By | memory [` used |
|   demo.count | 1 | [a`b](c |

```go
x := 1
```

### Events

Event Name | Description
--- | ---
High Count | a [` b
"""


def _cells(readme: Readme) -> list[list[tuple[int, list[tuple[str, str, int, int]]]]]:
    return [
        [(row.line, [(h, c.text, c.line, c.column) for h, c in row.cells.items()])
         for row in table.rows]
        for table in readme.tables
    ]


@needs_markdown_it_pyrs
@pytest.mark.parametrize("line", PANICS)
def test_the_parser_panics_on_these_lines(line):
    with pytest.raises(PanicException):
        parsed_tree(README.format(line=line))


@pytest.mark.parametrize("line", PANICS)
def test_a_readme_the_parser_panics_on_is_read_into_the_expected_model(line):
    readme = Readme("README.md", README.format(line=line))
    sections = [(s.title, s.level, s.line, s.path) for s in readme.sections]
    assert sections == [
        ("@instana-integration/demo", 1, 1, ("@instana-integration/demo",)),
        ("Metrics", 2, 5, ("@instana-integration/demo", "metrics")),
        ("Events", 3, 16, ("@instana-integration/demo", "metrics", "events")),
    ]
    assert [(t.line, t.headers, t.section.title) for t in readme.tables] == [
        (7, ["metric name", "unit", "description"], "Metrics"),
        (18, ["event name", "description"], "Events"),
    ]
    assert _cells(readme) == [
        [
            (9, [("metric name", "demo.used", 9, 3), ("unit", "By", 9, 17),
                 ("description", "memory [` used", 9, 22)]),
            (10, [("metric name", "demo.count", 10, 5), ("unit", "1", 10, 18),
                  ("description", "[a`b](c", 10, 22)]),
        ],
        [(20, [("event name", "High Count", 20, 1), ("description", "a [` b", 20, 14)])],
    ]
    assert readme.code_blocks == [CodeBlock("go", "x := 1\n", 13)]
    assert [t.line for t in readme.tables if t.section is readme.sections[1]] == [7]


@pytest.mark.parametrize("line", PANICS)
def test_the_model_is_the_one_the_fallback_reads(line):
    text = README.format(line=line)
    assert model_of(Readme("README.md", text)) == model_of(fallback(text))


#: Reads a README in a fresh process (``{block}``: a statement first), printing the parser
#: modules imported after ``import pkgkit.model.readme`` and after reading.
READ_ONE = (
    "import sys; {block}; from pkgkit.model.readme import Readme;"
    "loaded = lambda: [m for m in ('markdown_it_pyrs', 'markdown_it',"
    " 'pkgkit.model.readme_fallback') if sys.modules.get(m)];"
    "print(loaded()); readme = Readme('R', '# t\\n\\n| a |\\n|-|\\n| `b` |\\n');"
    "print(loaded()); print(readme.tables[0].rows[0].get('a').text)"
)


def _read_one(block: str) -> list[str]:
    code = READ_ONE.format(block=block)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


@needs_markdown_it_pyrs
def test_a_readme_the_parser_reads_does_not_import_markdown_it_py():
    assert _read_one("pass") == ["[]", "['markdown_it_pyrs']", "b"]


def test_without_markdown_it_pyrs_markdown_it_py_reads_the_readme_imported_on_first_use():
    block = "sys.modules['markdown_it_pyrs'] = None"
    assert _read_one(block) == ["[]", "['markdown_it', 'pkgkit.model.readme_fallback']", "b"]


@needs_markdown_it_pyrs
def test_other_errors_of_the_parser_are_not_swallowed(monkeypatch):
    def broken(parser, text, **options):
        raise KeyboardInterrupt

    monkeypatch.setattr(model, "_tree", broken)
    with pytest.raises(KeyboardInterrupt):
        Readme("README.md", "# t\n")
