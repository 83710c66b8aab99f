"""Write a file atomically: readers see the old content or the new, never half of it.

pkgkit writes files only when asked (``--output``, ``--write-baseline``, ``render --out``, the
pre-commit configuration of ``init``) and to its result cache.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to a temporary file beside ``path``, then rename it over ``path``.

    An existing file keeps its permission bits; a new one gets ``0o666`` less the umask, as
    ``open()`` would give it.
    """
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


def current_umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
