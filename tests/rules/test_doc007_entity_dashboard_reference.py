import shutil

import pytest

from helpers import (
    copy_fixture,
    copy_go,
    edit_json,
    edit_text,
    findings,
    fixes,
    lint,
    write_package,
)

ENTITY = "entities/go-runtime.json"
POINTER = "/data/dashboards/0/reference"


def _reference(package, reference):
    def edit(data):
        data["data"]["dashboards"][0]["reference"] = reference

    edit_json(package / ENTITY, edit)


def test_a_misspelt_reference_is_reported_at_the_pointer_with_the_closest_file(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    _reference(package, "go_runtime.json")
    result = lint(package, select="DOC007")
    assert findings(result) == [("DOC007", ENTITY, 16)]
    assert result[0].pointer == POINTER
    assert "names no file in dashboards/" in result[0].message
    assert result[0].hint == "did you mean 'go-runtime.json'?"


@pytest.mark.parametrize(
    "reference",
    [
        "../package.json",
        "../go-runtime.json",
        "/etc/passwd",
        "sub/../../README.md",
        "..\\package.json",
        "C:/dashboards/go-runtime.json",
        "dashboards/../go-runtime.json",
    ],
)
def test_references_leading_out_of_dashboards_are_reported_and_not_followed(tmp_path, reference):
    package = copy_fixture(tmp_path, "go-entity")
    write_package(tmp_path, {"go-runtime.json": {"title": "outside"}})
    _reference(package, reference)
    result = lint(package, select="DOC007")
    assert findings(result) == [("DOC007", ENTITY, 16)]
    assert "leads outside dashboards/" in result[0].message


def test_references_to_files_in_subfolders_and_dotted_paths_resolve(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    write_package(package, {"dashboards/more/gc.json": {"title": "GC", "widgets": []}})
    _reference(package, "./go-runtime.json")
    assert lint(package, select="DOC007") == []
    _reference(package, "more/gc.json")
    assert lint(package, select="DOC007") == []


def test_a_reference_that_includes_the_folder_name_is_reported_with_the_fix(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    _reference(package, "dashboards/go-runtime.json")
    result = lint(package, select="DOC007")
    assert result[0].hint == "did you mean 'go-runtime.json'?"


def test_a_reference_without_a_dashboards_folder_says_so(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    shutil.rmtree(package / "dashboards")
    result = lint(package, select="DOC007")
    assert findings(result) == [("DOC007", ENTITY, 16)]
    assert "no dashboards/ folder" in result[0].message


def test_an_empty_reference_and_odd_shapes_do_not_crash(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    _reference(package, " ")
    assert "is empty" in lint(package, select="DOC007")[0].message

    def odd(data):
        data["data"]["dashboards"] = [{"reference": 3}, "go-runtime.json", None]

    edit_json(package / ENTITY, odd)
    assert lint(package, select="DOC007") == []


def test_a_reference_to_a_dashboard_that_does_not_parse_still_resolves(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    write_package(package, {"dashboards/go-runtime.json": "{"})
    assert lint(package, select="DOC007") == []


def test_clean_fixtures_have_resolving_references(tmp_path):
    assert lint(copy_fixture(tmp_path, "go-entity"), select="DOC007") == []
    assert lint(copy_go(tmp_path), select="DOC007") == []


def test_fix_names_the_one_file_named_alike_safely_and_the_closest_unsafely(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    entity = package / "entities" / "go-runtime.json"
    edit_text(entity, '"reference": "go-runtime.json"', '"reference": "../Go_Runtime.JSON"')
    before = entity.read_text(encoding="utf-8")
    assert fixes(package, "DOC007")["entities/go-runtime.json"] == before.replace(
        '"../Go_Runtime.JSON"', '"go-runtime.json"'
    )
    edit_text(entity, '"../Go_Runtime.JSON"', '"go-runtme.json"')
    assert fixes(package, "DOC007") == {}
    after = fixes(package, "DOC007", unsafe=True)["entities/go-runtime.json"]
    assert '"reference": "go-runtime.json"' in after
