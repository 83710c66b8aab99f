"""PKG009: NaN and Infinity are not JSON."""

from helpers import copy_go, findings, lint, write_package


def test_each_literal_is_reported_at_its_position(tmp_path):
    text = '{\n  "a": NaN,\n  "b": [1, -Infinity],\n  "c": "NaN"\n}\n'
    package = write_package(copy_go(tmp_path), {"events/nan.json": text})
    result = lint(package, select="PKG009")
    assert findings(result) == [("PKG009", "events/nan.json", 2), ("PKG009", "events/nan.json", 3)]
    assert [(d.column, d.pointer) for d in result] == [(8, "/a"), (12, "/b/1")]


def test_clean_fixture_numbers_are_finite(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG009") == []
