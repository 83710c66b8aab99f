"""DOC002: every dashboard is listed in the README; a title written two ways is DOC001's."""

from helpers import copy_go, edit_json, findings, lint, write_package

DASHBOARD = "dashboards/go-runtime-metrics.json"


def test_a_retitled_dashboard_is_one_finding_at_the_readme_row(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, lambda data: data.update(title="Go Runtime Metric"))
    assert lint(package, select="DOC002") == []
    assert findings(lint(package, select="DOC001")) == [("DOC001", "README.md", 11)]


def test_a_new_dashboard_without_a_row_is_reported(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"dashboards/extra.json": {"title": "Go GC Details", "widgets": []}})
    result = lint(package, select="DOC002")
    assert findings(result) == [("DOC002", "dashboards/extra.json", 2)]
    assert result[0].pointer == "/title"
    assert result[0].message == (
        "dashboard 'Go GC Details' is not listed in the README's Dashboards table"
    )
    assert result[0].hint == "add a row for it to the Dashboards table"


def test_without_a_dashboards_section_only_pkg103_reports_it(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"dashboards/extra.json": {"title": "Go GC Details", "widgets": []}})
    readme = package / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("## Dashboards", "## Overview"), encoding="utf-8")
    assert lint(package, select="DOC002") == []
    result = lint(package, select="PKG103")
    assert [(d.code, d.message) for d in result] == [
        ("PKG103", "README.md has no 'Dashboards' section")
    ]


def test_a_dashboards_section_without_a_table_is_one_finding_at_its_heading(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"dashboards/extra.json": {"title": "Go GC Details", "widgets": []}})
    readme = package / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("| Dashboard Title |", "| Widget |"), encoding="utf-8")
    result = lint(package, select="DOC002")
    assert findings(result) == [("DOC002", "README.md", 5)]
    assert result[0].message == (
        "the README's 'Dashboards' section has no table of dashboard titles, so 2 dashboards "
        "('Go GC Details', 'Go Runtime Metrics') are not listed"
    )
    assert result[0].hint == (
        "add a table whose first column is 'Dashboard Title', one row per dashboard"
    )


def test_a_missing_readme_is_not_reported_dashboard_by_dashboard(tmp_path):
    package = copy_go(tmp_path)
    (package / "README.md").unlink()
    assert lint(package, select="DOC002") == []


def test_dashboards_without_a_title_are_left_to_the_schema(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, lambda data: data.pop("title"))
    write_package(package, {"dashboards/blank.json": {"title": "  ", "widgets": []}})
    assert lint(package, select="DOC002") == []


def test_clean_fixture_lists_every_dashboard(tmp_path):
    assert lint(copy_go(tmp_path), select="DOC002") == []
