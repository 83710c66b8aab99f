"""pkgkit.util.packaged.read_text reads what pkgutil.get_data reads, from a folder or a zip."""

import pkgutil
import sys
import zipfile

import pytest

from pkgkit.schemas.validation import SCHEMA_FILES
from pkgkit.util.packaged import read_text


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES.values()))
def test_installed_schemas_read_as_pkgutil_reads_them(name):
    data = pkgutil.get_data("pkgkit.schemas", name)
    assert data is not None
    assert read_text("pkgkit.schemas", name) == data.decode("utf-8")


def test_a_data_file_inside_a_zip(tmp_path, monkeypatch):
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zippedpkg/__init__.py", "")
        zipped.writestr("zippedpkg/data/notes.txt", "é\n")
    monkeypatch.syspath_prepend(str(archive))
    monkeypatch.delitem(sys.modules, "zippedpkg", raising=False)
    assert read_text("zippedpkg", "data/notes.txt") == "é\n"
    assert pkgutil.get_data("zippedpkg", "data/notes.txt") == "é\n".encode()


def test_a_missing_data_file_raises():
    with pytest.raises(FileNotFoundError):
        read_text("pkgkit.schemas", "no-such.schema.json")


def test_a_namespace_package_has_no_data_files(tmp_path, monkeypatch):
    (tmp_path / "nspkg").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "nspkg", raising=False)
    with pytest.raises(FileNotFoundError, match="cannot read files"):
        read_text("nspkg", "x.txt")
