"""The ``pkgkit`` console script: :func:`pkgkit.cli.main` with pkgkit's modules from the code cache.

The finder of :mod:`pkgkit.codecache` is installed before :mod:`pkgkit.cli` is imported, so
every module of the run after this one (and the command line's own) can come from the cache; the
cache is brought up to date once the command has finished and its output is flushed. A cache
that cannot be used or written changes nothing but the start-up time.
"""

from __future__ import annotations

import os
import sys

from pkgkit import codecache
from pkgkit.paths import cache_dir


def main() -> int:
    """Run the command line of ``sys.argv`` and return its exit code."""
    folder = cache_dir()
    finder = _install(folder)
    from pkgkit.cli import main as run  # noqa: PLC0415 - served by the finder

    code = run()
    _flush()
    _save(folder, finder)
    return code


def _install(folder: str) -> codecache.CodeCacheFinder | None:
    try:
        return codecache.install(folder)
    except Exception:
        if os.environ.get("PKGKIT_DEBUG"):
            raise
        return None


def _save(folder: str, finder: codecache.CodeCacheFinder | None) -> None:
    try:
        codecache.save(folder, finder)
    except Exception:
        if os.environ.get("PKGKIT_DEBUG"):
            raise


def _flush() -> None:
    """Flush the command's output before the cache is written (a reader of a pipe sees it all)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            continue
