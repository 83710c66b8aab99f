"""An entity's dashboard reference does not name a file in dashboards/.

A custom entity type lists its dashboards as ``data.dashboards[].reference``: a file name
relative to the package's ``dashboards/`` folder, which Instana's CLI reads at import. A reference
to a missing file fails the import. A reference that is absolute, contains ``..`` or otherwise
leads out of ``dashboards/`` is reported as well, and never followed: a package must not read
files outside itself. The finding points at the reference; the hint names the closest dashboard
file.

Bad::

    {"data": {"label": "Go Runtime", "dashboards": [{"reference": "../go-runtime.json"}]}}

Good (``dashboards/go-runtime.json`` exists)::

    {"data": {"label": "Go Runtime", "dashboards": [{"reference": "go-runtime.json"}]}}

Fix: the reference is rewritten to the one dashboard file whose name is the reference's file
name but for case and separators (``Go_Runtime.JSON``, ``../go-runtime.json``): safe; to the
closest file name otherwise: unsafe (a guess).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Fix, Problem, Severity
from pkgkit.model.jsonedit import replace_value
from pkgkit.rules._common import (
    DASHBOARDS_FOLDER,
    dashboard_references,
    reference_escapes,
    resolve_dashboard_reference,
)
from pkgkit.util.suggest import closest, did_you_mean, normalize_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.rules import RuleContext

CODE = "DOC007"
NAME = "entity-dashboard-reference"
SEVERITY = Severity.ERROR
SUMMARY = "An entity's dashboard reference does not name a file in dashboards/"
FIX = (
    "rewrites the reference to the one dashboard file named like it but for case and "
    "separators (safe), else to the closest file name (unsafe)"
)

_FOLDER = DASHBOARDS_FOLDER


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every entity dashboard reference that does not resolve inside dashboards/."""
    prefix = _FOLDER + "/"
    available = [f.relpath.removeprefix(prefix) for f in ctx.package.files("dashboard")]
    has_folder = _FOLDER in ctx.package.folders
    for file in ctx.package.documents("entity"):
        for pointer, reference in dashboard_references(file):
            message = _problem_with(reference, available, has_folder)
            if message is not None:
                hint = did_you_mean(reference, available)
                yield Problem(
                    file,
                    message,
                    pointer=pointer,
                    hint=hint or f"use the name of a file in {_FOLDER}/, e.g. 'runtime.json'",
                    fix=_fix(file, pointer, reference, available),
                )


def _fix(file: JsonFile, pointer: str, reference: str, available: list[str]) -> Fix | None:
    """The reference rewritten to the file it names loosely (safe), else to the closest."""
    wanted = normalize_name(_file_name(reference))
    alike = [name for name in available if normalize_name(_file_name(name)) == wanted]
    target, safe = (alike[0], True) if len(alike) == 1 else (closest(reference, available), False)
    edit = None if target is None else replace_value(file, pointer, target)
    if edit is None:
        return None
    return Fix(f"reference '{target}'", (edit,), safe=safe)


def _file_name(reference: str) -> str:
    """The last segment of a reference, either slash."""
    return reference.replace("\\", "/").rsplit("/", 1)[-1]


def _problem_with(reference: str, available: list[str], has_folder: bool) -> str | None:
    """Why ``reference`` does not resolve, or None when it names a dashboard file."""
    shown = f"dashboard reference '{reference}'"
    if not reference.strip():
        return f"{shown} is empty"
    if reference_escapes(reference):
        return f"{shown} leads outside {_FOLDER}/; references are file names inside {_FOLDER}/"
    if resolve_dashboard_reference(reference) in available:
        return None
    if not has_folder:
        return f"{shown} cannot resolve: the package has no {_FOLDER}/ folder"
    return f"{shown} names no file in {_FOLDER}/"
