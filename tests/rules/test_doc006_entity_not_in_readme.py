from helpers import copy_fixture, copy_go, findings, lint, write_package

ENTITY = {"data": {"label": "Go Runtime", "identifiers": ["otel.attribute.service.name"]}}


def test_an_unlisted_entity_is_reported_at_its_label(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    write_package(
        package,
        {"entities/gc.json": {"data": {"label": "Go GC", "identifiers": ["service.name"]}}},
    )
    result = lint(package, select="DOC006")
    assert findings(result) == [("DOC006", "entities/gc.json", 3)]
    assert result[0].pointer == "/data/label"
    assert "'Go GC'" in result[0].message


def test_an_entity_in_a_package_without_an_entities_table_is_reported(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"entities/go-runtime.json": ENTITY})
    result = lint(package, select="DOC006")
    assert findings(result) == [("DOC006", "entities/go-runtime.json", 3)]
    assert "README.md has no Entities table" in result[0].message
    assert "'Entity Name'" in (result[0].hint or "")


def test_clean_fixtures_list_every_entity(tmp_path):
    assert lint(copy_fixture(tmp_path, "go-entity"), select="DOC006") == []
    assert lint(copy_go(tmp_path), select="DOC006") == []
