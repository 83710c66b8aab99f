"""PKG140: two entities of one package do not share a label."""

from helpers import copy_fixture, findings, lint, write_package


def test_the_later_file_is_reported_at_its_label_naming_the_earlier(tmp_path):
    package = write_package(
        copy_fixture(tmp_path, "go-entity"),
        {"entities/go-process.json": {"data": {"label": "Go Runtime", "identifiers": []}}},
    )
    result = lint(package, select="PKG140")
    assert findings(result) == [("PKG140", "entities/go-runtime.json", 3)]
    assert result[0].pointer == "/data/label"
    assert result[0].message == (
        "entity label 'Go Runtime' is already used by entities/go-process.json"
    )
    assert result[0].hint == "give each entity its own label"


def test_clean_fixture_has_one_label_per_entity(tmp_path):
    assert lint(copy_fixture(tmp_path, "go-entity"), select="PKG140") == []
