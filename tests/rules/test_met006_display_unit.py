from helpers import copy_go, edit_json, findings, lint
from packages import (
    GO_SCOPE,
    NODE_SCOPE,
    PROMETHEUS_SCOPE,
    PYTHON_SCOPE,
    big_number,
    chart,
    dashboard,
    entity,
    metric,
    package,
    readme,
)

DASHBOARD = "dashboards/go-runtime-metrics.json"


def _goroutines_in_bytes(data):
    config = data["widgets"][0]["config"]
    config["formatter"] = "bytes.detailed"
    config["metricConfiguration"]["unit"] = "byte"


def test_count_metric_shown_in_bytes_is_one_finding_at_the_widget_formatter(tmp_path):
    package_root = copy_go(tmp_path)
    edit_json(package_root / DASHBOARD, _goroutines_in_bytes)
    result = lint(package_root, select="MET006")
    assert findings(result) == [("MET006", DASHBOARD, 21)]
    assert result[0].pointer == "/widgets/0/config/formatter"
    assert result[0].message == (
        "the widget shows 'go.goroutine.count' (in counts) as bytes: declared unit 'byte',"
        " formatter 'bytes.detailed'"
    )
    assert result[0].hint == (
        "use a number formatter (number.detailed) and declare each metric's unit as the metric's"
    )
    assert result[0].severity.value == "error"  # 12 goroutines read as '12 B': wrong data


def test_the_per_metric_formatter_is_the_ui_default_not_what_is_shown(tmp_path):
    # go/dashboards/go-runtime.json: "formatter": "number.detailed" beside "unit": "byte", on an
    # axis (or a big number) whose formatter is bytes.detailed
    used = f'metrics.sums.{GO_SCOPE}/go.memory.used{{go.memory.type="stack"}}'
    root = package(
        tmp_path,
        readme([('go.memory.used{go.memory.type="stack"}', "Byte")], intro=f"`{GO_SCOPE}`"),
        dashboards__go=dashboard(
            "Go",
            big_number("Stack", metric(used, "byte"), "bytes.detailed"),
            chart("Memory", [metric(used, "byte")], "bytes.detailed"),
        ),
    )
    assert lint(root, select="MET006") == []


def test_entity_metrics_are_not_checked(tmp_path):
    # go/entities/go-runtime.json: bytes metrics with "formatter": "NUMBER", as in every entity
    limit = f"metrics.sums.{GO_SCOPE}/go.memory.limit"
    root = package(
        tmp_path, readme([("go.memory.limit", "Byte")]), entities__go=entity("Go", [], limit)
    )
    assert lint(root, select="MET006") == []


def test_one_finding_per_axis_for_metrics_declared_and_shown_as_numbers(tmp_path):
    # nodejs/dashboards/nodejs-runtime.json, widget 'Eventloop Delay': four delays in seconds,
    # each declared "unit": "number", on an axis formatted number.detailed
    stats = ("max", "mean", "min", "stddev")
    rows = [(f"{NODE_SCOPE}/nodejs.eventloop.delay.{s}", "second") for s in stats]
    delays = [metric(f"metrics.gauges.{NODE_SCOPE}/nodejs.eventloop.delay.{s}{{}}") for s in stats]
    root = package(
        tmp_path, readme(rows), dashboards__node=dashboard("Node", chart("Eventloop Delay", delays))
    )
    result = lint(root, select="MET006")
    assert findings(result) == [("MET006", "dashboards/node.json", 18)]
    assert result[0].pointer == "/widgets/0/config/y1/formatter"
    assert result[0].message == (
        "the widget shows 'nodejs.eventloop.delay.max', 'nodejs.eventloop.delay.mean',"
        " 'nodejs.eventloop.delay.min' and 1 more (in seconds) as plain numbers: declared unit"
        " 'number', formatter 'number.detailed'"
    )
    assert result[0].hint == (
        "use a time formatter (millis.detailed) and declare each metric's unit as the metric's"
    )
    assert result[0].severity.value == "warning"  # right values, without their unit


def test_time_units_convert(tmp_path):
    # nodejs/dashboards/runtime.json: "unit": "second" on an axis formatted millis.detailed
    delay = f"metrics.gauges.{NODE_SCOPE}/nodejs.eventloop.delay.max"
    root = package(
        tmp_path,
        readme([(f"{NODE_SCOPE}/nodejs.eventloop.delay.max", "second")]),
        dashboards__node=dashboard(
            "Node", chart("Delay", [metric(delay, "second")], "millis.detailed")
        ),
    )
    assert lint(root, select="MET006") == []


