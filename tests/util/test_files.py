"""pkgkit.util.files: a file is read when it is a regular file, bounded, inside its folder."""

import io
import os
import threading

import pytest

from pkgkit.util.files import (
    _CHUNK,
    FileTooLargeError,
    ReadRefusedError,
    read_at_most,
    read_regular_file,
)


@pytest.mark.parametrize("size", [0, 1, 3, 4])
def test_a_file_up_to_the_limit_is_read_whole(tmp_path, size):
    path = tmp_path / "f"
    path.write_bytes(bytes(range(65, 65 + size)))
    assert read_regular_file(str(path), 4) == path.read_bytes()


@pytest.mark.parametrize("size", [5, 9, _CHUNK + 5])
def test_a_file_past_the_limit_is_refused(tmp_path, size):
    path = tmp_path / "f"
    path.write_bytes(b"x" * size)
    with pytest.raises(FileTooLargeError, match="is larger than 4 bytes; not read"):
        read_regular_file(str(path), 4)


def test_a_file_that_grows_past_its_size_is_still_refused(tmp_path, monkeypatch):
    """The size fstat reports is not trusted: reading stops one byte past the limit."""
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    def shrunk(descriptor):
        status = list(real_fstat(descriptor))
        status[6] = 1  # st_size
        return os.stat_result(status)

    monkeypatch.setattr(os, "fstat", shrunk)
    with pytest.raises(FileTooLargeError):
        read_regular_file(str(path), 10)


def test_reads_do_not_trust_the_reported_size():
    read_end, write_end = os.pipe()  # a pipe reports size 0
    os.write(write_end, b"x" * 100)
    os.close(write_end)
    with io.FileIO(read_end, "rb") as handle:
        assert read_at_most(handle.fileno(), 1 << 20) == b"x" * 100


def test_reads_of_files_larger_than_one_request_are_whole(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b"1," * (3 * _CHUNK) + b"1]")
    assert read_regular_file(str(path), 1 << 24) == path.read_bytes()


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    done = []
    reader = threading.Thread(
        target=lambda: done.append(_refusal(pipe)), daemon=True
    )
    reader.start()
    reader.join(10)
    assert done == ["is not a regular file (a pipe, socket or device); not read"]


def _refusal(path):
    try:
        read_regular_file(str(path), 10)
    except ReadRefusedError as error:
        return error.strerror
    return None


def test_a_device_and_a_folder_are_refused(tmp_path):
    assert _refusal(os.devnull) == "is not a regular file (a pipe, socket or device); not read"
    assert _refusal(tmp_path) == "is a folder, not a file"


def test_a_link_out_of_the_folder_is_refused_unread(tmp_path):
    inside, outside = tmp_path / "package", tmp_path / "secret.txt"
    inside.mkdir()
    outside.write_text("secret", encoding="utf-8")
    (inside / "config.yaml").symlink_to(outside)
    (inside / "local.yaml").symlink_to("real.yaml")
    (inside / "real.yaml").write_text("fine", encoding="utf-8")
    with pytest.raises(ReadRefusedError) as refused:
        read_regular_file(str(inside / "config.yaml"), 100, within=str(inside))
    assert refused.value.strerror == (
        f"is a symbolic link out of {inside} (to {outside}); not read"
    )
    assert read_regular_file(str(inside / "local.yaml"), 100, within=str(inside)) == b"fine"
    assert read_regular_file(str(inside / "config.yaml"), 100) == b"secret"  # no folder given


def test_a_read_closes_its_descriptor_also_on_refusals(tmp_path, monkeypatch):
    path = tmp_path / "f.json"
    path.write_text("{}")
    opened, closed = [], []
    real_open, real_close = os.open, os.close
    monkeypatch.setattr(os, "open", lambda *args: opened.append(real_open(*args)) or opened[-1])
    monkeypatch.setattr(os, "close", lambda fd: closed.append(fd) or real_close(fd))
    assert read_regular_file(str(path), 10) == b"{}"
    with pytest.raises(ReadRefusedError):
        read_regular_file(str(tmp_path), 10)
    with pytest.raises(FileTooLargeError):
        read_regular_file(str(path), 1)
    monkeypatch.undo()
    assert len(opened) == 3
    assert closed == opened
