"""DOC004: every event is listed in the README; a name written two ways is DOC003's."""

from helpers import copy_go, edit_json, findings, lint, write_package

EVENT = "events/high-goroutine-count.json"


def test_a_renamed_event_is_one_finding_at_the_readme_row(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / EVENT, lambda data: data.update(name="High goroutine count"))
    assert findings(lint(package, select="DOC00")) == [("DOC003", "README.md", 125)]


def test_an_unlisted_event_is_reported_at_its_name(tmp_path):
    package = copy_go(tmp_path)
    write_package(
        package, {"events/gc.json": {"name": "Long GC Pauses", "entityType": "any", "rules": []}}
    )
    result = lint(package, select="DOC004")
    assert findings(result) == [("DOC004", "events/gc.json", 2)]
    assert result[0].pointer == "/name"
    assert result[0].hint == "add a row for it to the Events table"


def test_an_event_in_a_subfolder_is_checked_too(tmp_path):
    package = copy_go(tmp_path)
    write_package(
        package,
        {"events/gc/long-gc.json": {"name": "Long GC Pauses", "entityType": "any", "rules": []}},
    )
    result = lint(package, select="DOC004")
    assert findings(result) == [("DOC004", "events/gc/long-gc.json", 2)]


def test_clean_fixture_lists_every_event(tmp_path):
    assert lint(copy_go(tmp_path), select="DOC004") == []
