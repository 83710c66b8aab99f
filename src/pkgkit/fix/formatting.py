"""``pkgkit fmt``: the canonical text of a package's JSON files, or why a file has none.

The canonical text is what Instana's export writes, ``JSON.stringify(value, null, 2)``
(:mod:`pkgkit.fix.stringify`), optionally with a final newline. A file whose text cannot be
rewritten without losing something is refused with located reasons: bytes that are not UTF-8, a
syntax error, an empty file, a duplicate key (the first value would be dropped), ``NaN`` or
``Infinity`` (written as ``null``), a number that JavaScript reads as another value
(``12345678901234567890``, ``0.10000000000000001``, ``1e400``).

Which files are a package's JSON files: ``package.json`` and the ``.json`` files under its
content folders, regular files reached without a symbolic link (a link is never written
through or followed).
"""

from __future__ import annotations

import enum
import json
import os
import stat
from typing import TYPE_CHECKING, NamedTuple

from pkgkit.fix.changes import Change
from pkgkit.fix.stringify import NumberLiteral, number_loss, stringify
from pkgkit.model.discovery import CONTENT_FOLDERS, MANIFEST, discover_packages
from pkgkit.model.jsonfile import JsonFile, LoadErrorKind
from pkgkit.model.positions import escape_pointer_token

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


class FinalNewline(enum.StrEnum):
    """Whether a formatted file ends with a newline (``JSON.stringify`` writes none).

    ``AUTO`` writes each file as the tool that writes it does: a content file as Instana's
    export (no newline), ``package.json`` as npm (``npm version``, ``npm pkg set``: one newline).
    """

    AUTO = "auto"
    NEVER = "never"
    ALWAYS = "always"
    KEEP = "keep"

    def wanted(self, relpath: str, text: str) -> bool:
        """Whether the file at ``relpath`` (now ``text``) ends with a newline once formatted."""
        if self is FinalNewline.AUTO:
            return relpath == MANIFEST
        if self is FinalNewline.KEEP:
            return text.endswith("\n")
        return self is FinalNewline.ALWAYS


class Refusal(NamedTuple):
    """Why a file is not formatted, where (1-based line and column)."""

    path: str
    line: int
    column: int
    message: str


class Target(NamedTuple):
    """A package JSON file to format: its path and its path inside the package."""

    path: str
    relpath: str


def format_file(
    target: Target, final_newline: FinalNewline = FinalNewline.AUTO
) -> Change | list[Refusal]:
    """The file's text and its canonical text (equal when it is formatted already), or the
    reasons it has none."""
    file = JsonFile(target.path, target.relpath, "json")
    refusals = _load_refusals(file)
    if refusals or file.text is None:
        return refusals
    value = _parse_literally(file.text)
    losses = [
        Refusal(file.path, *file.locate(pointer), f"cannot format without loss: {loss}")
        for pointer, loss in _number_losses(value)
    ]
    if losses:
        return losses
    before = ("\ufeff" if file.has_bom else "") + file.text
    after = stringify(value)
    if final_newline.wanted(target.relpath, file.text):
        after += "\n"
    return Change(file.path, before, after)


def _load_refusals(file: JsonFile) -> list[Refusal]:
    """What stops ``file`` from being formatted before its numbers are looked at."""
    error = file.error
    if error is not None and error.kind is not LoadErrorKind.NOT_OBJECT:
        return [Refusal(file.path, error.line, error.column, f"cannot format: {error.message}")]
    refusals = []
    if file.has_duplicate_keys:
        for pointer, offset in file.scan.duplicate_keys:
            key = pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
            message = f"cannot format without loss: duplicate key '{key}' (only the last is kept)"
            refusals.append(Refusal(file.path, *file.position(offset), message))
    if file.has_nonfinite:
        for _pointer, offset in file.scan.constants:
            message = "cannot format without loss: NaN and Infinity are not JSON"
            refusals.append(
                Refusal(file.path, *file.position(offset), f"{message} (written as null)")
            )
    return sorted(refusals)


_LITERAL_DECODER = json.JSONDecoder(parse_int=NumberLiteral, parse_float=NumberLiteral)


def _parse_literally(text: str) -> object:
    """The value of ``text`` (which parsed already) with each number as written."""
    return _LITERAL_DECODER.decode(text)


