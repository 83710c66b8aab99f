"""``pkgkit lint [PATH ...] [--format text|json] [--no-cache]`` recognised without argparse.

When every package under the given folders has a current cache entry, the report is printed
from the cache without importing argparse, the model, the rules or their libraries: a warm run
costs little more than starting Python. Anything else (another command or option, a file path,
a missing folder, GitHub's default format, ``--no-cache``, one package without a current entry)
returns None and the full command line runs, which reads the entries that do match, package by
package. A recognised command line is parsed without argparse then too
(:func:`pkgkit.commands.lint.plain_args`).
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

#: Formats whose reporters are cheap to import.
FORMATS = ("text", "json")


def cached_lint(argv: Sequence[str]) -> int | None:
    """Print the cached report and return its exit code, or None to run the full command."""
    request = plain_lint(argv)
    if request is None or request[2]:
        return None
    paths, output_format, _ = request
    results = _cached_results(paths)
    if results is None:
        return None
    if output_format == "json":
        from pkgkit.reporters.json_reporter import render_data  # noqa: PLC0415
    else:
        from pkgkit.reporters.text import render_data  # noqa: PLC0415
    render_data(results, sys.stdout)
    errors = (item["severity"] == "error" for result in results for item in result["diagnostics"])
    return 1 if any(errors) else 0


def plain_lint(argv: Sequence[str]) -> tuple[list[str], str, bool] | None:
    """``(paths, format, no_cache)`` of ``lint`` with folders, at most one ``--format`` and any
    ``--no-cache``, written as argparse reads them, else None.

    The folders form one run, as argparse takes them (``lint a --no-cache b`` is an error).
    """
    if not argv or argv[0] != "lint":
        return None
    paths: list[str] = []
    output_format = None
    no_cache = False
    rest = list(argv[1:])
    after_paths = False  # an option came after the folders: no folder may follow
    while rest:
        argument = rest.pop(0)
        if argument == "--format" and rest and output_format is None:
            output_format = rest.pop(0)
        elif argument.startswith("--format=") and output_format is None:
            output_format = argument.removeprefix("--format=")
        elif argument == "--no-cache":
            no_cache = True
        elif argument.startswith("-") or after_paths or not os.path.isdir(argument):
            return None
        else:
            paths.append(argument)
            continue
        after_paths = bool(paths)
    if output_format is None and os.environ.get("GITHUB_ACTIONS") == "true":
        return None
    output_format = "text" if output_format is None else output_format
    return (paths or ["."], output_format, no_cache) if output_format in FORMATS else None


def _cached_results(paths: list[str]) -> list[dict[str, Any]] | None:
    """Every package's cached result, in lint order; None when any one is missing or stale."""
    from pkgkit.lint.cache import DEFAULT_OPTIONS, ResultCache  # noqa: PLC0415
    from pkgkit.model.discovery import discover_packages  # noqa: PLC0415
    from pkgkit.util.paths import cache_dir  # noqa: PLC0415

    roots = dict.fromkeys(os.path.normpath(path) for path in paths)
    packages = dict.fromkeys(pkg for root in roots for pkg in discover_packages(root))
    if not packages:
        return None
    cache = ResultCache(cache_dir())
    results = []
    for package in packages:
        result = cache.get_unconfigured(package, DEFAULT_OPTIONS)
        if result is None:
            return None
        results.append(result)
    return results
