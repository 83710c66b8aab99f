"""PKG002: files are UTF-8 without a byte-order mark."""

from helpers import copy_go, findings, lint, write_package


def test_non_utf8_byte_is_located(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/latin.json": b'{\n  "name": "caf\xe9"\n}'})
    result = lint(package, select="PKG002")
    assert findings(result) == [("PKG002", "events/latin.json", 2)]
    assert result[0].column == 15
    assert result[0].message == "file is not UTF-8: byte 0xe9 at offset 16"


def test_bom_is_reported_and_the_rest_is_still_checked(tmp_path):
    package = write_package(
        copy_go(tmp_path), {"events/bom.json": b'\xef\xbb\xbf{"name": "A", "name": "B"}'}
    )
    result = lint(package, select="PKG00")
    assert findings(result) == [("PKG002", "events/bom.json", 1), ("PKG008", "events/bom.json", 1)]
    assert result[1].column == 15


def test_clean_fixture_is_utf8(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG002") == []


def test_column_of_a_bad_byte_counts_characters_not_bytes(tmp_path):
    raw = '\ufeff{"name": "é€'.encode() + b'\xff"}'
    package = write_package(copy_go(tmp_path), {"events/mixed.json": raw})
    result = lint(package, select="PKG002")
    assert [(d.line, d.column) for d in result] == [(1, 13)]
