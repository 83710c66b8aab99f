"""``pkgkit docs``: the README's tables and import command as the package's content says.

What is (re)written, and nothing else (every other line of the README keeps its bytes):

* the Dashboards, Events and Entities tables: a row for each dashboard title, event name and
  entity label (DOC002, DOC004, DOC006), none for a name no file has (DOC001, DOC003, DOC005).
  A listed name that no file has and a file's name that is not listed, each the other's closest
  match (as the DOC rules pair them), are one renamed thing: the row keeps its place and its
  name cell is rewritten; when the two differ only in look-alike characters (``S3-IO`` and
  ``S3-I0``) either may be the typo, and the row is left for the author (lint says which
  characters differ). New rows go after the table's others, or in their place in a table
  listed in alphabetical order;
* the metrics tables under "Metrics" / "Semantic Conventions": a row for every metric the
  content references (MET001), none for a metric nothing references (MET002); a new row's unit
  and instrument come from the catalogue, spelled as the table spells them;
* the Resource Attributes table: a row for each attribute a tag filter, entity identifier or
  group-by names that the README does not document (MET010);
* the ``--set`` arguments of the import command: one per template variable the content uses
  (TPL001), none for a variable nothing uses (TPL002);
* the ``--package NAME`` of the README's download and import commands: package.json's name
  (DOC008).

A kept row keeps its line as written (extra columns, wording, spacing). In a table whose lines
are all aligned, a new row's cells are padded to the columns and a renamed cell keeps its width
where its padding makes room; a longer cell overflows its column rather than re-pad every other
row (a diff shows only the rows that changed). A rule disabled by the configuration leaves its
part alone. A table is created only under an existing section heading that has none; no
heading is ever added. When a content file does not load, its table is left as
it is (the file may hold a missing name), as is a table a new or renamed row of which would
hold a control character (an escape, NUL, a bidirectional control: a README never receives
one), said in a note. What the README still lacks afterwards is what lint reports on the new
text, for the codes above.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from pkgkit.fix.changes import Change, encodable
from pkgkit.model.conventions import (
    DESCRIPTION_HEADERS,
    KEY_HEADERS,
    RESOURCE_SECTION,
)
from pkgkit.model.markdown_table import (
    TableLines,
    column_widths,
    escape_cell,
    realign,
    render_row,
    split_cells,
)
from pkgkit.model.metric_rows import (
    cells,
    home_table,
    metric_cells,
    metrics_tables,
    names_in_code,
)
from pkgkit.model.metric_rows import column as first_column
from pkgkit.model.metrics import pattern_matches
from pkgkit.model.readme import normalize_heading
from pkgkit.model.textedit import replace_cell_text
from pkgkit.model.variables import set_arguments
from pkgkit.rules import RuleContext
from pkgkit.rules._common import manifest
from pkgkit.rules._listing import (
    DASHBOARDS,
    ENTITIES,
    EVENTS,
    Listing,
    content_names,
    look_alike,
    pairing,
    same_name,
)
from pkgkit.rules._metrics import catalogue, conventions, references, tags
from pkgkit.rules._templates import uses, variables
from pkgkit.rules.doc008_readme_command_package import misnamed
from pkgkit.util.output import control_character, display_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from pkgkit.diagnostics import Diagnostic
    from pkgkit.lint.config import Config
    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.model.metrics import MetricReference
    from pkgkit.model.package import Package
    from pkgkit.model.readme import CodeBlock, Readme, Row, Section, Table

#: The findings ``pkgkit docs`` resolves: lint reports none of them on the README it writes
#: (what it cannot write, such as a table under a missing section, is reported). It also adds
#: the resource attributes MET010 names, but not a metric's attributes (which metric row?).
RESOLVED = (
    "DOC001", "DOC002", "DOC003", "DOC004", "DOC005", "DOC006", "DOC008",
    "MET001", "MET002", "TPL001", "TPL002",
)  # fmt: skip

#: Per listing: the code of a row naming no file, and of a file no row names.
_LISTING_CODES = {"dashboard": ("DOC001", "DOC002"), "event": ("DOC003", "DOC004")}
_LISTING_CODES["entity"] = ("DOC005", "DOC006")


class DocsResult(NamedTuple):
    """The README before and after, why parts were left alone, and what lint still reports."""

    change: Change
    notes: list[str]
    remaining: list[Diagnostic]


class Edit(NamedTuple):
    """Lines ``start`` to ``end`` (0-based, end excluded) replaced by ``lines``."""

    start: int
    end: int
    lines: tuple[str, ...]


class ReadmeText:
    """A README's text as lines, split where the Markdown parser splits them (CR LF, CR or LF),
    each with its own line end, so that lines no edit touches are written back unchanged."""

    def __init__(self, text: str) -> None:
        self.lines: list[str] = []
        self.ends: list[str] = []
        start = 0
        while start < len(text):
            end = _line_end(text, start)
            brk = 2 if text.startswith("\r\n", end) else (1 if end < len(text) else 0)
            self.lines.append(text[start:end])
            self.ends.append(text[end : end + brk])
            start = end + brk
        self.newline = next((end for end in self.ends if end), "\n")

    def apply(self, edits: Iterable[Edit]) -> str:
        """The text with ``edits`` (which do not overlap) made."""
        lines, ends = list(self.lines), list(self.ends)
        previous_start = len(lines) + 1
        for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
            if edit.end > previous_start:
                message = f"overlapping README edits at line {edit.start + 1}"
                raise ValueError(message)
            previous_start = edit.start
            new_ends = [self.newline] * len(edit.lines)
            if new_ends and edit.end > edit.start:  # the last new line ends as the replaced did
                new_ends[-1] = ends[edit.end - 1]
            elif new_ends and edit.end == len(lines) and lines:  # appended after the last line
                new_ends[-1], ends[-1] = ends[-1], ends[-1] or self.newline
            lines[edit.start : edit.end] = edit.lines
            ends[edit.start : edit.end] = new_ends
        return "".join(line + end for line, end in zip(lines, ends, strict=True))


def _with_package_name(package: Package, path: str, text: str, notes: list[str]) -> str:
    """``text`` (a README) with each ``--package NAME`` of its code blocks naming package.json's
    name. Run on the README the other edits made, so that its lines are read as they are now."""
    from pkgkit.model.readme import Readme  # noqa: PLC0415

    file = manifest(package)
    name = file.data.get("name") if file is not None else None
    if not isinstance(name, str) or not name.strip():
        return text
    refused = _unwritable([[name.strip()]])
    if refused is not None:
        notes.append(f"--package names left as they are: package.json's name {refused}")
        return text
    lines = ReadmeText(text)
    readme = Readme(path, text.replace("\r\n", "\n").replace("\r", "\n"))
    for line, column, named in misnamed(readme, name.strip()):
        old = lines.lines[line - 1]
        start = old.find(named, column - 1)
        lines.lines[line - 1] = old[:start] + name.strip() + old[start + len(named) :]
    return lines.apply([])


def _line_end(text: str, start: int) -> int:
    newline, carriage = text.find("\n", start), text.find("\r", start)
    found = [index for index in (newline, carriage) if index >= 0]
    return min(found) if found else len(text)


def update_readme(package: Package, config: Config, raw: str) -> DocsResult:
    """The README (whose text as read is ``raw``) with its tables and import command as the
    package's content says; ``package.readme`` must have been read."""
    readme = package.readme
    assert readme is not None  # the command checks it first
    text = ReadmeText(raw)
    ctx = RuleContext(package, config)
    notes: list[str] = []
    edits: list[Edit] = []
    for listing in (DASHBOARDS, EVENTS, ENTITIES):
        edits.extend(_listing_edits(ctx, readme, text, listing, notes))
    edits.extend(_metric_edits(ctx, readme, text, notes))
    edits.extend(_attribute_edits(ctx, readme, text, notes))
    edits.extend(_variable_edits(ctx, readme, text, notes))
    after = text.apply(edits)
    if config.is_enabled("DOC008"):
        after = _with_package_name(package, readme.path, after, notes)
    return DocsResult(Change(readme.path, raw, after), notes, _remaining(package, config, after))


