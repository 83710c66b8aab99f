"""pkgkit.util.atomic: users' files and pkgkit's cache files replaced atomically."""

import os
import stat
import subprocess
import sys

import pytest

from pkgkit.util.atomic import write_atomically, write_cache_file


def test_a_cache_file_is_written_owner_only_creating_its_folder(tmp_path):
    target = tmp_path / "new" / "folder" / "entry.json"
    assert write_cache_file(str(target), b'{"a": 1}') is True
    assert target.read_bytes() == b'{"a": 1}'
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [path.name for path in target.parent.iterdir()] == ["entry.json"]


def test_a_cache_file_is_replaced_whole(tmp_path):
    target = tmp_path / "entry"
    target.write_bytes(b"old content that is longer")
    data = bytes(range(256)) * 1000
    assert write_cache_file(str(target), data) is True
    assert target.read_bytes() == data


def test_a_cache_file_that_cannot_be_written_is_false_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert write_cache_file(str(blocker / "entry"), b"x") is False
    folder = tmp_path / "folder"
    (folder / "entry").mkdir(parents=True)  # a folder where the file should be
    assert write_cache_file(str(folder / "entry"), b"x") is False
    assert [path.name for path in folder.iterdir()] == ["entry"]


def test_a_users_file_keeps_its_permission_bits(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("module", ["pathlib", "tempfile", "contextlib"])
def test_importing_the_module_imports_only_os(module):
    script = (
        f"import sys\nsys.modules.pop({module!r}, None)\n"
        f"import pkgkit.util.atomic\nprint({module!r} in sys.modules)"
    )
    env = {**os.environ}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == "False"
