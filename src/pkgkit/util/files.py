"""Read a user's file safely: a regular file only, bounded in size, never through a link out.

Every file pkgkit reads that a user or a package provides (configuration files, event rule
tests, registries, baselines, cache entries, the files of a package) is read with
:func:`read_regular_file`, which promises:

* nothing hangs: the file is opened without blocking (a named pipe with no writer opens at
  once) and anything but a regular file (a pipe, a socket, ``/dev/zero``) is refused unread;
* nothing is read past ``limit`` bytes (a file larger than that is refused, however it grows);
* with ``within``, a path that resolves out of that folder (through a symbolic link) is refused
  before it is opened, so neither its content nor its size reaches a message.

Imports only :mod:`os`, :mod:`errno` and :mod:`stat` (the lint path uses it).
"""

from __future__ import annotations

import errno
import os
import stat

_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
#: Bytes asked for by each read: most files are kilobytes, so one read and one that finds the end.
_CHUNK = 1 << 16


class ReadRefusedError(OSError):
    """A file pkgkit does not read: not a regular file, too large, or a link out of its folder.

    ``strerror`` says why, as for any :class:`OSError` (callers show it the same way).
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(errno.EPERM, reason, path)


class FileTooLargeError(ReadRefusedError):
    """A regular file larger than the limit it was read with."""

    def __init__(self, path: str, limit: int) -> None:
        super().__init__(path, too_large(limit))
        self.limit = limit


def read_regular_file(path: str, limit: int, *, within: str | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises :class:`ReadRefusedError` for anything but a regular file, a file larger than
    ``limit`` bytes, or (with ``within``) a path whose real location is not inside the folder
    ``within``; :class:`OSError` (``FileNotFoundError`` ...) when it cannot be opened or read.
    """
    if within is not None and not is_within(path, within):
        target = os.path.realpath(path)
        raise ReadRefusedError(path, f"is a symbolic link out of {within} (to {target}); not read")
    descriptor = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_CLOEXEC)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ReadRefusedError(path, _not_regular(status.st_mode))
        if status.st_size > limit:
            raise FileTooLargeError(path, limit)
        data = read_at_most(descriptor, limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise FileTooLargeError(path, limit)
    return data


def is_within(path: str, folder: str) -> bool:
    """True when the real location of ``path`` is ``folder`` or inside it (links resolved)."""
    real, real_folder = os.path.realpath(path), os.path.realpath(folder)
    return real == real_folder or real.startswith(real_folder.rstrip(os.sep) + os.sep)


def too_large(limit: int) -> str:
    """How a file over ``limit`` bytes is described: ``is larger than 1 MiB; not read``."""
    mib = 1024 * 1024
    shown = f"{limit // mib} MiB" if limit % mib == 0 else f"{limit:,} bytes"
    return f"is larger than {shown}; not read"


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    return "is not a regular file (a pipe, socket or device); not read"


def read_at_most(descriptor: int, limit: int) -> bytes:
    """What the open file ``descriptor`` holds from where it is, up to ``limit`` bytes.

    Reads until the end (an empty read) rather than trusting a short read or a reported size.
    """
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = os.read(descriptor, min(_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
