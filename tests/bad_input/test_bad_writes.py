"""Writes go only where asked, and only as asked: regular files atomically, devices and pipes in
place, links and folders never; no temporary file survives; no cache inside a package.

Every target is made in tmp_path: a named pipe (os.mkfifo) and a pseudo-terminal (os.openpty)
stand in for devices. The one look at the system's /dev/null only reads its status, after the
pseudo-terminal has shown that a character device is written to, not replaced.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from bad_input_helpers import old_files, pkgkit
from helpers import copy_go
from pkgkit.cli import main
from pkgkit.util import atomic
from pkgkit.util.atomic import WriteRefusedError, write_atomically, write_cache_file


def _read_pipe(path, into):
    """Read the named pipe at ``path`` to its end in a thread; the text lands in ``into``."""

    def read():
        with path.open(encoding="utf-8") as stream:
            into.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_pipe_with_a_reader_is_written_to_and_stays_a_pipe(tmp_path, option):
    copy_go(tmp_path)
    (tmp_path / "go" / "events" / "bad.json").write_text("{", encoding="utf-8")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = _read_pipe(pipe, received)
    time.sleep(0.1)
    result = pkgkit(tmp_path, "lint", "--format", "json", option, str(pipe), "go")
    reader.join(10)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert '"rule": "PKG001"' in received[0]
    assert result.returncode == (1 if option == "--output" else 0)


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_pipe_nobody_reads_is_refused_at_once(tmp_path, option):
    copy_go(tmp_path)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = pkgkit(tmp_path, "lint", option, str(pipe), "go", timeout=60)
    assert result.returncode == 2
    assert result.stderr == (
        f"pkgkit: error: {option} {pipe}: cannot write: is a named pipe that nobody reads\n"
    )
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_a_character_device_is_written_to_never_replaced(tmp_path):
    """A pseudo-terminal's device receives the report; then /dev/null is still a device."""
    copy_go(tmp_path)
    (tmp_path / "go" / "events" / "bad.json").write_text("{", encoding="utf-8")
    controller, terminal = os.openpty()
    try:
        device = os.ttyname(terminal)
        result = pkgkit(tmp_path, "lint", "--format", "json", "--output", device, "go")
        os.set_blocking(controller, False)
        received = os.read(controller, 1 << 16).decode()
        still_a_device = stat.S_ISCHR(Path(device).stat().st_mode)
    finally:
        os.close(controller)
        os.close(terminal)
    assert result.returncode == 1
    assert '"rule": "PKG001"' in received
    assert still_a_device
    # The same code path for the null device: still a character device afterwards.
    result = pkgkit(tmp_path, "lint", "--output", os.devnull, "go")
    assert result.returncode == 1
    assert stat.S_ISCHR(os.lstat(os.devnull).st_mode)


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_symbolic_link_is_not_replaced(tmp_path, option):
    copy_go(tmp_path)
    target = tmp_path / "real.json"
    target.write_text("kept\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = pkgkit(tmp_path, "lint", option, str(link), "go")
    assert result.returncode == 2
    assert result.stderr == (
        f"pkgkit: error: {option} {link}: cannot write: is a symbolic link; not replaced"
        " (give its target instead)\n"
    )
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "kept\n"


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_folder_is_not_replaced(tmp_path, option):
    copy_go(tmp_path)
    folder = tmp_path / "folder"
    folder.mkdir()
    result = pkgkit(tmp_path, "lint", option, str(folder), "go")
    assert result.returncode == 2
    assert result.stderr.endswith("cannot write: is not a regular file; not replaced\n")
    assert folder.is_dir()
    assert list(tmp_path.glob(".*.tmp")) == []


def test_a_regular_file_is_replaced_keeping_its_mode_and_no_temporary_is_left(tmp_path):
    copy_go(tmp_path)
    report = tmp_path / "report.txt"
    report.write_text("old\n", encoding="utf-8")
    report.chmod(0o600)
    result = pkgkit(tmp_path, "lint", "--output", str(report), "go")
    assert result.returncode == 0
    assert report.read_text(encoding="utf-8") == "0 errors, 0 warnings, 1 package checked.\n"
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["go", "report.txt"]


def test_an_interrupted_write_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(descriptor):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_an_interrupted_cache_write_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "v1" / "entry.json"

    def interrupted(descriptor, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_cache_file(str(target), b"{}")
    monkeypatch.undo()
    assert list((tmp_path / "v1").iterdir()) == []


def test_a_symbolic_link_in_place_of_a_cache_temporary_is_not_followed(tmp_path):
    target = tmp_path / "entry.json"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("kept", encoding="utf-8")
    (tmp_path / f"entry.json.{os.getpid()}.tmp").symlink_to(elsewhere)
    assert write_cache_file(str(target), b"{}") is False
    assert elsewhere.read_text(encoding="utf-8") == "kept"
    assert not target.exists()


def test_refused_targets_raise_before_anything_is_written(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(WriteRefusedError, match="not a regular file"):
        write_atomically(tmp_path / "folder", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def test_stale_cache_temporaries_are_removed_by_a_later_run(tmp_path):
    copy_go(tmp_path)
    old_files(tmp_path / "go")  # else the result is too recent to store
    cache = tmp_path / "cache"
    entries = cache / "v1"
    entries.mkdir(parents=True)
    stale, fresh = entries / "0123.4242.tmp", entries / "0456.4243.tmp"
    stale.write_bytes(b"")
    fresh.write_bytes(b"")
    hour_ago = time.time() - atomic.STALE_SECONDS - 60
    os.utime(stale, (hour_ago, hour_ago))
    result = pkgkit(tmp_path, "lint", "go", env={"PKGKIT_CACHE_DIR": str(cache)})
    assert result.returncode == 0
    assert not stale.exists()
    assert fresh.exists()  # maybe another run's, still writing
    assert len(list(entries.glob("*.json"))) == 1


@pytest.mark.parametrize(
    ("cache_folder", "linted"),
    [("go/dashboards/cache", "other"), ("go/.cache", "go"), ("go", "go")],
    ids=["in-another-package", "in-the-linted-package", "the-linted-package"],
)
def test_a_cache_folder_inside_a_package_is_refused(tmp_path, cache_folder, linted):
    copy_go(tmp_path).rename(tmp_path / "other")
    copy_go(tmp_path)
    old_files(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    cache = tmp_path / cache_folder
    result = pkgkit(tmp_path, "lint", linted, env={"PKGKIT_CACHE_DIR": str(cache)})
    assert result.returncode == 0
    assert result.stderr == (
        f"pkgkit: the cache folder {cache} is inside the package {tmp_path / 'go'};"
        " nothing is cached (set PKGKIT_CACHE_DIR elsewhere)\n"
    )
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_render_out_removes_what_it_created_when_a_write_fails(tmp_path):
    package = copy_go(tmp_path)
    out = tmp_path / "out"
    (out / "events").mkdir(parents=True)
    # The first event cannot be written: a folder stands where its file would go.
    first = sorted((package / "events").iterdir())[0].name
    (out / "events" / first).mkdir()
    result = pkgkit(
        tmp_path, "render", "go", "--set", "servicename=a", "--set", "serviceinstanceid=b",
        "--out", str(out),
    )
    assert (result.returncode, result.stdout) == (2, "")  # no 'wrote' for what is removed
    assert result.stderr.endswith(": is not a regular file; not replaced (nothing this run"
                                  " created is left)\n")
    # dashboards/ (created by this run, then written) is gone; events/ was there before.
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "events", f"events/{first}"
    ]


def test_render_out_interrupted_removes_what_it_created(tmp_path, monkeypatch, capsys):
    """Ctrl-C while the second file is written: the first file and every folder this run
    created are removed, the folder that was there stays, and the exit code is 130."""
    package = copy_go(tmp_path)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "new" / "deeper"
    written = []

    def interrupted_on_the_second(path, text):
        if written:
            raise KeyboardInterrupt
        written.append(path)
        write_atomically(path, text)

    monkeypatch.setattr(atomic, "write_atomically", interrupted_on_the_second)
    code = main(["render", str(package), "--set", "servicename=a", "--set",
                 "serviceinstanceid=b", "--out", str(out)])
    assert code == 130
    assert len(written) == 1
    assert list((tmp_path / "out").iterdir()) == []
    assert capsys.readouterr() == ("", "pkgkit: interrupted\n")


def test_init_refuses_a_pre_commit_configuration_that_is_no_regular_file(tmp_path):
    (tmp_path / ".git").mkdir()
    os.mkfifo(tmp_path / ".pre-commit-config.yaml")
    result = pkgkit(tmp_path, "init", "demo", "--dir", str(tmp_path), timeout=60)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"pkgkit: error: {tmp_path / '.pre-commit-config.yaml'}: cannot read it (is not a regular"
        " file (a pipe, socket or device); not read)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", ".pre-commit-config.yaml"]


def test_init_does_not_replace_a_linked_pre_commit_configuration(tmp_path):
    (tmp_path / ".git").mkdir()
    shared = tmp_path / "shared.yaml"
    shared.write_text("repos: []\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").symlink_to(shared)
    result = pkgkit(tmp_path, "init", "demo", "--dir", str(tmp_path), timeout=60)
    assert result.returncode == 2
    assert result.stderr.endswith(
        "cannot write it (is a symbolic link; not replaced (give its target instead));"
        " the package was created, add the hook by hand\n"
    )
    assert (tmp_path / ".pre-commit-config.yaml").is_symlink()
    assert shared.read_text(encoding="utf-8") == "repos: []\n"
    assert (tmp_path / "demo" / "package.json").is_file()