def test_the_catalogue_unit_wins_over_a_readme_that_contradicts_it(tmp_path):
    # go: the README documents go.config.gogc as 'Number'; the instrumentation reports '%'
    # (MET005 reports the README); a percentage formatter shows it right
    gogc = f"metrics.sums.{GO_SCOPE}/go.config.gogc"
    root = package(
        tmp_path,
        readme([("go.config.gogc", "Number")], intro=f"`{GO_SCOPE}`"),
        dashboards__go=dashboard(
            "Go", big_number("GOGC", metric(gogc, "percentage"), "percentage.detailed")
        ),
    )
    assert lint(root, select="MET006") == []
    assert findings(lint(root, select="MET005")) == [("MET005", "README.md", 10)]


def test_a_reference_with_selectors_reads_its_own_readme_row_first(tmp_path):
    # python: `memory{type="rss"}` is documented as 'number' and `memory` as 'byte'; runtime.json
    # charts `memory` in bytes
    memory = f"metrics.sums.{PYTHON_SCOPE}/process.runtime.cpython.memory"
    rows = [
        (f'{PYTHON_SCOPE}/process.runtime.cpython.memory{{type="rss"}}', "number"),
        (f"{PYTHON_SCOPE}/process.runtime.cpython.memory", "byte"),
    ]
    widget = chart("Memory", [metric(memory, "byte")], "bytes.detailed")
    root = package(tmp_path, readme(rows), dashboards__python=dashboard("Python", widget))
    assert lint(root, select="MET006") == []


def test_clean_fixture_shows_every_metric_in_its_unit(tmp_path):
    assert lint(copy_go(tmp_path), select="MET006") == []


def test_the_catalogue_unit_decides_for_a_readme_row_in_another_unit(tmp_path):
    # python/dashboards/python-runtime.json charts memory{type="rss"} and {type="vms"} as
    # numbers, as the README rows say; the instrumentation reports bytes
    memory = f"metrics.sums.{PYTHON_SCOPE}/process.runtime.cpython.memory"
    rows = [
        (f'{PYTHON_SCOPE}/process.runtime.cpython.memory{{type="{t}"}}', "number")
        for t in ("rss", "vms")
    ]
    metrics = [metric(f'{memory}{{type="{t}"}}') for t in ("rss", "vms")]
    root = package(
        tmp_path, readme(rows), dashboards__python=dashboard("P", chart("Memory", metrics))
    )
    result = lint(root, select="MET006")
    assert findings(result) == [("MET006", "dashboards/python.json", 18)]
    assert result[0].message.startswith(
        "the widget shows 'process.runtime.cpython.memory{type=\"rss\"}' and"
        " 'process.runtime.cpython.memory{type=\"vms\"}' (in bytes) as plain numbers"
    )


def test_a_count_the_instrumentation_declares_in_bytes_stays_a_count(tmp_path):
    # python/dashboards/runtime.json 'GC Count': process.runtime.cpython.gc_count, which
    # opentelemetry-instrumentation-system-metrics declares in 'By' by mistake
    gc = f"metrics.sums.{PYTHON_SCOPE}/process.runtime.cpython.gc_count"
    text = readme([(f"{PYTHON_SCOPE}/process.runtime.cpython.gc_count", "number")])
    root = package(
        tmp_path, text, dashboards__python=dashboard("P", chart("GC Count", [metric(gc)]))
    )
    assert lint(root, select="MET006") == []


def test_an_empty_unit_cell_documents_no_unit(tmp_path):
    # wxd-presto after 'pkgkit docs' wrote its metrics rows (Unit left empty): 'Presto Memory Pool'
    # declares its bytes metric in byte on an axis formatted bytes.detailed; an empty cell is no
    # claim that the metric is a count
    name = "watsonx_data_presto_memory_pool_general_free_bytes"
    free = metric(f"metrics.gauges.{PROMETHEUS_SCOPE}/{name}", "byte")
    root = package(
        tmp_path,
        readme([(name, "")]),
        dashboards__pool=dashboard("Pool", chart("Presto Memory Pool", [free], "bytes.detailed")),
    )
    assert lint(root, select="MET006") == []
    (tmp_path / "README.md").write_text(readme([(name, "Number")]))
    assert findings(lint(root, select="MET006")) == [("MET006", "dashboards/pool.json", 18)]
