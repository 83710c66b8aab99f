"""PKG111: package.json should have a description (warning)."""

from helpers import copy_go, edit_json, findings, lint


def test_missing_description_is_a_warning(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / "package.json", lambda data: data.pop("description"))
    result = lint(package, select="PKG111")
    assert findings(result) == [("PKG111", "package.json", 1)]
    assert result[0].severity.value == "warning"


def test_blank_description_is_reported_at_the_value(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / "package.json", lambda data: data.update(description="  "))
    result = lint(package, select="PKG111")
    assert findings(result) == [("PKG111", "package.json", 4)]
    assert result[0].message == "package.json 'description' is blank"


def test_clean_fixture_has_a_description(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG111") == []
