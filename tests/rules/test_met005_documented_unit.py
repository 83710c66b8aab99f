from helpers import copy_go, edit_text, findings, lint
from packages import FIRST_ROW_LINE, NODE_SCOPE, PYTHON_SCOPE, package, readme

ALLOCATED = "(cumulative). | By | Counter |"


def test_bytes_metric_documented_as_a_count(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", ALLOCATED, "(cumulative). | Number | Counter |")
    result = lint(package, select="MET005")
    assert findings(result) == [("MET005", "README.md", 33)]
    assert result[0].message == (
        "'go.memory.allocated' is documented in 'Number' (a plain number), but it is reported in"
        " 'By' (bytes) (catalogue: go-runtime)"
    )
    assert result[0].hint == "document the unit as 'By'"


def test_seconds_documented_as_milliseconds(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", "actually running. | s |", "actually running. | ms |")
    assert findings(lint(package, select="MET005")) == [("MET005", "README.md", 39)]


def test_spellings_of_one_unit_agree(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", ALLOCATED, "(cumulative). | bytes | Counter |")
    edit_text(package / "README.md", "| {goroutine} |", "| Number |")
    assert lint(package, select="MET005") == []


def test_clean_fixture_units_match_the_instrumentation(tmp_path):
    assert lint(copy_go(tmp_path), select="MET005") == []


def test_a_utilization_documented_as_a_percentage_is_reported_as_a_ratio(tmp_path):
    # nodejs/README.md row 57: nodejs.eventloop.utilization, 'percentage'; the instrumentation
    # reports '1', the conventions' unit of a ratio (0.5 at half load, not 50)
    rows = [(f"{NODE_SCOPE}/nodejs.eventloop.utilization", "percentage")]
    result = lint(package(tmp_path, readme(rows)), select="MET005")
    assert findings(result) == [("MET005", "README.md", FIRST_ROW_LINE)]
    assert result[0].message == (
        "'nodejs.eventloop.utilization' is documented in 'percentage' (a percentage), but it is"
        " reported in '1' (a ratio: 1 is 100%) (catalogue: node-runtime 0.36.1)"
    )
    assert result[0].hint == "document the unit as '1'"


def test_rows_of_one_metric_are_named_with_their_selectors(tmp_path):
    # python/README.md rows 36 and 37: process.runtime.cpython.memory{type="rss"} and {type="vms"}
    memory = f"{PYTHON_SCOPE}/process.runtime.cpython.memory"
    rows = [(f'{memory}{{type="rss"}}', "number"), (f'{memory}{{type="vms"}}', "number")]
    result = lint(package(tmp_path, readme(rows)), select="MET005")
    assert findings(result) == [
        ("MET005", "README.md", FIRST_ROW_LINE),
        ("MET005", "README.md", FIRST_ROW_LINE + 1),
    ]
    assert [d.message.split(" is documented")[0] for d in result] == [
        "'process.runtime.cpython.memory{type=\"rss\"}'",
        "'process.runtime.cpython.memory{type=\"vms\"}'",
    ]
