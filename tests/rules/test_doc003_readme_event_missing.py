"""DOC003: every event the README lists exists, and a name written two ways is one finding."""

import shutil

from helpers import copy_go, findings, fixes, lint


def test_a_row_naming_an_event_another_way_is_one_finding_naming_both(tmp_path):
    package = copy_go(tmp_path)
    readme = package / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(
        text.replace("| High Goroutine Count |", "| High Goroutines Count |"), encoding="utf-8"
    )
    result = lint(package, select="DOC00")
    assert findings(result) == [("DOC003", "README.md", 125)]
    assert result[0].column == 3
    assert result[0].message == (
        "README lists event 'High Goroutines Count'; the closest event, "
        "events/high-goroutine-count.json, is named 'High Goroutine Count'"
    )


def test_a_removed_event_leaves_its_row_reported(tmp_path):
    package = copy_go(tmp_path)
    (package / "events" / "high-goroutine-count.json").unlink()
    result = lint(package, select="DOC003")
    assert findings(result) == [("DOC003", "README.md", 125)]
    assert result[0].hint == "add the event to events/ or remove the row"


def test_without_an_events_folder_every_row_is_reported(tmp_path):
    package = copy_go(tmp_path)
    shutil.rmtree(package / "events")
    result = lint(package, select="DOC003")
    assert len(result) == 7
    assert all("no events/ folder" in d.message for d in result)


def test_clean_fixture_lists_only_existing_events(tmp_path):
    assert lint(copy_go(tmp_path), select="DOC003") == []


def test_the_unsafe_fix_writes_the_event_name_in_the_row(tmp_path):
    package = copy_go(tmp_path)
    readme = package / "README.md"
    text = readme.read_text(encoding="utf-8")
    before = text.replace("| High Goroutine Count |", "| High Goroutines Count |")
    readme.write_text(before, encoding="utf-8")
    assert fixes(package, "DOC003") == {}
    # the cell keeps its width (the name one letter shorter, one more space of padding)
    after = text.replace("| High Goroutine Count |", "| High Goroutine Count  |")
    assert fixes(package, "DOC003", unsafe=True) == {"README.md": after}
