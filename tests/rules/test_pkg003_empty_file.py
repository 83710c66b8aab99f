"""PKG003: empty files."""

import pytest

from helpers import copy_go, findings, lint, write_package


@pytest.mark.parametrize("text", ["", "  \n\t\n"])
def test_empty_or_blank_file_is_reported(tmp_path, text):
    package = write_package(copy_go(tmp_path), {"events/empty.json": text})
    assert findings(lint(package, select="PKG0")) == [("PKG003", "events/empty.json", 1)]


def test_clean_fixture_has_no_empty_file(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG003") == []