def _remaining(package: Package, config: Config, after: str) -> list[Diagnostic]:
    """What lint reports on the package with the new README, for the codes docs resolves."""
    from pkgkit.lint.engine import check_package  # noqa: PLC0415
    from pkgkit.model.readme import Readme  # noqa: PLC0415
    from pkgkit.rules import all_rules  # noqa: PLC0415

    readme = package.readme
    assert readme is not None
    package.readme = Readme(readme.path, after.replace("\r\n", "\n").replace("\r", "\n"))
    try:
        rules = [rule for rule in all_rules() if rule.CODE in RESOLVED]
        diagnostics, _ = check_package(package, config, rules)
    finally:
        package.readme = readme
    return diagnostics


# Tables -------------------------------------------------------------------------------------


def _table_block(text: ReadmeText, table: Table) -> tuple[int, int, TableLines] | None:
    """Where a table's lines are and what they hold; None when its lines are not a plain table
    at the start of their lines (a table in a list or quote is left alone)."""
    start = table.line - 1
    end = table.rows[-1].line if table.rows else table.line + 1
    lines = text.lines[start:end]
    rows_in_order = [row.line for row in table.rows] == list(range(table.line + 2, end + 1))
    headers = [normalize_heading(cell) for cell in split_cells(lines[0])] if lines else []
    if len(lines) < 2 or not rows_in_order or headers != table.headers:
        return None
    return start, end, TableLines(lines[0], lines[1], lines[2:])


