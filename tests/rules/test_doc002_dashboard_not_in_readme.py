from helpers import copy_go, edit_json, findings, lint, write_package

DASHBOARD = "dashboards/go-runtime-metrics.json"


def test_an_unlisted_dashboard_is_reported_at_its_title_with_the_closest_row(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, lambda data: data.update(title="Go Runtime Metric"))
    result = lint(package, select="DOC002")
    assert findings(result) == [("DOC002", DASHBOARD, 3)]
    assert result[0].pointer == "/title"
    assert "'Go Runtime Metric'" in result[0].message
    assert result[0].hint == "did you mean 'Go Runtime Metrics'?"


def test_a_new_dashboard_without_a_row_is_reported(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"dashboards/extra.json": {"title": "Go GC Details", "widgets": []}})
    result = lint(package, select="DOC002")
    assert findings(result) == [("DOC002", "dashboards/extra.json", 2)]
    assert result[0].hint == "add a row for it"


def test_without_a_dashboards_table_every_dashboard_is_reported_with_how_to_add_one(tmp_path):
    package = copy_go(tmp_path)
    readme = package / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("## Dashboards", "## Overview"), encoding="utf-8")
    result = lint(package, select="DOC002")
    assert findings(result) == [("DOC002", DASHBOARD, 3)]
    assert "README.md has no Dashboards table" in result[0].message
    assert "'## Dashboards'" in (result[0].hint or "")


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
