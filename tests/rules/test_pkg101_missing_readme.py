"""PKG101: a package needs a README.md."""

from helpers import copy_go, findings, lint


def test_missing_readme_is_an_error_at_its_path(tmp_path):
    package = copy_go(tmp_path)
    (package / "README.md").unlink()
    result = lint(package, select="PKG1")
    assert findings(result) == [("PKG101", "README.md", 1)]
    assert result[0].message == "README.md is missing"


def test_clean_fixture_has_a_readme(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG101") == []