def _rewrite_table(
    text: ReadmeText,
    table: Table,
    drop: Callable[[Row], bool],
    new_rows: list[list[str]],
    notes: list[str],
    *,
    renamed: dict[int, str] | None = None,
    before: dict[int, list[list[str]]] | None = None,
) -> Edit | None:
    """The table without the rows ``drop`` takes, each row of ``renamed`` (its line -> its new
    text) rewritten in its place, the new rows of ``before`` (a row's line -> the rows that go
    before it) and then ``new_rows`` after the others; None when nothing changes (or the table
    is not plain: noted)."""
    renamed, before = renamed or {}, before or {}
    block = _table_block(text, table)
    if block is None:
        if new_rows or renamed or before or any(drop(row) for row in table.rows):
            notes.append(f"the table at line {table.line} is not a plain table; left as it is")
        return None
    refused = _unwritable([*new_rows, *(cells for rows in before.values() for cells in rows)])
    if refused is not None:
        notes.append(f"the table at line {table.line} left as it is: {refused}")
        return None
    start, end, lines = block
    count = len(table.headers)
    outer = lines.header.lstrip().startswith("|")
    widths = column_widths(lines)

    def render(cells: list[str]) -> str:
        return render_row([escape_cell(c) for c in cells], count, outer=outer, widths=widths)

    kept: list[str] = []
    changed = bool(new_rows or renamed or before)
    for row, raw in zip(table.rows, lines.rows, strict=True):
        kept.extend(render(cells) for cells in before.get(row.line, []))
        if drop(row):
            changed = True
        else:
            kept.append(renamed.get(row.line, raw))
    if not changed:
        return None
    kept.extend(render(cells) for cells in new_rows)
    return Edit(start, end, (lines.header, lines.delimiter, *kept))


