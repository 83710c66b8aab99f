"""model.readme: sections, GitHub tables with located cells, and code blocks.

Every test runs twice: READMEs read with markdown-it-pyrs (where it is installed) and with
markdown-it-py alone, as where markdown-it-pyrs is not installed.
"""

import contextlib

import pytest
from test_readme_equivalence import needs_markdown_it_pyrs, without_markdown_it_pyrs

from pkgkit.model.readme import Readme, normalize_heading


@pytest.fixture(
    autouse=True,
    params=[
        pytest.param(contextlib.nullcontext, id="markdown-it-pyrs", marks=needs_markdown_it_pyrs),
        pytest.param(without_markdown_it_pyrs, id="markdown-it-py"),
    ],
)
def each_parser(request):
    with request.param():
        yield

TEXT = """# @instana-integration/go

Intro.

## Metrics

### Semantic Conventions

| Metric Name | Unit |  Description   |
|:------------|-----:|:--------------:|
|   `go.memory.used`   | By | a \\| b |
| `go.goroutine.count` | {goroutine} | count

### Resource Attributes

Attribute Key | Type
--- | ---
service.name | string

```markdown
| Metric Name | Unit |
|---|---|
| hidden.metric | By |
```

## Events
"""


def readme():
    return Readme("README.md", TEXT)


def test_sections_nest_by_level():
    sections = readme().sections
    assert [(s.title, s.level, s.line) for s in sections] == [
        ("@instana-integration/go", 1, 1),
        ("Metrics", 2, 5),
        ("Semantic Conventions", 3, 7),
        ("Resource Attributes", 3, 14),
        ("Events", 2, 26),
    ]
    conventions = sections[2]
    assert conventions.path == ("@instana-integration/go", "metrics", "semantic conventions")
    assert conventions.within("METRICS")
    assert not sections[4].within("metrics")


def test_title_and_find_sections_ignore_case_and_spacing():
    parsed = readme()
    assert parsed.title.line == 1
    assert [s.line for s in parsed.find_sections("resource   ATTRIBUTES")] == [14]
    assert parsed.find_sections("Dashboards") == []
    assert normalize_heading("  Smart   Alerts ") == "smart alerts"


def test_tables_with_alignment_rows_padding_backticks_and_escaped_pipes():
    table = next(readme().tables_with("metric name"))
    assert table.line == 9
    assert table.headers == ["metric name", "unit", "description"]
    assert table.section.title == "Semantic Conventions"
    first, second = table.rows
    assert first.line == 11
    assert first.get("metric name").text == "go.memory.used"
    assert first.get("metric name").column == 5
    assert first.get("unit").column == 26
    assert first.get("description").text == "a | b"
    assert second.get("description").text == "count"
    assert second.get("metric", "unit").text == "{goroutine}"


def test_tables_without_outer_pipes_are_tables():
    table = next(readme().tables_with("attribute key"))
    assert table.section.title == "Resource Attributes"
    row = table.rows[0]
    assert (row.line, row.get("attribute key").column, row.get("type").column) == (18, 1, 16)


def test_tables_inside_code_blocks_are_not_parsed():
    parsed = readme()
    cells = [c.text for t in parsed.tables for r in t.rows for c in r.cells.values()]
    assert "hidden.metric" not in cells
    assert len(parsed.tables) == 2
    block = parsed.code_blocks[0]
    assert block.info == "markdown"
    assert block.line == 21
    assert "hidden.metric" in block.content


def test_an_empty_readme_has_nothing():
    parsed = Readme("README.md", "")
    assert (parsed.title, parsed.sections, parsed.tables, parsed.code_blocks) == (None, [], [], [])
