"""PKG121: widget ids are unique within a dashboard."""

from helpers import copy_go, findings, lint, write_package

DASHBOARD = """{
  "title": "D",
  "widgets": [
    {"id": "a", "type": "chart", "config": {}},
    {"id": "b", "type": "chart", "config": {}},
    {"id": "a", "type": "chart", "config": {}},
    {"type": "chart", "config": {}},
    "junk",
    {"id": "b", "type": "chart", "config": {}}
  ]
}
"""


def test_every_repeated_id_is_reported_at_the_repetition(tmp_path):
    package = write_package(copy_go(tmp_path), {"dashboards/d.json": DASHBOARD})
    result = lint(package, select="PKG121")
    assert findings(result) == [
        ("PKG121", "dashboards/d.json", 6),
        ("PKG121", "dashboards/d.json", 9),
    ]
    assert result[0].column == 12
    assert result[0].message == "widget id 'a' is already used by widget 0 (line 4)"
    assert result[1].pointer == "/widgets/5/id"


def test_same_id_in_two_dashboards_is_fine(tmp_path):
    one = '{"title": "1", "widgets": [{"id": "a", "type": "chart", "config": {}}]}'
    package = write_package(copy_go(tmp_path), {"dashboards/1.json": one, "dashboards/2.json": one})
    assert lint(package, select="PKG121") == []


def test_clean_fixture_widget_ids_are_unique(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG121") == []
