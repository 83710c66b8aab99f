"""Write files safely: a regular file atomically, a device or pipe in place, anything else never.

pkgkit writes files only when asked (``--output``, ``--write-baseline``, ``render --out``, the
pre-commit configuration of ``init``) and to its own result cache.
Every writer goes through this module, which promises:

* a regular file (or a new one) is replaced atomically: readers see the old content or the
  new, never half of it; a user's file is flushed to disk first and keeps its permission bits;
* a character device (``/dev/null``, a terminal) or a named pipe is written to, as ``ruff
  --output-file /dev/null`` or a shell's ``>`` would, never replaced by a file; a pipe nobody
  reads is refused at once rather than waited on;
* a symbolic link, a folder, a socket or a block device is refused (:class:`WriteRefusedError`),
  never replaced;
* the temporary file beside the target is removed on every way out (errors and interrupts
  included); a cache's temporaries left by a killed process are removed by a later run
  (:func:`remove_stale_temporaries`).

Imports only :mod:`os` and :mod:`stat` until a user's file is written (the caches do without
:mod:`tempfile`).
"""

from __future__ import annotations

import errno
import os
import stat
import time

#: A cache's temporary file older than this (seconds) belongs to a process that died.
STALE_SECONDS = 3600

_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class WriteRefusedError(OSError):
    """The target is not something pkgkit writes: a symbolic link, a folder, a socket, a pipe
    nobody reads. ``strerror`` says which (callers show it as for any :class:`OSError`)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(errno.EPERM, reason, path)


def write_atomically(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write ``text`` (``str`` is encoded as UTF-8) to the file at ``path``.

    A regular file, or a new one, is replaced atomically by a temporary file beside it, synced
    first; an existing file keeps its permission bits, a new one gets ``0o666`` less the umask,
    as ``open()`` would give it. A character device or named pipe is written to in place. Raises
    :class:`WriteRefusedError` for anything else (nothing is written) and :class:`OSError` when
    writing fails (the target is then unchanged).
    """
    target = os.fspath(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    status = _lstat(target)
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_in_place(target, status, data)
        return
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~current_umask()
    _replace(target, data, mode)


def _lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _write_in_place(path: str, status: os.stat_result, data: bytes) -> None:
    """Write into a character device or named pipe; refuse anything else that is not a file."""
    if stat.S_ISLNK(status.st_mode):
        raise WriteRefusedError(path, "is a symbolic link; not replaced (give its target instead)")
    if not (stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode)):
        raise WriteRefusedError(path, "is not a regular file; not replaced")
    try:
        # Non-blocking: a pipe without a reader fails at once (ENXIO) instead of waiting.
        descriptor = os.open(path, os.O_WRONLY | _O_NONBLOCK | _O_NOFOLLOW | _O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise WriteRefusedError(path, "is a named pipe that nobody reads") from None
        raise
    try:
        now = os.fstat(descriptor)
        if not (stat.S_ISCHR(now.st_mode) or stat.S_ISFIFO(now.st_mode)):
            raise WriteRefusedError(path, "is not a regular file; not replaced")
        os.set_blocking(descriptor, True)
        _write_all(descriptor, data)
    finally:
        os.close(descriptor)


def _replace(path: str, data: bytes, mode: int) -> None:
    """A temporary file beside ``path``, synced, given ``mode``, renamed over ``path``."""
    import tempfile  # noqa: PLC0415 - a user's file only: the caches do without

    folder, name = os.path.split(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
            os.fchmod(descriptor, mode)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise


def write_cache_file(path: str, data: bytes) -> bool:
    """Replace one of pkgkit's cache files with ``data``, atomically; False when it cannot be
    written (the folder is created when missing).

    The temporary file beside it (named by the process, so that concurrent runs do not share
    one) is readable by its owner only, is not synced to disk and is removed on every way out
    but a kill (:func:`remove_stale_temporaries` removes those).
    """
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _O_NOFOLLOW | _O_CLOEXEC
        descriptor = os.open(temporary, flags, 0o600)
        try:
            _write_all(descriptor, data)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except OSError:
        _remove(temporary)
        return False
    except BaseException:
        _remove(temporary)
        raise
    return True


def remove_stale_temporaries(folder: str, older_than: float = STALE_SECONDS) -> int:
    """Remove the ``*.tmp`` files of :func:`write_cache_file` in ``folder`` that were last
    modified more than ``older_than`` seconds ago (a process killed while writing); how many."""
    deadline = time.time() - older_than
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.endswith(".tmp"):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < deadline:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def _remove(path: str) -> None:
    try:  # noqa: SIM105 - contextlib is kept off the lint path
        os.unlink(path)
    except OSError:
        pass


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def current_umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
