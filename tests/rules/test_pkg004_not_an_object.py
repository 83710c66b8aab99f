"""PKG004: the top-level value is an object."""

import pytest

from helpers import copy_go, findings, lint, write_package


@pytest.mark.parametrize(
    ("text", "kind"),
    [("[{}]", "an array"), ('"x"', "a string"), ("1.5", "a number"), ("null", "null")],
)
def test_non_object_root_is_reported(tmp_path, text, kind):
    package = write_package(copy_go(tmp_path), {"package.json": text})
    result = lint(package, select="PKG")
    assert findings(result) == [("PKG004", "package.json", 1)]
    assert result[0].message == f"top-level value is {kind}; expected an object"


def test_clean_fixture_files_are_objects(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG004") == []
