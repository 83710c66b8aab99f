from helpers import copy_fixture, copy_go, edit_json, findings, lint

ENTITY = "entities/go-runtime.json"


def test_a_row_naming_no_entity_is_reported_at_its_cell_with_the_closest_label(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    edit_json(package / ENTITY, lambda data: data["data"].update(label="Go Runtimes"))
    result = lint(package, select="DOC005")
    assert findings(result) == [("DOC005", "README.md", 15)]
    assert result[0].column == 3
    assert "'Go Runtime'" in result[0].message
    assert "data.label" in result[0].message
    assert result[0].hint == "did you mean 'Go Runtimes'?"


def test_an_entity_without_data_does_not_crash_and_leaves_the_row_reported(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    edit_json(package / ENTITY, lambda data: data.update(data=["not", "an", "object"]))
    assert findings(lint(package, select="DOC005")) == [("DOC005", "README.md", 15)]


def test_clean_fixtures_list_only_existing_entities(tmp_path):
    assert lint(copy_fixture(tmp_path, "go-entity"), select="DOC005") == []
    assert lint(copy_go(tmp_path), select="DOC005") == []
