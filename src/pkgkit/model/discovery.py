"""Where packages are: the folder layout of a package and discovery of packages under a folder.

Imports only :mod:`os`, so the cached fast path of ``pkgkit lint`` can find packages without
loading the model.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

#: Content folders and the artifact kind of the JSON files inside them.
CONTENT_FOLDERS: dict[str, str] = {
    "dashboards": "dashboard",
    "events": "event",
    "entities": "entity",
    "smart-alerts": "smart-alert",
}
MANIFEST = "package.json"
README = "README.md"
#: Configuration file names looked for in each folder above a package, most specific first
#: (here, not in :mod:`pkgkit.config`, so the result cache can stat them without importing it).
CONFIG_FILES = (".pkgkit.yaml", ".pkgkit.yml", "pyproject.toml")
_SKIPPED_DIRS = {"node_modules", "__pycache__"}


def is_package_dir(path: str) -> bool:
    """A folder holding package.json plus at least one content folder."""
    if not os.path.isfile(os.path.join(path, MANIFEST)):
        return False
    return any(os.path.isdir(os.path.join(path, folder)) for folder in CONTENT_FOLDERS)


def has_content_folders(path: str) -> bool:
    """True when any content folder exists directly under ``path``."""
    return any(os.path.isdir(os.path.join(path, folder)) for folder in CONTENT_FOLDERS)


def discover_packages(path: str) -> Iterator[str]:
    """Package folders at or under ``path`` (a package, or a folder above packages).

    ``path`` itself counts as a package when it holds package.json or any content folder (a
    missing package.json is then a finding, not a reason to look elsewhere). Below it, only
    folders with package.json and a content folder count; packages do not nest, hidden folders
    and node_modules are skipped, and symbolic links to folders are not followed.
    """
    if os.path.isfile(os.path.join(path, MANIFEST)) or has_content_folders(path):
        yield path
        return
    pending = [path]
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        below: list[str] = []
        for entry in entries:
            if entry.name.startswith(".") or entry.name in _SKIPPED_DIRS:
                continue
            if entry.is_dir(follow_symlinks=False):
                if is_package_dir(entry.path):
                    yield entry.path
                else:
                    below.append(entry.path)
        pending.extend(reversed(below))
