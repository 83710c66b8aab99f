"""Where pkgkit's paths are: how a path is shown to the user, and the cache folder.

Shared by the engine (diagnostics), the configuration loader (its errors) and the result cache.
"""

from __future__ import annotations

import os


def display_path(path: str) -> str:
    """A path relative to the working directory when it is below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") and os.path.isabs(path) else relative


def cache_dir() -> str:
    """``$PKGKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/pkgkit``, else ``~/.cache/pkgkit``."""
    explicit = os.environ.get("PKGKIT_CACHE_DIR")
    if explicit:
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = xdg if xdg and os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "pkgkit")
