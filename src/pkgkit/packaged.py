"""Data files installed with pkgkit (schemas, the built-in catalogue), read through the loader.

``pkgutil.get_data`` works for any loader that can read files (a folder, a zip) and imports
nothing new on the lint path; ``importlib.resources`` costs about 10 ms of imports (its
readers pull in ``zipfile``, ``tempfile`` and ``threading``) before the first file is read.
"""

from __future__ import annotations

import pkgutil


def read_text(package: str, name: str) -> str:
    """The UTF-8 text of the data file ``name`` (``/``-separated) of the installed ``package``."""
    data = pkgutil.get_data(package, name)
    if data is None:
        raise FileNotFoundError(f"{package}: no data file {name!r} (its loader cannot read files)")
    return data.decode("utf-8")
