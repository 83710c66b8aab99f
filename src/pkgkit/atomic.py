"""Write a file atomically: readers see the old content or the new, never half of it.

pkgkit writes files only when asked (``--output``, ``--write-baseline``, ``render --out``, the
pre-commit configuration of ``init``) and to its own caches (the result cache, the code cache).
A user's file is flushed to disk before it replaces the old one and keeps its permission bits;
a cache file is neither (a cache file lost in a crash is a miss), and this module imports only
:mod:`os` until a user's file is written.
"""

from __future__ import annotations

import os


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to a temporary file beside ``path``, then rename it over ``path``.

    An existing file keeps its permission bits; a new one gets ``0o666`` less the umask, as
    ``open()`` would give it.
    """
    import contextlib  # noqa: PLC0415 - a user's file only: the caches do without
    import tempfile  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    target = Path(path)
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~current_umask()
    descriptor, temporary = tempfile.mkstemp(
        dir=target.resolve().parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def write_cache_file(path: str, data: bytes) -> bool:
    """Replace one of pkgkit's cache files with ``data``, atomically; False when it cannot be
    written (the folder is created when missing).

    The temporary file beside it (named by the process, so that concurrent runs do not share
    one) is readable by its owner only and is not synced to disk.
    """
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            _write_all(descriptor, data)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except OSError:
        try:  # noqa: SIM105 - contextlib is kept off the lint path
            os.unlink(temporary)
        except OSError:
            pass
        return False
    return True


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def current_umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
