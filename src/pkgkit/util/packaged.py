"""Data files installed with pkgkit (schemas, the built-in catalogue), read through the loader.

The package's own loader reads them (as ``pkgutil.get_data`` does), so any loader that can read
files works (a folder, a zip). Neither :mod:`pkgutil` (its import pulls in :mod:`weakref`) nor
``importlib.resources`` (about 10 ms of imports: its readers pull in ``zipfile``, ``tempfile``
and ``threading``) is imported on the lint path.
"""

from __future__ import annotations

import importlib
import os


def read_text(package: str, name: str) -> str:
    """The UTF-8 text of the data file ``name`` (``/``-separated) of the installed ``package``."""
    module = importlib.import_module(package)
    loader = module.__spec__.loader if module.__spec__ is not None else None
    get_data = getattr(loader, "get_data", None)
    origin = getattr(module, "__file__", None)
    if get_data is None or not origin:
        raise FileNotFoundError(f"{package}: no data file {name!r} (its loader cannot read files)")
    # loader.get_data takes an os.path name below the package's __file__ (as in pkgutil.get_data)
    path = os.path.join(os.path.dirname(origin), *name.split("/"))  # noqa: PTH118, PTH120
    data: bytes = get_data(path)
    return data.decode("utf-8")