def _new_table(
    text: ReadmeText,
    readme: Readme,
    section: Section,
    headers: list[str],
    rows: list[list[str]],
    *,
    notes: list[str],
) -> list[Edit]:
    """A new, aligned table at the end of ``section``'s own text (before the next heading);
    none when a row cannot be written (noted)."""
    refused = _unwritable(rows)
    if refused is not None:
        notes.append(f"no table added under the heading at line {section.line}: {refused}")
        return []
    following = [s.line for s in readme.sections if s.line > section.line]
    position = (min(following) - 1) if following else len(text.lines)
    end = position
    while end > section.line and not text.lines[end - 1].strip():
        end -= 1
    count = len(headers)
    table = realign(
        TableLines(
            render_row(headers, count, outer=True),
            render_row(["---"] * count, count, outer=True),
            [render_row([escape_cell(c) for c in row], count, outer=True) for row in rows],
        )
    )
    lines = ["", table.header, table.delimiter, *table.rows]
    if end == position:
        lines.append("")
    return [Edit(end, end, tuple(lines))]


def _unwritable(rows: list[list[str]]) -> str | None:
    """Why ``rows`` cannot be written into a README, or None: a cell holds a control character
    (an escape, NUL, a bidirectional control: a title pasted from a terminal), which would act on
    a terminal that shows the README, or hide in the rendered page. (A lone surrogate is refused
    with the whole README: UTF-8 cannot hold it.)"""
    for cell in (escape_cell(cell) for row in rows for cell in row):
        char = control_character(cell)
        if char is not None and encodable(cell):
            return (
                f"'{display_text(cell)}' holds a control character ({display_text(char)}),"
                " which a README must not hold"
            )
    return None


# Dashboards, events, entities ---------------------------------------------------------------


def _listing_edits(
    ctx: RuleContext, readme: Readme, text: ReadmeText, listing: Listing, notes: list[str]
) -> list[Edit]:
    package, config = ctx.package, ctx.config
    stale_code, missing_code = _LISTING_CODES[listing.kind]
    drop, add = config.is_enabled(stale_code), config.is_enabled(missing_code)
    broken = [f.relpath for f in package.files(listing.kind) if not f.ok]
    if not (drop or add) or broken:
        if broken and (drop or add):
            notes.append(f"{listing.section} table left as it is: {broken[0]} does not load")
        return []
    wanted: dict[str, tuple[JsonFile, str]] = {}
    for file, name in content_names(package, listing):
        wanted.setdefault(same_name(name), (file, name))
    tables = _listing_tables(readme, listing)
    paired, listed = _paired_rows(ctx, text, tables, listing) if drop else ({}, set())
    stale: dict[int, str] = {}  # row line -> its name
    for table, column in tables:
        for row in table.rows:
            cell = row.cells.get(column)
            if cell is None or not same_name(cell.text):
                continue
            listed.add(same_name(cell.text))
            if same_name(cell.text) not in wanted and row.line not in paired:
                stale[row.line] = cell.text
    unlisted = [wanted[key][1] for key in wanted if key not in listed]
    new = unlisted if add else []
    refused = _unwritable([[name] for name in [*new, *(name for _, name in paired.values())]])
    if refused is not None:
        notes.append(f"{listing.section} table left as it is: {refused}")
        return []
    if not tables:
        return _listing_table(text, readme, listing, [wanted[same_name(n)][0] for n in new], notes)

    def dropped(row: Row) -> bool:
        return drop and row.line in stale

    edits = []
    for index, (table, column) in enumerate(tables):
        named = [
            (row.line, paired[row.line][1] if row.line in paired else cell.text)
            for row in table.rows
            if not dropped(row) and (cell := row.cells.get(column)) and same_name(cell.text)
        ]
        last = index == len(tables) - 1
        places, appended = _places([name for _, name in named], new) if last else ({}, [])

        def row_of(name: str, table: Table = table, column: str = column) -> list[str]:
            return _listing_row(table, column, wanted[same_name(name)][0], name)

        edit = _rewrite_table(
            text,
            table,
            dropped,
            [row_of(name) for name in appended],
            notes,
            renamed={line: raw for line, (raw, _) in paired.items() if raw != text.lines[line - 1]},
            before={named[i][0]: [row_of(name) for name in names] for i, names in places.items()},
        )
        if edit is not None:
            edits.append(edit)
    return edits


