"""PKG010: a package needs package.json."""

from helpers import copy_go, findings, lint


def test_missing_manifest_is_reported_and_content_still_linted(tmp_path):
    package = copy_go(tmp_path)
    (package / "package.json").unlink()
    (package / "events" / "bad.json").write_text("{", encoding="utf-8")
    result = lint(package, select="PKG0")
    assert findings(result) == [("PKG001", "events/bad.json", 1), ("PKG010", "package.json", 1)]
    assert result[1].hint == "create package.json (see `pkgkit init`)"


def test_clean_fixture_has_a_manifest(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG010") == []
