"""How paths are shown to the user: relative to the working directory when below it.

Shared by the engine (diagnostics) and the configuration loader (its errors); imports only
:mod:`os`.
"""

from __future__ import annotations

import os


def display_path(path: str) -> str:
    """A path relative to the working directory when it is below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") and os.path.isabs(path) else relative