def _paired_rows(
    ctx: RuleContext, text: ReadmeText, tables: list[tuple[Table, str]], listing: Listing
) -> tuple[dict[int, tuple[str, str]], set[str]]:
    """The rows of ``tables`` that the DOC rules pair with a file named another way, as their
    line -> (the row's new text, the name it shows), and the names of those files. A row's cell
    takes the file's name in its place; a row whose name differs from the file's only in
    look-alike characters is kept as it is (either may be the typo: lint says which)."""
    lines = {row.line for table, _ in tables for row in table.rows}
    rows: dict[int, tuple[str, str]] = {}
    files: set[str] = set()
    for cell, _, name in pairing(ctx, listing).pairs:
        if cell.line not in lines:
            continue
        raw = text.lines[cell.line - 1]
        if look_alike(cell.text, name) is not None:
            rows[cell.line] = (raw, cell.text)
        else:
            edit = replace_cell_text(raw, 1, cell.text, escape_cell(name))
            if edit is None:  # not written as read: the row goes and a new one comes
                continue
            rows[cell.line] = (raw[: edit.start] + edit.text + raw[edit.end :], name)
        files.add(same_name(name))
    return rows, files


def _places(names: list[str], new: list[str]) -> tuple[dict[int, list[str]], list[str]]:
    """Where the ``new`` names go in a table listing ``names``: by the index of the listed
    name each goes before, when the table lists its names in alphabetical order (case aside);
    the rest (all, in their own order, in a table in another order) go after its last row."""
    import bisect  # noqa: PLC0415

    keys = [name.casefold() for name in names]
    if len(keys) < 2 or keys != sorted(keys):
        return {}, new
    places: dict[int, list[str]] = {}
    appended: list[str] = []
    for name in sorted(new, key=str.casefold):
        index = bisect.bisect_right(keys, name.casefold())
        if index < len(keys):
            places.setdefault(index, []).append(name)
        else:
            appended.append(name)
    return places, appended


def _listing_tables(readme: Readme, listing: Listing) -> list[tuple[Table, str]]:
    """The tables under the listing's section with a name column, as DOC rules read them."""
    wanted = normalize_heading(listing.section)
    found = []
    for table in readme.tables:
        if table.section is None or wanted not in table.section.path:
            continue
        column = first_column(table, listing.columns)
        if column is not None:
            found.append((table, column))
    return found


def _description(file: JsonFile) -> str:
    value = file.get("/description")
    return value if isinstance(value, str) else ""


def _listing_row(table: Table, column: str, file: JsonFile, name: str) -> list[str]:
    return cells(table, {(column,): name, DESCRIPTION_HEADERS: _description(file)})


def _listing_table(
    text: ReadmeText, readme: Readme, listing: Listing, files: list[JsonFile], notes: list[str]
) -> list[Edit]:
    """A new table for content the README has a section but no table for."""
    if not files:
        return []
    sections = readme.find_sections(listing.section)
    if not sections:
        notes.append(f"no '{listing.section}' section: add one, then run pkgkit docs again")
        return []
    names = [file.get(listing.pointer) for file in files]
    rows = [[str(name), _description(file)] for name, file in zip(names, files, strict=True)]
    headers = [listing.columns[0].title(), "Description"]
    return _new_table(text, readme, sections[0], headers, rows, notes=notes)


# Metrics ------------------------------------------------------------------------------------


def _metric_row(ctx: RuleContext, table: Table | None, reference: MetricReference) -> list[str]:
    """A new metrics row: the name, the unit and instrument the catalogue knows (as ``table``
    spells them), no description (the catalogue holds facts, no prose: the author writes it)."""
    metric = reference.metric
    entry = catalogue(ctx).identify(metric.name, metric.scope)
    unit = entry.unit if entry is not None else None
    instrument = entry.instrument if entry is not None else None
    readme = ctx.package.readme
    if table is None or readme is None:
        return [metric.name, unit or "", instrument or "", ""]
    code = names_in_code(readme, table)
    return metric_cells(table, metric.name, unit, instrument, code=code)


