"""PKG001: invalid JSON, located where the parser stopped; too-deep documents.

The same findings on every supported Python: a trailing comma is named at the comma (as Python
3.13 does) and the nesting limit is pkgkit's, not the interpreter's.
"""

import json
import subprocess
import sys

from helpers import copy_go, findings, lint, write_package


def test_syntax_error_is_reported_at_line_and_column(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/bad.json": '{\n  "name": "A",\n}\n'})
    result = lint(package, select="PKG001")
    assert findings(result) == [("PKG001", "events/bad.json", 2)]
    assert result[0].column == 14
    assert result[0].message == "invalid JSON: Illegal trailing comma before end of object"


def test_trailing_comma_in_an_array_is_reported_at_the_comma(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/bad.json": '{"tags": ["a",\n  ]}'})
    result = lint(package, select="PKG001")
    assert [(d.line, d.column, d.message) for d in result] == [
        (1, 14, "invalid JSON: Illegal trailing comma before end of array")
    ]


def test_a_missing_member_name_is_still_reported_as_such(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/bad.json": '{"name": "A",,}'})
    result = lint(package, select="PKG001")
    assert [(d.line, d.column, d.message) for d in result] == [
        (1, 14, "invalid JSON: Expecting property name enclosed in double quotes")
    ]


def test_syntax_error_after_a_bom_is_located_as_an_editor_shows_it(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/bad.json": b'\xef\xbb\xbf{"a" 1}'})
    result = lint(package, select="PKG001")
    assert [(d.line, d.column) for d in result] == [(1, 6)]


def test_too_deep_document_is_reported_where_it_gets_too_deep(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/deep.json": "[" * 5000 + "]" * 5000})
    result = lint(package, select="PKG001")
    assert findings(result) == [("PKG001", "events/deep.json", 1)]
    assert result[0].column == 501
    assert result[0].message == "JSON nested too deeply to parse"


def test_a_dashboard_at_the_depth_limit_is_linted(tmp_path):
    """500 levels (the limit) in a widget's configuration: every rule reads it, as without."""
    package = copy_go(tmp_path)
    path = package / "dashboards" / "go-runtime-metrics.json"
    dashboard = json.loads(path.read_text(encoding="utf-8"))
    dashboard["widgets"][0]["config"]["deep"] = "DEEP"  # a value at level 5
    deep = '{"a": [' * 248 + "1" + "]}" * 248  # levels 5 to 500
    path.write_text(json.dumps(dashboard).replace('"DEEP"', deep), encoding="utf-8")
    assert lint(package) == lint(copy_go(tmp_path / "plain"))
    path.write_text(json.dumps(dashboard).replace('"DEEP"', "[" + deep + "]"), encoding="utf-8")
    assert findings(lint(package, select="PKG001")) == [
        ("PKG001", "dashboards/go-runtime-metrics.json", 1)
    ]


def test_lint_reports_a_too_deep_dashboard_without_a_traceback(tmp_path):
    """5,000 levels: more than Python 3.11 parses, fewer than 3.13 does; the same finding."""
    package = copy_go(tmp_path)
    dashboard = '{"id": "deep",\n "widgets": ' + "[" * 5000 + "]" * 5000 + "}\n"
    write_package(package, {"dashboards/deep.json": dashboard})
    done = subprocess.run(
        [sys.executable, "-m", "pkgkit", "lint", "--no-cache", "--format", "json", "go"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1
    found = [
        (f["rule"], f["line"], f["column"], f["message"])
        for f in json.loads(done.stdout)
        if f["path"] == "go/dashboards/deep.json"
    ]
    assert found == [("PKG001", 2, 512, "JSON nested too deeply to parse")]


def test_clean_fixture_parses(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG001") == []
