"""The ``pkgkit`` console script: :func:`pkgkit.cli.main` with pkgkit's modules from the code cache.

The finder of :mod:`pkgkit.codecache` is installed before :mod:`pkgkit.cli` is imported, so
every module of the run after this one (and the command line's own) can come from the cache; the
cache is brought up to date once the command has finished and its output is flushed. A cache
that cannot be used or written changes nothing but the start-up time.

``pkgkit lint`` then ends the process at once (:func:`os._exit`, as mypy does): its output is
flushed and its files are closed, and the interpreter's teardown (every module, every object
freed) would only add about a millisecond to a run that takes a few dozen. Other commands (a
pytest session, a pool of workers) exit the regular way.
"""

from __future__ import annotations

import gc
import os
import sys

from pkgkit import codecache
from pkgkit.util.paths import cache_dir

#: Commands that end the process without the interpreter's teardown.
QUICK_EXIT = frozenset({"lint"})
#: The cyclic collector's threshold for new objects while the command starts (700 by default).
#: While pkgkit's modules are imported nearly every object survives, and a cold ``pkgkit lint``
#: spent ~1.5 ms in a dozen collections of them (its start creates ~14,000 more objects than it
#: frees). The first collection, in a longer run, restores the default: raised for a whole run
#: of 1,000 packages (each leaves ~150 objects in reference cycles), collections walked tens of
#: thousands of objects at a time and the peak memory grew with the number of packages.
GC_THRESHOLD = 20_000


def main() -> int:
    """The console script: run the command line of ``sys.argv``, then exit with its code."""
    code = run()
    if sys.argv[1:2] and sys.argv[1] in QUICK_EXIT:
        os._exit(code)
    return code


def run() -> int:
    """Run the command line of ``sys.argv`` with the code cache; return its exit code."""
    _raise_collector_threshold()
    folder = cache_dir()
    finder = _install(folder)
    from pkgkit.cli import main as cli_main  # noqa: PLC0415 - served by the finder

    code = cli_main()
    if not _flushed() and code == 0:
        code = 2  # the output did not reach its reader
    _save(folder, finder)
    return code


def _raise_collector_threshold() -> None:
    """:data:`GC_THRESHOLD` until the first collection, which restores the thresholds."""
    thresholds = gc.get_threshold()

    def restore(phase: str, info: dict[str, int]) -> None:
        del info
        if phase == "start" and restore in gc.callbacks:
            gc.set_threshold(*thresholds)
            gc.callbacks.remove(restore)

    gc.set_threshold(GC_THRESHOLD)
    gc.callbacks.append(restore)


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


def _flushed() -> bool:
    """Flush the command's output before the cache is written (a reader of a pipe sees it all);
    False when standard output could not be written."""
    flushed = True
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            flushed = flushed and stream is not sys.stdout
    return flushed