def _metric_edits(
    ctx: RuleContext, readme: Readme, text: ReadmeText, notes: list[str]
) -> list[Edit]:
    config = ctx.config
    drop, add = config.is_enabled("MET002"), config.is_enabled("MET001")
    if not (drop or add):
        return []
    documented = conventions(ctx).metrics
    found = references(ctx)
    used = {r.metric.name for r in found if not r.metric.pattern}
    pairs_in = [(m.name, m.scope) for m in documented]
    for reference in found:
        if reference.metric.pattern:
            used.update(pattern_matches(reference.metric, pairs_in))
    stale = {m.line: m.name for m in documented if m.name not in used}
    names = {m.name for m in documented}
    missing: dict[str, MetricReference] = {}
    for reference in found:
        if not reference.metric.pattern and reference.metric.name not in names:
            missing.setdefault(reference.metric.name, reference)
    new = list(missing) if add else []
    tables = metrics_tables(readme)
    if not tables:
        return _metrics_table(ctx, text, readme, [missing[name] for name in new], notes)

    def dropped(row: Row) -> bool:
        return drop and row.line in stale

    homes: dict[int, list[MetricReference]] = {}
    for name in new:
        home = home_table(tables, documented, missing[name].metric.scope)
        homes.setdefault(home.line if home else 0, []).append(missing[name])
    edits = []
    for table in tables:
        rows = [_metric_row(ctx, table, reference) for reference in homes.get(table.line, [])]
        edit = _rewrite_table(text, table, dropped, rows, notes=notes)
        if edit is not None:
            edits.append(edit)
    return edits


def _metrics_table(
    ctx: RuleContext,
    text: ReadmeText,
    readme: Readme,
    missing: list[MetricReference],
    notes: list[str],
) -> list[Edit]:
    if not missing:
        return []
    sections = readme.find_sections("semantic conventions") or readme.find_sections("metrics")
    if not sections:
        notes.append("no 'Metrics' section: add one, then run pkgkit docs again")
        return []
    rows = [_metric_row(ctx, None, reference) for reference in missing]
    headers = ["Metric Name", "Unit", "Instrument", "Description"]
    return _new_table(text, readme, sections[0], headers, rows, notes=notes)


# Resource attributes ------------------------------------------------------------------------


def _attribute_edits(
    ctx: RuleContext, readme: Readme, text: ReadmeText, notes: list[str]
) -> list[Edit]:
    """Rows for the resource-or-metric attributes tags name and nothing documents."""
    if not ctx.config.is_enabled("MET010"):
        return []
    documented = conventions(ctx)
    known = documented.metric_attributes | {a.key for a in documented.resource_attributes}
    missing = list(
        dict.fromkeys(
            t.attribute for t in tags(ctx) if t.scope != "metric" and t.attribute not in known
        )
    )
    if not missing:
        return []
    tables = [
        t
        for t in readme.tables
        if t.section is not None
        and RESOURCE_SECTION in t.section.path
        and first_column(t, KEY_HEADERS) is not None
    ]
    if tables:
        table = tables[-1]
        rows = [cells(table, {KEY_HEADERS: attribute}) for attribute in missing]
        edit = _rewrite_table(text, table, lambda _row: False, rows, notes=notes)
        return [] if edit is None else [edit]
    sections = readme.find_sections(RESOURCE_SECTION)
    if not sections:
        notes.append("no 'Resource Attributes' section: add one, then run pkgkit docs again")
        return []
    rows = [[attribute, "", ""] for attribute in missing]
    headers = ["Attribute Key", "Type", "Description"]
    return _new_table(text, readme, sections[0], headers, rows, notes=notes)


# The import command's --set arguments -------------------------------------------------------


