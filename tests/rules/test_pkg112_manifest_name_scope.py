"""PKG112: the package name is @instana-integration/<name>; an error only with --strict."""

import pytest

from helpers import copy_go, edit_json, findings, lint
from pkgkit.diagnostics import Severity
from pkgkit.rules.pkg112_manifest_name_scope import _suggested


def _rename(package, name):
    edit_json(package / "package.json", lambda data: data.update(name=name))


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("go-integration", "@instana-integration/go-integration"),
        ("@instana/Go", "@instana-integration/go"),
        ("@instana-integration/", "@instana-integration/go"),
    ],
)
def test_unscoped_name_is_a_warning_with_a_suggestion(tmp_path, name, suggestion):
    package = copy_go(tmp_path)
    _rename(package, name)
    result = lint(package, select="PKG112")
    assert findings(result) == [("PKG112", "package.json", 2)]
    assert result[0].severity.value == "warning"
    assert result[0].hint == f'use "{suggestion}"'


def test_strict_makes_it_an_error(tmp_path):
    package = copy_go(tmp_path)
    _rename(package, "go")
    result = lint(package, select="PKG112", strict=True)
    assert findings(result) == [("PKG112", "package.json", 2)]
    assert result[0].severity.value == "error"


def test_configured_severity_still_wins_over_strict(tmp_path):
    package = copy_go(tmp_path)
    _rename(package, "go")
    result = lint(package, select="PKG112", strict=True, severity={"PKG112": Severity.WARNING})
    assert result[0].severity is Severity.WARNING


def test_blank_or_non_string_names_are_left_to_the_schema_rule(tmp_path):
    package = copy_go(tmp_path)
    _rename(package, 7)
    assert lint(package, select="PKG112") == []


def test_clean_fixture_is_scoped(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG112", strict=True) == []


def test_an_empty_name_suggests_the_resolved_folder_name(tmp_path, monkeypatch):
    (tmp_path / "Real.Folder").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "Real.Folder")
    monkeypatch.chdir(tmp_path / "link")
    assert _suggested("@x/", str(tmp_path / "link")) == "real.folder"
    assert _suggested("", ".") == "real.folder"
    assert _suggested("", "./") == "real.folder"
    assert _suggested("", "/") == "<name>"
