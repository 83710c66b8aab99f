"""PKG130: event names are unique within a package."""

from helpers import copy_go, findings, lint, write_package


def test_second_file_with_a_name_is_reported_at_its_name_naming_the_first(tmp_path):
    package = write_package(
        copy_go(tmp_path),
        {"events/zz-copy.json": '{\n  "entityType": "x",\n  "name": "High Goroutine Count "\n}\n'},
    )
    result = lint(package, select="PKG130")
    assert findings(result) == [("PKG130", "events/zz-copy.json", 3)]
    assert result[0].message == (
        "event name 'High Goroutine Count' is already used by events/high-goroutine-count.json"
    )


def test_events_without_a_string_name_are_left_to_the_schema_rule(tmp_path):
    package = write_package(
        copy_go(tmp_path), {"events/a.json": {"name": 1}, "events/b.json": {"name": 1}}
    )
    assert lint(package, select="PKG130") == []


def test_clean_fixture_event_names_are_unique(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG130") == []
