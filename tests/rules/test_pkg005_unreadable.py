"""PKG005: unreadable, oversized or non-regular files are reported, the rest still linted."""

import os

import pytest

from helpers import copy_go, findings, lint, write_package
from pkgkit.model.jsonfile import MAX_FILE_BYTES
from pkgkit.model.package import MAX_README_BYTES


def test_file_without_read_permission(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/secret.json": "{}"})
    secret = package / "events" / "secret.json"
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("running with privileges that read any file")
        result = lint(package, select="PKG005")
    finally:
        secret.chmod(0o644)
    assert findings(result) == [("PKG005", "events/secret.json", 1)]
    assert result[0].message == "cannot read file: Permission denied"


def test_oversized_file_is_not_parsed(tmp_path):
    package = copy_go(tmp_path)
    (package / "events" / "huge.json").write_bytes(b" " * (MAX_FILE_BYTES + 1))
    result = lint(package, select="PKG0")
    assert findings(result) == [("PKG005", "events/huge.json", 1)]
    assert result[0].message == "file is larger than 16 MiB; not parsed"


def test_oversized_readme_is_not_parsed(tmp_path):
    package = write_package(copy_go(tmp_path), {"README.md": "x" * (MAX_README_BYTES + 1)})
    result = lint(package, select="PKG")
    assert findings(result) == [("PKG005", "README.md", 1)]


def test_named_pipe_is_reported_and_never_opened(tmp_path):
    package = copy_go(tmp_path)
    os.mkfifo(package / "events" / "pipe.json")
    (package / "README.md").unlink()
    os.mkfifo(package / "README.md")
    result = lint(package, select="PKG005")
    assert findings(result) == [("PKG005", "README.md", 1), ("PKG005", "events/pipe.json", 1)]
    assert result[1].message == "not a regular file (a pipe, socket or device); not read"


def test_broken_symbolic_link(tmp_path):
    package = copy_go(tmp_path)
    (package / "events" / "gone.json").symlink_to("missing.json")
    result = lint(package, select="PKG005")
    assert findings(result) == [("PKG005", "events/gone.json", 1)]
    assert result[0].message == "broken symbolic link; not read"


def test_clean_fixture_is_readable(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG005") == []
