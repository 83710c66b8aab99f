"""PKG110: name, version, author and license are required in package.json."""

from helpers import copy_go, findings, lint, write_package


def test_each_missing_field_is_reported_at_the_top_of_package_json(tmp_path):
    package = write_package(
        copy_go(tmp_path), {"package.json": '{\n  "name": "@instana-integration/go"\n}\n'}
    )
    result = lint(package, select="PKG110")
    assert findings(result) == [("PKG110", "package.json", 1)] * 3
    assert sorted(d.message for d in result) == [
        "package.json has no 'author'",
        "package.json has no 'license'",
        "package.json has no 'version'",
    ]
    severities = {d.message: d.severity.value for d in result}
    assert severities == {
        "package.json has no 'author'": "warning",  # npm publishes without it
        "package.json has no 'license'": "warning",
        "package.json has no 'version'": "error",  # nothing can publish or import it
    }
    assert 'add "version": "1.0.0"' in {d.hint for d in result}


def test_missing_name_is_reported_once_across_pkg110_and_the_schema_rule(tmp_path):
    package = write_package(
        copy_go(tmp_path),
        {"package.json": {"version": "1.0.0", "author": "IBM", "license": "MIT"}},
    )
    result = lint(package, select="PKG1")
    assert [(d.code, d.message) for d in result if "name" in d.message] == [
        ("PKG110", "package.json has no 'name'")
    ]


def test_unparsable_manifest_is_left_to_the_loading_rules(tmp_path):
    package = write_package(copy_go(tmp_path), {"package.json": "{"})
    assert lint(package, select="PKG110") == []


def test_clean_fixture_has_every_required_field(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG110") == []
