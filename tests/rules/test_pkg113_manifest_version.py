"""PKG113: the version is semver x.y.z (pre-release and build allowed)."""

import pytest

from helpers import copy_go, edit_json, findings, lint


def _version(package, version):
    edit_json(package / "package.json", lambda data: data.update(version=version))


@pytest.mark.parametrize(
    ("version", "suggestion"),
    [("v1.0", "1.0.0"), ("1.0", "1.0.0"), ("01.2.3", "1.2.3"), ("latest", "1.0.0")],
)
def test_non_semver_version_is_an_error_with_a_suggestion(tmp_path, version, suggestion):
    package = copy_go(tmp_path)
    _version(package, version)
    result = lint(package, select="PKG113")
    assert findings(result) == [("PKG113", "package.json", 3)]
    assert result[0].message == f"version '{version}' is not a semantic version x.y.z"
    assert result[0].hint.startswith(f'use "{suggestion}"')


@pytest.mark.parametrize("version", ["0.0.1", "1.2.3-beta.1", "2.0.0-rc.1+build.5", "10.20.30"])
def test_semver_versions_pass(tmp_path, version):
    package = copy_go(tmp_path)
    _version(package, version)
    assert lint(package, select="PKG113") == []


def test_clean_fixture_version_is_semver(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG113") == []
