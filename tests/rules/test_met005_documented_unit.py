from helpers import copy_go, edit_text, findings, lint

ALLOCATED = "(cumulative). | By | Counter |"


def test_bytes_metric_documented_as_a_count(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", ALLOCATED, "(cumulative). | Number | Counter |")
    result = lint(package, select="MET005")
    assert findings(result) == [("MET005", "README.md", 33)]
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
