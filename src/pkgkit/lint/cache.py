"""The result cache of ``pkgkit lint``: a package whose inputs did not change is not linted again.

One entry per package (and working directory) in the cache folder
(:func:`pkgkit.util.paths.cache_dir`: ``$PKGKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/pkgkit``, else
``~/.cache/pkgkit``); never inside the package being linted (such a folder is not used). An
entry holds the package's result (plain data, see :func:`pkgkit.lint.report.result_as_data`) under a
key of everything the result depends on:

* pkgkit's version and a signature of its installed source and schema files (count and newest
  ``mtime_ns``, so an edited editable install does not serve stale results), and the Python version;
* the working directory and the package path as given (reported paths are relative to them);
* the lint options (``--select``, ``--ignore``, ``--strict``, ``--config``, ``--isolated``) and
  ``(mode, size, mtime_ns, ctime_ns, inode)`` of every configuration-file candidate on the walk up
  from the package (or of ``--config``);
* the same figures of every file and folder the package is read from: package.json, README.md,
  the content folders recursively (symbolic links with their target) and the registry files.

The engine also stores the effective configuration and compares it on lookup. Entries are
written atomically; one that cannot be read or parsed, or that does not match, is a miss, and a
cache folder that cannot be written is ignored: the cache never changes what is reported.

``pkgkit lint`` consults it per package (:func:`pkgkit.commands.lint.lint_configured`): a
package whose entry matches is neither read nor checked.
"""

from __future__ import annotations

import json
import os
import sys
import time
import zlib
from typing import TYPE_CHECKING

from pkgkit import __version__
from pkgkit.model.discovery import (
    CONFIG_FILES,
    CONTENT_FOLDERS,
    MANIFEST,
    README,
    is_package_dir,
)
from pkgkit.util.files import read_regular_file

if TYPE_CHECKING:
    from typing import Any, TypeGuard

    from pkgkit.lint.report import PackageResult

#: Bumped whenever the entry layout changes.
FORMAT = 1
#: An entry larger than this is not read (a package with 10,000 findings stores about 3 MiB).
MAX_ENTRY_BYTES = 64 * 1024 * 1024
#: A file modified this recently (ns) may change again within one timestamp tick, unseen: a
#: result that depends on it is not stored (git's "racily clean" entries).
RACY_NS = 2_000_000_000


