"""Where packages are: the folder layout of a package and discovery of packages under a folder.

Finding a package's configuration file is here too (:func:`find_config_file`);
:mod:`pkgkit.lint.config` reads it.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

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
#: (here, not in :mod:`pkgkit.lint.config`, so the result cache can stat them without importing it).
CONFIG_FILES = (".pkgkit.yaml", ".pkgkit.yml", "pyproject.toml")
#: Configuration files are a few lines; anything larger is refused unread.
MAX_CONFIG_BYTES = 1024 * 1024
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


def find_config_file(
    start: str,
    memo: dict[str, str | None] | None = None,
    real_parents: dict[str, str] | None = None,
) -> str | None:
    """The nearest configuration file at or above the folder ``start``.

    In each folder ``.pkgkit.yaml``, ``.pkgkit.yml``, then a ``pyproject.toml`` with a
    ``[tool.pkgkit]`` table; the walk stops after the folder holding ``.git`` (the repository
    root) or at the filesystem root. ``memo`` (resolved folder -> answer) is read and filled,
    so packages side by side look at their common parents once; ``real_parents`` (folder ->
    its real path) too, so they resolve their common parent once (:func:`real_path`).
    """
    folder = os.path.realpath(start) if real_parents is None else real_path(start, real_parents)
    walked: list[str] = []
    found: str | None = None
    while True:
        if memo is not None and folder in memo:
            found = memo[folder]
            break
        walked.append(folder)
        found = _config_in(folder)
        parent = os.path.dirname(folder)
        if found is not None or parent == folder or os.path.exists(os.path.join(folder, ".git")):
            break
        folder = parent
    if memo is not None:
        memo.update(dict.fromkeys(walked, found))
    return found


def real_path(path: str, real_parents: dict[str, str]) -> str:
    """``os.path.realpath(path)``, the real path of its folder taken from ``real_parents``.

    ``realpath`` looks at every folder of the path (an ``lstat`` each); a path that is no link
    is its folder's real path and its name. ``real_parents`` (folder as written -> real path)
    is read and filled.
    """
    parent, name = os.path.split(path)
    if not parent or name in ("", ".", "..") or ".." in parent or os.path.islink(path):
        return os.path.realpath(path)  # ("x/missing/../link": the system finds no link there)
    real_parent = real_parents.get(parent)
    if real_parent is None:
        real_parent = real_parents[parent] = os.path.realpath(parent)
    return os.path.join(real_parent, name)


def _config_in(folder: str) -> str | None:
    """The configuration file of one folder, if it has one."""
    for name in CONFIG_FILES:
        candidate = os.path.join(folder, name)
        if not os.path.isfile(candidate):
            continue
        if name != "pyproject.toml" or _has_tool_table(candidate, folder):
            return candidate
    return None


def _has_tool_table(path: str, folder: str) -> bool:
    """A cheap text test, so that pyproject.toml files of other tools cost no TOML parse.

    A pyproject.toml that is no regular file inside ``folder`` has none (it is some other
    tool's). One larger than :data:`MAX_CONFIG_BYTES` may have one: it is taken, for the
    configuration loader to refuse it, named (as it refuses a ``.pkgkit.yaml`` that large).
    """
    from pkgkit.util.files import FileTooLargeError, read_regular_file  # noqa: PLC0415

    try:
        text = read_regular_file(path, MAX_CONFIG_BYTES, within=folder)
    except FileTooLargeError:
        return True
    except OSError:
        return False
    return opens_tool_table(text.decode("utf-8", errors="replace"))


#: A line that opens the ``[tool.pkgkit]`` table or a table inside it (``re.MULTILINE``).
_TOOL_TABLE = r"""^\s*\[\s*["']?tool["']?\s*\.\s*["']?pkgkit["']?\s*[\].]"""


def opens_tool_table(text: str) -> bool:
    """Whether a line of ``text`` opens the ``[tool.pkgkit]`` table or a table inside it."""
    return re.search(_TOOL_TABLE, text, re.MULTILINE) is not None
