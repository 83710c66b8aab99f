"""PKG001: invalid JSON, located where the parser stopped; too-deep documents."""

from helpers import copy_go, findings, lint, write_package


def test_syntax_error_is_reported_at_line_and_column(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/bad.json": '{\n  "name": "A",\n}\n'})
    result = lint(package, select="PKG001")
    assert findings(result) == [("PKG001", "events/bad.json", 3)]
    assert result[0].column == 1
    assert result[0].message.startswith("invalid JSON: ")


def test_syntax_error_after_a_bom_is_located_as_an_editor_shows_it(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/bad.json": b'\xef\xbb\xbf{"a" 1}'})
    result = lint(package, select="PKG001")
    assert [(d.line, d.column) for d in result] == [(1, 6)]


def test_too_deep_document_is_reported_where_it_gets_too_deep(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/deep.json": "[" * 5000 + "]" * 5000})
    result = lint(package, select="PKG001")
    assert findings(result) == [("PKG001", "events/deep.json", 1)]
    assert result[0].column == 501
    assert result[0].message == "JSON nested too deeply to parse"


def test_clean_fixture_parses(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG001") == []