def _stat(path: str, *, follow: bool = True) -> list[int] | None:
    """What identifies a version of a file: mode, size, modification and change times, inode."""
    try:
        st = os.stat(path, follow_symlinks=follow)
    except (OSError, ValueError):
        return None
    return [st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


_signature: list[Any] | None = None


def source_signature() -> list[Any]:
    """pkgkit's version, the Python version, and count + newest mtime of pkgkit's own files."""
    global _signature  # noqa: PLW0603 - computed once per process
    if _signature is None:
        package_folder = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        count, newest = 0, 0
        for mtime in _file_mtimes(package_folder):
            count, newest = count + 1, max(newest, mtime)
        _signature = [__version__, sys.version, count, newest]
    return _signature


def _file_mtimes(folder: str) -> list[int]:
    found: list[int] = []
    pending = [folder]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    pending.append(entry.path)
            else:
                found.append(_mtime(entry))
    return found


def _mtime(entry: os.DirEntry[str]) -> int:
    try:
        return entry.stat().st_mtime_ns
    except OSError:
        return 0


def package_files(root: str, registries: list[str]) -> list[Any]:
    """Stat of everything the package is read from, in a fixed order."""
    files: list[Any] = []
    for name in (MANIFEST, README):
        files.append([name, _stat(os.path.join(root, name), follow=False)])
        files.append(_stat_link(root, name))
    for folder in CONTENT_FOLDERS:
        files.extend(_tree(root, folder))
    files.extend(["registry", path, _stat(os.path.join(root, path))] for path in registries)
    return files


def _stat_link(root: str, relpath: str) -> list[Any]:
    """A path's target: where a symbolic link leads and what is there (None for no link)."""
    path = os.path.join(root, relpath)
    try:
        target = os.readlink(path)
    except (OSError, ValueError):
        return [relpath, None]
    return [relpath, target, os.path.realpath(path), _stat(path)]


def _tree(root: str, folder: str) -> list[Any]:
    """A content folder (followed when it is a link, as the loader does) and all below it."""
    found: list[Any] = [[folder, _stat(os.path.join(root, folder))], _stat_link(root, folder)]
    pending = [folder]
    while pending:
        relative = pending.pop()
        try:
            entries = sorted(os.scandir(os.path.join(root, relative)), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            relpath = f"{relative}/{entry.name}"
            found.append([relpath, _stat(entry.path, follow=False)])
            if entry.is_symlink():
                found.append(_stat_link(root, relpath))
            elif entry.is_dir():
                pending.append(relpath)
    return found


class ResultCache:
    """Package results on disk, keyed by their inputs."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._real = os.path.realpath(folder)
        self._folders: dict[str, list[Any]] = {}
        self._writable: bool | None = None

    def key(self, root: str, options: dict[str, Any], registries: list[str]) -> dict[str, Any]:
        """Everything the result of the package at ``root`` depends on, as plain data."""
        return {
            "format": FORMAT,
            "pkgkit": source_signature(),
            "cwd": os.getcwd(),
            "root": root,
            "options": options,
            "config_files": self._config_inputs(root, options),
            "registries": registries,
            "files": package_files(root, registries),
        }

    def _config_inputs(self, root: str, options: dict[str, Any]) -> list[Any]:
        """Stat of ``--config``, or of every candidate on the walk up (as find_config_file)."""
        if options["config"]:
            return [["config", options["config"], _stat(options["config"])]]
        if options["isolated"]:
            return []
        folder = os.path.realpath(root)
        inputs = []
        while True:
            inputs.append(self._folder_inputs(folder))
            parent = os.path.dirname(folder)
            if parent == folder or inputs[-1][2]:
                return inputs
            folder = parent

    def _folder_inputs(self, folder: str) -> list[Any]:
        if folder not in self._folders:
            stats = [_stat(os.path.join(folder, name)) for name in CONFIG_FILES]
            self._folders[folder] = [folder, stats, os.path.exists(os.path.join(folder, ".git"))]
        return self._folders[folder]

    def _entry_path(self, root: str) -> str | None:
        """The entry file of a package, or None when the cache folder is inside the package."""
        real_root = os.path.realpath(root)
        if self._real == real_root or self._real.startswith(real_root.rstrip(os.sep) + os.sep):
            return None
        # Only names the file: the key inside records both, so a collision is merely a miss.
        raw = f"{os.getcwd()}\0{root}".encode()
        name = f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}{len(raw):x}"
        return os.path.join(self.folder, f"v{FORMAT}", f"{name}.json")

    def _read(self, root: str) -> dict[str, Any] | None:
        path = self._entry_path(root)
        if path is None:
            return None
        try:
            entry = json.loads(read_regular_file(path, MAX_ENTRY_BYTES))
        except (OSError, ValueError, RecursionError):  # unreadable, not JSON, nested too deep
            return None
        return entry if isinstance(entry, dict) else None

    def get(
        self, root: str, key: dict[str, Any], config: dict[str, Any] | None = None
    ) -> PackageResult | None:
        """The stored result when ``key`` (and ``config``, when given) match, else None."""
        entry = self._read(root)
        if entry is None or entry.get("key") != key:
            return None
        if config is not None and entry.get("config") != config:
            return None
        return _result(entry)

    def put(
        self, root: str, key: dict[str, Any], config: dict[str, Any], result: PackageResult
    ) -> None:
        """Store a result; a folder that cannot be written is ignored, a racy key not stored.

        Nothing is written into a cache folder inside any package (:meth:`writable`).
        """
        path = self._entry_path(root)
        if not self.writable() or path is None or _newest_mtime(key) > time.time_ns() - RACY_NS:
            return
        from pkgkit.lint.report import result_as_data  # noqa: PLC0415
        from pkgkit.util.atomic import write_cache_file  # noqa: PLC0415 - only on a miss

        text = json.dumps({"key": key, "config": config, "result": result_as_data(result)})
        write_cache_file(path, text.encode())

    def writable(self) -> bool:
        """False when the cache folder is inside a package (pkgkit never writes into one).

        Decided on the first write of the process, which also removes the temporary files that
        a run killed while writing left behind.
        """
        if self._writable is None:
            package = package_holding(self._real)
            self._writable = package is None
            if package is not None:
                sys.stderr.write(
                    f"pkgkit: the cache folder {self.folder} is inside the package {package};"
                    " nothing is cached (set PKGKIT_CACHE_DIR elsewhere)\n"
                )
            else:
                from pkgkit.util.atomic import remove_stale_temporaries  # noqa: PLC0415

                remove_stale_temporaries(os.path.join(self.folder, f"v{FORMAT}"))
        return self._writable


def package_holding(folder: str) -> str | None:
    """The package folder (package.json and a content folder) that ``folder`` is in, if any."""
    current = folder
    while True:
        if is_package_dir(current):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _newest_mtime(value: object) -> int:
    """The newest ``mtime_ns`` of the stat records (lists of five integers) in a key."""
    if not isinstance(value, list | dict):
        return 0
    items = list(value.values()) if isinstance(value, dict) else value
    if len(items) == 5 and all(type(item) is int for item in items):
        return int(items[2])
    return max((_newest_mtime(item) for item in items), default=0)


def _result(entry: dict[str, Any]) -> PackageResult | None:
    """The entry's result, or None when it is not what ``result_as_data`` writes."""
    from pkgkit.lint.report import result_from_data  # noqa: PLC0415

    result = entry.get("result")
    return result_from_data(result) if is_result_data(result) else None


_ITEM_TYPES = {
    "rule": (str,),
    "severity": (str,),
    "path": (str,),
    "line": (int,),
    "column": (int,),
    "pointer": (str, type(None)),
    "message": (str,),
    "hint": (str, type(None)),
}


def is_result_data(data: object) -> TypeGuard[dict[str, Any]]:
    """True for a package result as ``result_as_data`` writes it (entries may be corrupt)."""
    if not isinstance(data, dict) or not isinstance(data.get("diagnostics"), list):
        return False
    if not isinstance(data.get("name"), str) or not isinstance(data.get("root"), str):
        return False
    if not isinstance(data.get("skipped"), str | None):
        return False
    return all(_is_item(item) for item in data["diagnostics"])


def _is_item(item: object) -> bool:
    if not isinstance(item, dict) or set(item) != set(_ITEM_TYPES):
        return False
    if item["severity"] not in {"error", "warning"}:
        return False
    return all(isinstance(item[key], types) for key, types in _ITEM_TYPES.items())