def _number_losses(value: object) -> Iterator[tuple[str, str]]:
    """``(pointer, how)`` of every number JavaScript reads as another value, in document order."""
    pending: list[tuple[str, object]] = [("", value)]
    while pending:
        pointer, current = pending.pop()
        if isinstance(current, NumberLiteral):
            loss = number_loss(current.text)
            if loss is not None:
                yield pointer, loss
        elif isinstance(current, dict):
            members = [(f"{pointer}/{escape_pointer_token(k)}", v) for k, v in current.items()]
            pending.extend(reversed(members))
        elif isinstance(current, list):
            items = [(f"{pointer}/{index}", item) for index, item in enumerate(current)]
            pending.extend(reversed(items))


def package_json_files(root: str) -> Iterator[Target]:
    """``package.json`` and the JSON files of the content folders of the package at ``root``:
    regular files only, no symbolic link followed, in a stable order."""
    manifest = os.path.join(root, MANIFEST)
    if _is_regular(manifest):
        yield Target(manifest, MANIFEST)
    for folder in CONTENT_FOLDERS:
        yield from _json_files_under(os.path.join(root, folder), folder)


def _json_files_under(path: str, relpath: str) -> Iterator[Target]:
    """The JSON files under the folder ``path`` (``relpath`` in its package), recursively; none
    when ``path`` is a symbolic link."""
    pending = [(path, relpath)] if _is_folder(path) else []
    while pending:
        folder, relative = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        below = []
        for entry in entries:
            inner = f"{relative}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                below.append((entry.path, inner))
            elif entry.name.endswith(".json") and entry.is_file(follow_symlinks=False):
                yield Target(entry.path, inner)
        pending.extend(reversed(below))


def _is_regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def _is_folder(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


class Skipped(NamedTuple):
    """A path named on the command line that is not formatted, and why."""

    path: str
    reason: str


def targets_for_paths(paths: Iterable[str]) -> tuple[list[Target], list[Skipped]]:
    """The package JSON files of command-line paths, each once: all of those of the packages at
    or under a folder, or under a folder of a package's content folders; a file when it is one
    (pre-commit passes any file; others are left alone without a word)."""
    targets: dict[str, Target] = {}
    skipped: list[Skipped] = []
    for path in paths:
        found, reason = _targets_for_path(path)
        if reason is not None:
            skipped.append(Skipped(path, reason))
        for target in found:
            targets.setdefault(os.path.realpath(target.path), target)
    return list(targets.values()), skipped


def _targets_for_path(path: str) -> tuple[list[Target], str | None]:
    """The package JSON files of one command-line path, or why it is not formatted."""
    from pkgkit.model.package import package_of_file  # noqa: PLC0415

    is_folder = os.path.isdir(path) and not os.path.islink(path)
    roots = list(discover_packages(path)) if is_folder else []
    if roots:
        return [target for root in roots for target in package_json_files(root)], None
    package = package_of_file(path)
    if package is None:
        return [], None
    relpath = os.path.relpath(os.path.abspath(path), os.path.abspath(package))
    relpath = relpath.replace(os.sep, "/")
    in_content = relpath.split("/")[0] in CONTENT_FOLDERS
    if is_folder:
        reason = _linked(path, package, relpath) if in_content else None
        found = list(_json_files_under(path, relpath)) if in_content and not reason else []
        return found, reason
    if relpath != MANIFEST and not (in_content and relpath.endswith(".json")):
        return [], None
    reason = _not_formattable(path, package, relpath)
    return ([] if reason else [Target(path, relpath)]), reason


def _not_formattable(path: str, root: str, relpath: str) -> str | None:
    """Why the package file ``path`` is not formatted (a link on its way, not a regular file)."""
    try:
        status = os.lstat(path)
    except OSError as error:
        return f"cannot read: {error.strerror}"
    if stat.S_ISLNK(status.st_mode):
        return "a symbolic link; not followed"
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file"
    return _linked(path, root, relpath)


def _linked(path: str, root: str, relpath: str) -> str | None:
    """Why ``path`` is not followed: a symbolic link on its way from the package ``root``."""
    if os.path.realpath(path) != os.path.join(os.path.realpath(root), *relpath.split("/")):
        return "reached through a symbolic link; not followed"
    return None
