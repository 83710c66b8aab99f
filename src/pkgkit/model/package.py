"""A package folder loaded into one model, and discovery of packages under a folder.

The model reads each file once; rules read the model and never touch the filesystem. Symbolic
links are never followed out of the package, and nothing is ever written.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING

from pkgkit.model.discovery import (
    CONTENT_FOLDERS,
    MANIFEST,
    README,
    discover_packages,
    has_content_folders,
    is_package_dir,
)
from pkgkit.model.jsonfile import JsonFile
from pkgkit.model.readme import Readme, ReadmeTooDeep
from pkgkit.util.files import read_regular_file

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

__all__ = [
    "CONTENT_FOLDERS",
    "MANIFEST",
    "README",
    "FileIssue",
    "Package",
    "TextFile",
    "discover_packages",
    "has_content_folders",
    "is_package_dir",
    "load_package",
    "package_of_file",
    "packages_for_paths",
]

#: READMEs larger than this are reported and not parsed (Markdown parsing takes seconds per MiB).
MAX_README_BYTES = 1024 * 1024


class FileIssue:
    """Something about the package's files that is not about any file's content.

    ``kind`` is "symlink-escapes", "symlink-dir", "unreadable", "missing-manifest" or
    "missing-readme"; ``line`` and ``column`` locate it in the file (a README nested too
    deeply), else they are the file's start.
    """

    __slots__ = ("column", "kind", "line", "message", "relpath")

    def __init__(
        self, kind: str, relpath: str, message: str, line: int = 1, column: int = 1
    ) -> None:
        self.kind = kind
        self.relpath = relpath
        self.message = message
        self.line = line
        self.column = column


class TextFile:
    """A non-JSON file a problem can point at (README.md when it cannot be parsed, folders)."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def locate(self, pointer: str) -> tuple[int, int]:
        """Text files are located by explicit lines; a pointer means the top."""
        del pointer
        return 1, 1


class Package:
    """Everything rules need to know about one package folder."""

    __slots__ = ("content", "folders", "issues", "manifest", "readme", "root")

    def __init__(self, root: str) -> None:
        self.root = root
        self.manifest: JsonFile | None = None
        self.readme: Readme | None = None
        self.content: list[JsonFile] = []
        self.issues: list[FileIssue] = []
        self.folders: set[str] = set()

    def files(self, kind: str) -> list[JsonFile]:
        """Loaded content files of one artifact kind (``dashboard``, ``event``, ...)."""
        return [f for f in self.content if f.kind == kind]

    def documents(self, kind: str) -> Iterator[JsonFile]:
        """Content files of ``kind`` that parsed into an object."""
        return (f for f in self.content if f.kind == kind and f.ok)

    def text_file(self, relpath: str) -> TextFile:
        """A locatable handle on any path of the package."""
        return TextFile(os.path.join(self.root, relpath))

    @property
    def is_private(self) -> bool:
        """``"private": true`` in package.json: Instana's CLI skips such packages."""
        data = self.manifest.data if self.manifest and self.manifest.ok else None
        return isinstance(data, dict) and data.get("private") is True

    @property
    def name(self) -> str:
        """The package.json name, or the folder name."""
        data = self.manifest.data if self.manifest and self.manifest.ok else None
        name = data.get("name") if isinstance(data, dict) else None
        return name if isinstance(name, str) and name else os.path.basename(self.root)


def load_package(root: str) -> Package:
    """Read one package folder into a :class:`Package`.

    Each name is looked at with one ``lstat`` (and a ``stat`` when it is a link); the package's
    real path is resolved only when a link needs it.
    """
    package = Package(root=root)
    manifest_path = os.path.join(root, MANIFEST)
    status = _lstat(manifest_path)
    if _inside(manifest_path, status, root, package, MANIFEST):
        if _is_file(manifest_path, status):
            package.manifest = JsonFile(manifest_path, MANIFEST, "package")
        elif status is not None:
            package.issues.append(FileIssue("unreadable", MANIFEST, _not_a_file(manifest_path)))
        else:
            missing = FileIssue("missing-manifest", MANIFEST, "package.json is missing")
            package.issues.append(missing)
    package.readme = _load_readme(root, package)
    for folder, kind in CONTENT_FOLDERS.items():
        folder_path = os.path.join(root, folder)
        status = _lstat(folder_path)
        if not _inside(folder_path, status, root, package, folder):
            continue
        target = _followed(folder_path, status)
        if target is not None and stat.S_ISDIR(target.st_mode):
            package.folders.add(folder)
            package.content.extend(_load_folder(root, folder, kind, package))
    return package


def _load_readme(root: str, package: Package) -> Readme | None:
    path = os.path.join(root, README)
    status = _lstat(path)
    if not _inside(path, status, root, package, README):
        return None
    if status is not None:  # else reading it says why not
        target = _followed(path, status)
        if target is None or not stat.S_ISREG(target.st_mode):
            package.issues.append(FileIssue("unreadable", README, _not_a_file(path)))
            return None
        if target.st_size > MAX_README_BYTES:
            limit = MAX_README_BYTES // (1024 * 1024)
            message = f"README.md is larger than {limit} MiB; not parsed"
            package.issues.append(FileIssue("unreadable", README, message))
            return None
    try:
        text = _universal_newlines(read_regular_file(path, MAX_README_BYTES).decode("utf-8"))
    except FileNotFoundError:
        package.issues.append(FileIssue("missing-readme", README, "README.md is missing"))
        return None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8"
        package.issues.append(FileIssue("unreadable", README, f"cannot read README.md: {reason}"))
        return None
    return _parse_readme(path, text, package)


