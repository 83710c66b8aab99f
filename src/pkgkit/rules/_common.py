"""Helpers shared by rule modules (not a rule: the registry skips ``_`` modules)."""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any

    from pkgkit.model.jsonfile import JsonFile, LoadErrorKind
    from pkgkit.model.package import Package
    from pkgkit.rules import RuleContext


def json_files(package: Package) -> Iterator[JsonFile]:
    """package.json (when present) and every content file."""
    if package.manifest is not None:
        yield package.manifest
    yield from package.content


def scanned_sites(
    package: Package, sites: Callable[[JsonFile], list[tuple[str, int]]]
) -> Iterator[tuple[JsonFile, str, int, int]]:
    """``(file, pointer, line, column)`` of every ``(pointer, offset)`` that ``sites`` gives for
    a JSON file of the package (``sites`` runs the position scan only for flagged files)."""
    for file in json_files(package):
        for pointer, offset in sites(file):
            line, column = file.position(offset)
            yield file, pointer, line, column


def load_errors(ctx: RuleContext, *kinds: LoadErrorKind) -> Iterator[Problem]:
    """A problem for every file whose load failed with one of ``kinds``."""
    for file in json_files(ctx.package):
        error = file.error
        if error is not None and error.kind in kinds:
            yield Problem(file, error.message, line=error.line, column=error.column)


def file_issues(ctx: RuleContext, *kinds: str, hint: str | None = None) -> Iterator[Problem]:
    """A problem for every file-system issue of the package with one of ``kinds``."""
    for issue in ctx.package.issues:
        if issue.kind in kinds:
            source = ctx.package.text_file(issue.relpath)
            yield Problem(source, issue.message, hint=hint, line=issue.line, column=issue.column)


def manifest(package: Package) -> JsonFile | None:
    """package.json when it loaded into an object (its ``data`` is then a dict)."""
    file = package.manifest
    return file if file is not None and file.ok else None


def widgets(file: JsonFile) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(index, widget)`` for every object in a dashboard's ``widgets`` array."""
    items = file.data.get("widgets") if isinstance(file.data, dict) else None
    for index, widget in enumerate(items if isinstance(items, list) else []):
        if isinstance(widget, dict):
            yield index, widget


DASHBOARDS_FOLDER = "dashboards"
_DRIVE = r"^[A-Za-z]:"


def dashboard_references(file: JsonFile) -> Iterator[tuple[str, str]]:
    """``(pointer, reference)`` of every string ``data.dashboards[].reference`` of an entity."""
    dashboards = file.get("/data/dashboards")
    if not isinstance(dashboards, list):
        return
    for index, entry in enumerate(dashboards):
        reference = entry.get("reference") if isinstance(entry, dict) else None
        if isinstance(reference, str):
            yield f"/data/dashboards/{index}/reference", reference


def reference_escapes(reference: str) -> bool:
    """True for absolute paths, drive letters and any ``..`` segment (either slash)."""
    path = reference.replace("\\", "/")
    return path.startswith("/") or bool(re.match(_DRIVE, path)) or ".." in path.split("/")


def resolve_dashboard_reference(reference: str) -> str | None:
    """The path below dashboards/ a reference names, or None when it is empty or leaves it.

    This is the one reading of a reference: DOC007 reports those that name no file, PKG120
    exempts the dashboards they name.
    """
    if not reference.strip() or reference_escapes(reference):
        return None
    return posixpath.normpath(reference)
