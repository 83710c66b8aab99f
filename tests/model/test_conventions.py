"""README conventions, the catalogue and unit normalisation."""



from helpers import GO_FIXTURE
from pkgkit.conventions.catalogue import builtin_catalogue
from pkgkit.model.conventions import (
    NAME_HEADERS,
    UNIT_HEADERS,
    _cell,
    _column,
    display_class,
    normalize_instrument,
    readme_conventions,
    split_list,
    unit_class,
)
from pkgkit.model.package import load_package
from pkgkit.model.readme import Cell, Readme, Row

RUNTIME = "go.opentelemetry.io/contrib/instrumentation/runtime"

README = """\
# p

## Metrics

Reported under the instrumentation scope `my.scope`.

|Metrics Name|Unit|Instrument|Attributes|Owner|
|:--|--:|---|---|---|
|   `a.b`   | By | Counter (async) | `k1`, `k2` | team |
| `other.scope/c.d{type="rss"}` | 1 | Gauge | | |

### Resource Attributes

| Attribute Key | Type | Description |
|---|---|---|
| service.name | string | The service. |
"""


def test_tables_with_variations_are_read_with_positions():
    conventions = readme_conventions(Readme("README.md", README), ())
    first, second = conventions.metrics
    assert (first.name, first.line, first.column, first.scope) == ("a.b", 9, 5, "my.scope")
    assert (first.unit, first.instrument) == ("By", "Counter (async)")
    assert first.attributes == ("k1", "k2")
    assert first.extra == (("owner", "team"),)
    assert (second.name, second.scope, second.attributes) == ("c.d", "other.scope", ("type",))
    assert [(a.key, a.line, a.type) for a in conventions.resource_attributes] == [
        ("service.name", 16, "string")
    ]


def test_metrics_tables_under_the_headings_authors_use_are_read():
    text = (
        "# p\n\n## Supported metrics\n\n| Name | Unit |\n|---|---|\n| a.b | By |\n\n"
        "## Telemetry\n\n| Metric Name | Unit |\n|---|---|\n| c.d | s |\n\n"
        "## Events\n\n| Event Name | Metric |\n|---|---|\n| High | e.f |\n"
    )
    rows = readme_conventions(Readme("README.md", text), ()).metrics
    assert [(row.name, row.line) for row in rows] == [("a.b", 7), ("c.d", 13)]


def test_a_rows_scope_selector_is_its_scope_not_an_attribute():
    text = "## Metrics\n\n| Metric Name | Unit |\n|---|---|\n| k8s.hpa.max{scope=\"s\"} | 1 |\n"
    (row,) = readme_conventions(Readme("README.md", text), ()).metrics
    assert (row.name, row.scope, row.attributes, row.selectors) == ("k8s.hpa.max", "s", (), ())


def test_scope_of_a_table_is_found_in_its_introduction():
    package = load_package(str(GO_FIXTURE))
    conventions = readme_conventions(package.readme, builtin_catalogue().scopes)
    scopes = {m.name: m.scope for m in conventions.metrics}
    assert scopes["go.memory.used"] == RUNTIME
    assert scopes["process.cpu.time"] == "go.opentelemetry.io/contrib/instrumentation/host"
    assert scopes["http.client.open_connections"] == "app"




def test_units_are_compared_by_kind():
    assert {unit_class(u) for u in ["By", "Byte", "bytes"]} == {"bytes"}
    assert {unit_class(u) for u in ["Number", "1", "{goroutine}", "", "count"]} == {"count"}
    assert [unit_class(u) for u in ["s", "seconds", "ms", "ns", "%"]] == [
        "s",
        "s",
        "ms",
        "ns",
        "percent",
    ]
    assert unit_class("parsecs") is None
    assert [display_class(v) for v in ["byte", "bytes.detailed", "number", "millis.detailed"]] == [
        "bytes",
        "bytes",
        "count",
        "ms",
    ]
    # the units Instana's dashboard editor writes into metric configurations
    editor = ["byte", "number", "second", "milisecond", "microsecond", "percentage"]
    assert [display_class(v) for v in editor] == ["bytes", "count", "s", "ms", "us", "percent"]


def test_instruments_are_normalised():
    written = ["UpDownCounter (async)", "Asynchronous Gauge", "Histogram", "Counter", "Sum", None]
    assert [normalize_instrument(t) for t in written] == [
        "updowncounter",
        "gauge",
        "histogram",
        "counter",
        None,
        None,
    ]


def test_a_row_cell_is_found_by_the_tables_column_as_by_its_headers():
    """``_cell`` tries the table's column first; a row without it falls back to ``Row.get``."""
    package = load_package(str(GO_FIXTURE))
    readmes = [package.readme, Readme("README.md", README)]
    for table in (t for r in readmes for t in r.tables):
        for headers in (NAME_HEADERS, UNIT_HEADERS, ("type",), ("nothing",)):
            for row in table.rows:
                assert _cell(row, _column(table, headers), headers) is row.get(*headers)
    short = Row(3, {"units": Cell("By", 3, "| By |", 0)})
    assert _cell(short, "unit", UNIT_HEADERS) is short.cells["units"]


def test_documented_values_compare_and_hash_by_value():
    conventions = readme_conventions(Readme("README.md", README), ())
    again = readme_conventions(Readme("README.md", README), ())
    assert conventions.metrics == again.metrics
    assert len({*conventions.metrics, *again.metrics}) == 2
    assert conventions.resource_attributes == again.resource_attributes
    assert conventions.names == {"a.b", "c.d"}
    assert conventions.lookup("c.d").selectors == (("type", "rss"),)
    assert conventions.metric_attributes == {"k1", "k2", "type"}


def test_lists_are_split_at_commas_semicolons_and_spaces():
    assert split_list("") == ()
    assert split_list(" a, b;c\td  ") == ("a", "b", "c", "d")
