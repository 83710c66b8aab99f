from helpers import copy_go, findings, lint, write_package


def test_reports_the_repeated_key_at_its_second_occurrence(tmp_path):
    package = copy_go(tmp_path)
    write_package(
        package,
        {"events/dup.json": '{\n  "name": "A",\n  "name": "B",\n  "rules": []\n}\n'},
    )
    result = lint(package, select="PKG008")
    assert findings(result) == [("PKG008", "events/dup.json", 3)]
    assert result[0].column == 3
    assert result[0].pointer == "/name"
    assert "first at line 2" in result[0].message


def test_clean_fixture_has_no_duplicate_keys(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG008") == []
