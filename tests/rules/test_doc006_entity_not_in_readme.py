"""DOC006: every entity is listed in the README; a label written two ways is DOC005's."""

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


def test_an_entity_in_a_package_without_an_entities_section_is_left_to_pkg103(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"entities/go-runtime.json": ENTITY})
    assert lint(package, select="DOC006") == []
    result = lint(package, select="PKG103")
    assert [d.message for d in result] == ["README.md has no 'Entities' section"]


def test_an_entity_types_section_without_a_table_is_one_finding_at_its_heading(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"entities/go-runtime.json": ENTITY})
    readme = package / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(
        text.replace("## Metrics\n", "## Entity Types\n\nOne, Go Runtime.\n\n## Metrics\n"),
        encoding="utf-8",
    )
    result = lint(package, select="DOC006")
    assert [(d.code, d.path) for d in result] == [("DOC006", "README.md")]
    assert result[0].message == (
        "the README's 'Entity Types' section has no table of entity labels, so 1 entity "
        "('Go Runtime') is not listed"
    )
    assert lint(package, select="PKG103") == []


def test_clean_fixtures_list_every_entity(tmp_path):
    assert lint(copy_fixture(tmp_path, "go-entity"), select="DOC006") == []
    assert lint(copy_go(tmp_path), select="DOC006") == []
