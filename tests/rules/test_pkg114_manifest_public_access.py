"""PKG114: publishConfig.access must be "public"."""

from helpers import copy_go, edit_json, findings, lint


def test_restricted_access_is_reported_at_the_value(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / "package.json", lambda d: d.update(publishConfig={"access": "restricted"}))
    result = lint(package, select="PKG114")
    assert findings(result) == [("PKG114", "package.json", 8)]
    assert "'restricted'" in result[0].message


def test_missing_publish_config_is_reported_at_the_top(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / "package.json", lambda data: data.pop("publishConfig"))
    result = lint(package, select="PKG114")
    assert findings(result) == [("PKG114", "package.json", 1)]
    assert result[0].hint == 'add "publishConfig": {"access": "public"}'


def test_publish_config_without_access_is_reported_at_publish_config(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / "package.json", lambda data: data.update(publishConfig={}))
    assert findings(lint(package, select="PKG114")) == [("PKG114", "package.json", 7)]


def test_a_private_package_needs_no_public_access(tmp_path):
    # llm: {"name": "@instana-integration/llm", ..., "private": true} and no publishConfig.
    package = copy_go(tmp_path)
    edit_json(package / "package.json", lambda data: data.pop("publishConfig"))
    edit_json(package / "package.json", lambda data: data.update(private=True))
    assert lint(package, select="PKG114") == []


def test_clean_fixture_is_public(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG114") == []