def _variable_edits(
    ctx: RuleContext, readme: Readme, text: ReadmeText, notes: list[str]
) -> list[Edit]:
    config = ctx.config
    drop, add = config.is_enabled("TPL002"), config.is_enabled("TPL001")
    documented = variables(ctx) or []
    used = list(dict.fromkeys(use.name for use in uses(ctx) if not use.cli_literal))
    unused = [a for a in documented if a.name not in used] if drop else []
    known = {a.name for a in documented}
    missing = [name for name in used if name not in known] if add else []
    if not (unused or missing):
        return []
    block = _import_block(readme)
    if block is None:
        notes.append("no import command in a code block: add its --set arguments by hand")
        return []
    start = block.line - 1
    count = block.content.count("\n") + (0 if block.content.endswith("\n") else 1)
    lines = list(text.lines[start : start + count])
    in_block = [a for a in unused if start < a.line <= start + count]
    if len(in_block) < len(unused):
        notes.append("--set arguments outside the import command were left as they are")
    lines = _without_arguments(lines, [(a.line - 1 - start, a.column - 1) for a in in_block])
    if missing:
        lines = _with_arguments(lines, missing)
    return [Edit(start, start + count, tuple(lines))]


def _import_block(readme: Readme) -> CodeBlock | None:
    """The code block with the import command: the first naming ``import`` and ``--package``,
    else the first holding a ``--set``."""
    blocks = readme.code_blocks
    for block in blocks:
        if " import " in f" {block.content} " and "--package" in block.content:
            return block
    return next((block for block in blocks if "--set" in block.content), None)


def _without_arguments(lines: list[str], places: list[tuple[int, int]]) -> list[str]:
    """``lines`` without the ``--set name=value`` starting at each (line, column); a line left
    empty (or a lone ``\\``) goes, and a line continued only into removed lines ends there."""
    lines = list(lines)
    removed: set[int] = set()
    for index, column in sorted(places, reverse=True):
        line = lines[index]
        found = next(set_arguments(line[column:]), None)
        if found is None:
            continue
        start, end = column + found[0], column + found[1]
        before, after = line[:start], line[end:]
        if before.strip():
            lines[index] = before.rstrip(" \t") + after
        else:  # the argument starts the line: its indent stays
            lines[index] = before + after.lstrip(" \t")
        if lines[index].strip() in ("", "\\"):
            removed.add(index)
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index in removed:
            continued = line.rstrip().endswith("\\")
            if kept and not continued and kept[-1].rstrip().endswith("\\"):
                kept[-1] = kept[-1].rstrip().removesuffix("\\").rstrip()
            continue
        kept.append(line)
    return kept


def _with_arguments(lines: list[str], names: list[str]) -> list[str]:
    """``lines`` with ``--set name=$NAME`` lines after the last ``--set`` (else after the
    command's last line), continuing the command with ``\\`` as it does."""
    anchor = next((i for i in range(len(lines) - 1, -1, -1) if "--set" in lines[i]), None)
    if anchor is None:
        command = next((i for i, line in enumerate(lines) if " import " in f" {line} "), 0)
        anchor = command
        while anchor + 1 < len(lines) and lines[anchor].rstrip().endswith("\\"):
            anchor += 1
    line = lines[anchor]
    indent = line[: len(line) - len(line.lstrip())] if "--set" in line.lstrip()[:5] else "  "
    continued = line.rstrip().endswith("\\")
    new = [f"{indent}--set {name}=${_environment_name(name)}" for name in names]
    if not continued:
        lines[anchor] = line.rstrip() + " \\"
    new = [f"{text} \\" for text in new[:-1]] + [new[-1] + (" \\" if continued else "")]
    return [*lines[: anchor + 1], *new, *lines[anchor + 1 :]]


def _environment_name(name: str) -> str:
    """``service-name`` -> ``SERVICE_NAME``: the shell variable a new ``--set`` line shows."""
    return "".join(char if char.isalnum() else "_" for char in name.upper())
