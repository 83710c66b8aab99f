from helpers import copy_go, edit_json, findings, lint, write_package

EVENT = "events/high-goroutine-count.json"


def test_a_renamed_event_is_reported_at_its_name_with_the_closest_row(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / EVENT, lambda data: data.update(name="High goroutine count"))
    result = lint(package, select="DOC004")
    assert findings(result) == [("DOC004", EVENT, 2)]
    assert result[0].pointer == "/name"
    assert result[0].hint == "did you mean 'High Goroutine Count'?"


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