def _parse_readme(path: str, text: str, package: Package) -> Readme | None:
    """The README model, or None (and an issue at its line) when it nests too deeply."""
    try:
        return Readme(path, text)
    except ReadmeTooDeep as error:
        issue = FileIssue("unreadable", README, str(error), error.line, error.column)
        package.issues.append(issue)
        return None


def _universal_newlines(text: str) -> str:
    """``text`` as a file opened in text mode reads it: CR LF and lone CR become LF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _lstat(path: str) -> os.stat_result | None:
    """The status of ``path`` itself (a link is not followed); None when it does not exist."""
    try:
        return os.lstat(path)
    except (OSError, ValueError):
        return None


def _followed(path: str, status: os.stat_result | None) -> os.stat_result | None:
    """The status behind ``path`` given its own ``status``: a link's target (None: broken)."""
    if status is None or not stat.S_ISLNK(status.st_mode):
        return status
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _is_file(path: str, status: os.stat_result | None) -> bool:
    """``os.path.isfile(path)`` from its own ``status``."""
    target = _followed(path, status)
    return target is not None and stat.S_ISREG(target.st_mode)


def _load_folder(root: str, folder: str, kind: str, package: Package) -> Iterator[JsonFile]:
    """JSON files under one content folder, recursively, in a stable order."""
    pending = [folder]
    while pending:
        relative = pending.pop()
        try:
            entries = sorted(os.scandir(os.path.join(root, relative)), key=lambda e: e.name)
        except OSError as error:
            package.issues.append(
                FileIssue("unreadable", relative, f"cannot read folder: {error.strerror}")
            )
            continue
        subfolders: list[str] = []
        for entry in entries:
            relpath = f"{relative}/{entry.name}"
            link = entry.is_symlink()
            if link and not _inside(entry.path, None, root, package, relpath):
                continue
            is_dir, is_file = _entry_kind(entry)
            if link and is_dir:
                package.issues.append(
                    FileIssue("symlink-dir", relpath, "symbolic link to a folder; not followed")
                )
            elif is_dir:
                subfolders.append(relpath)
            elif entry.name.endswith(".json"):
                if is_file:
                    yield JsonFile(entry.path, relpath, kind)
                else:
                    package.issues.append(FileIssue("unreadable", relpath, _not_a_file(entry.path)))
        pending.extend(reversed(subfolders))


def _entry_kind(entry: os.DirEntry[str]) -> tuple[bool, bool]:
    """``(is a folder, is a regular file)`` of an entry, a link's target's (neither for a link
    that leads nowhere or in a loop)."""
    try:
        return entry.is_dir(), entry.is_file()
    except OSError:
        return False, False


def _not_a_file(path: str) -> str:
    """Why ``path`` (which exists as a name) is not read: a broken link, a pipe, a device...

    Opening a named pipe would block forever, so only regular files are ever opened.
    """
    if os.path.islink(path) and not os.path.exists(path):
        try:
            os.stat(path)
        except OSError as error:
            if error.errno == errno.ELOOP:
                return "symbolic link in a loop; not read"
        return "broken symbolic link; not read"
    return "not a regular file (a pipe, socket or device); not read"


def _inside(
    path: str, status: os.stat_result | None, root: str, package: Package, relpath: str
) -> bool:
    """False (and a reported issue) when ``path`` is a link that leads out of the package.

    ``status`` is the ``lstat`` of ``path`` (None: look for it; a missing path is no link).
    """
    if status is None:
        status = _lstat(path)
    if status is None or not stat.S_ISLNK(status.st_mode):
        return True
    real_root = os.path.realpath(root)
    target = os.path.realpath(path)
    if target == real_root or target.startswith(real_root + os.sep):
        return True
    package.issues.append(
        FileIssue(
            "symlink-escapes",
            relpath,
            f"symbolic link points outside the package (to {target}); not followed",
        )
    )
    return False


def package_of_file(path: str) -> str | None:
    """The package folder holding the file ``path``: the nearest folder above it that is a package.

    A folder counts when it is a package (:func:`is_package_dir`), when the walk came up
    through one of its content folders (so a package whose package.json is missing is still
    found, and reported), or when ``path`` is its package.json and it still has a content
    folder (a deleted manifest names its package). The result keeps the spelling of ``path``
    (relative stays relative).
    """
    from pathlib import Path  # noqa: PLC0415 - only for file arguments

    given = Path(path)
    absolute = Path(os.path.abspath(path))
    if given.name == MANIFEST and has_content_folders(str(absolute.parent)):
        return _spelled(absolute.parent, given)
    came_from = ""
    for folder in absolute.parents:
        if came_from in CONTENT_FOLDERS or is_package_dir(str(folder)):
            return _spelled(folder, given)
        came_from = folder.name
    return None


def _spelled(folder: Path, given: Path) -> str:
    """``folder`` absolute when ``given`` is, else relative to the working directory."""
    return str(folder) if given.is_absolute() else os.path.relpath(folder)


def packages_for_paths(paths: Iterable[str]) -> list[str]:
    """Folders to lint for command-line paths: folders as given, files mapped to their package.

    Each package appears once, in order of first mention; a file outside every package is
    dropped (pre-commit passes any README.md or package.json of a repository).
    """
    roots: dict[str, None] = {}
    for path in paths:
        root = path if os.path.isdir(path) else package_of_file(path)
        if root is not None:
            roots.setdefault(os.path.normpath(root), None)
    return list(roots)
