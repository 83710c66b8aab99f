"""README listings <-> content names, shared by the DOC rules (not a rule module).

The README lists the package's dashboards, events and entities in tables under a section of that
name (``## Dashboards``, ``## Events``, ``## Entities``); each listed name must be the ``title``,
``name`` or ``data.label`` of one content file, and each content file must be listed. Names are
compared exactly, with runs of white space collapsed: the README is what users search the
Instana UI for. README rows are not checked while a file of their kind does not load: it may hold
the missing name, and PKG0xx reports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Fix, Problem
from pkgkit.model.readme import normalize_heading
from pkgkit.model.textedit import replace_in_line
from pkgkit.util.suggest import closest, did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.model.package import Package
    from pkgkit.model.readme import Cell, Readme
    from pkgkit.rules import RuleContext


class Listing:
    """One kind of content and how the README lists it."""

    __slots__ = ("columns", "field", "folder", "kind", "pointer", "section")

    def __init__(  # noqa: PLR0917 - the three listings below give every field in order
        self,
        kind: str,
        folder: str,
        section: str,
        columns: tuple[str, ...],
        pointer: str,
        field: str,
    ) -> None:
        self.kind = kind
        self.folder = folder
        self.section = section
        self.columns = columns
        self.pointer = pointer
        self.field = field


DASHBOARDS = Listing(
    "dashboard",
    "dashboards",
    "Dashboards",
    ("dashboard title", "title", "dashboard", "name"),
    "/title",
    "title",
)
EVENTS = Listing(
    "event", "events", "Events", ("event name", "name", "event", "title"), "/name", "name"
)
ENTITIES = Listing(
    "entity",
    "entities",
    "Entities",
    ("entity name", "entity", "title", "label", "name"),
    "/data/label",
    "data.label",
)


def same_name(text: str) -> str:
    """The form names are compared in: white space runs collapsed, ends stripped."""
    return " ".join(text.split())


def readme_cells(readme: Readme, listing: Listing) -> list[Cell] | None:
    """Name cells of the README tables under the listing's section, or None without a table."""
    wanted = normalize_heading(listing.section)
    cells: list[Cell] | None = None
    for table in readme.tables:
        if table.section is None or wanted not in table.section.path:
            continue
        column = next((c for c in listing.columns if c in table.headers), None)
        if column is None:
            continue
        cells = cells if cells is not None else []
        cells.extend(
            cell for row in table.rows if (cell := row.cells.get(column)) and same_name(cell.text)
        )
    return cells


def content_names(package: Package, listing: Listing) -> list[tuple[JsonFile, str]]:
    """``(file, name)`` of every parsed content file of the kind with a non-empty name."""
    named: list[tuple[JsonFile, str]] = []
    for file in package.documents(listing.kind):
        name = file.get(listing.pointer)
        if isinstance(name, str) and same_name(name):
            named.append((file, name))
    return named


def _shared_cells(ctx: RuleContext, readme: Readme, listing: Listing) -> list[Cell] | None:
    """:func:`readme_cells`, computed once per package for the two rules of a listing."""
    cells: list[Cell] | None = ctx.shared(
        f"listing.cells.{listing.kind}", lambda: readme_cells(readme, listing)
    )
    return cells


def _shared_names(ctx: RuleContext, listing: Listing) -> list[tuple[JsonFile, str]]:
    """:func:`content_names`, computed once per package for the two rules of a listing."""
    names: list[tuple[JsonFile, str]] = ctx.shared(
        f"listing.names.{listing.kind}", lambda: content_names(ctx.package, listing)
    )
    return names


def unmatched_rows(ctx: RuleContext, listing: Listing) -> Iterator[Problem]:
    """README rows that name no content file, located at the name cell."""
    package = ctx.package
    readme = package.readme
    if readme is None or any(not f.ok for f in package.files(listing.kind)):
        return  # a file that does not load may hold the name; PKG0xx reports it
    cells = _shared_cells(ctx, readme, listing)
    names = [name for _, name in _shared_names(ctx, listing)]
    known = {same_name(name) for name in names}
    listed = {same_name(cell.text) for cell in cells or []}
    unlisted = [name for name in names if same_name(name) not in listed]
    for cell in cells or []:
        if same_name(cell.text) in known:
            continue
        where = (
            f"no {listing.kind} in {listing.folder}/ has this {listing.field}"
            if listing.folder in package.folders
            else f"the package has no {listing.folder}/ folder"
        )
        match = closest(cell.text, unlisted)  # a name the README lists already is no rename
        yield Problem(
            readme,
            f"README lists {listing.kind} '{cell.text}' but {where}",
            hint=did_you_mean(cell.text, names)
            or f"add the {listing.kind} to {listing.folder}/ or remove the row",
            line=cell.line,
            column=cell.column,
            fix=_rename_fix(readme, cell, match),
        )


def _rename_fix(readme: Readme, cell: Cell, match: str | None) -> Fix | None:
    """The row's name rewritten to the content name it likely means (a guess: unsafe)."""
    edit = None if match is None else replace_in_line(readme.text, cell.line, cell.text, match)
    if edit is None or match is None:
        return None
    return Fix(f"write '{match}'", (edit,), safe=False)


def unlisted_content(ctx: RuleContext, listing: Listing) -> Iterator[Problem]:
    """Content files whose name the README does not list, located at the name."""
    readme = ctx.package.readme
    if readme is None:
        return  # a missing README is reported on its own
    cells = _shared_cells(ctx, readme, listing)
    listed = [cell.text for cell in cells or []]
    known = {same_name(text) for text in listed}
    for file, name in _shared_names(ctx, listing):
        if same_name(name) in known:
            continue
        if cells is None:
            message = f"README.md has no {listing.section} table listing {listing.kind} '{name}'"
            hint = (
                f"add a '## {listing.section}' section with a table whose first column is "
                f"'{listing.columns[0].title()}'"
            )
        else:
            message = (
                f"{listing.kind} '{name}' is not listed in the README's {listing.section} table"
            )
            hint = did_you_mean(name, listed) or "add a row for it"
        yield Problem(file, message, pointer=listing.pointer, hint=hint)
