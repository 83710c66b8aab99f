"""README listings <-> content names, shared by the DOC rules (not a rule module).

The README lists the package's dashboards, events and entities in tables under a section of that
name (``## Dashboards``, ``## Events``, ``## Entities``; also ``## Dashboard``, ``## Custom
Events``, ``### Entity types`` and the like: any heading below the title with the kind's word);
each listed name must be the ``title``, ``name`` or ``data.label`` of one content file, and each
content file must be listed. Names are compared exactly, with runs of white space collapsed: the
README is what users search the Instana UI for. README rows are not checked while a file of their
kind does not load: it may hold the missing name, and PKG0xx reports it.

:func:`pairing` reads what the author evidently meant before anything is reported: a README name
and a content name that match no name exactly but are each other's closest (``Cron Job
Monitoring`` and ``Kubernetes CronJob Monitoring``) are one pair, reported once (DOC001, DOC003,
DOC005) naming both sides; a README name closest to a second file with an already listed title
(two dashboards titled alike) is left to the duplicate-title rules, which name it. A pair whose
names differ only in look-alike characters (``presto-cpp-S3-IO`` and ``presto-cpp-S3-I0``) says
which characters differ and offers no rename: either side may be the typo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Fix, Problem
from pkgkit.model.textedit import replace_cell_text
from pkgkit.util.suggest import ratio_bound

if TYPE_CHECKING:
    import difflib
    from collections.abc import Iterator

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.model.package import Package
    from pkgkit.model.readme import Cell, Readme, Section, Table
    from pkgkit.rules import RuleContext


class Listing:
    """One kind of content and how the README lists it."""

    __slots__ = ("columns", "field", "folder", "kind", "pointer", "section", "words")

    def __init__(  # noqa: PLR0917 - the three listings below give every field in order
        self,
        kind: str,
        folder: str,
        section: str,
        columns: tuple[str, ...],
        pointer: str,
        field: str,
        words: tuple[str, ...],
    ) -> None:
        self.kind = kind
        self.folder = folder
        self.section = section
        self.columns = columns
        self.pointer = pointer
        self.field = field
        #: Words of a heading that make it this kind's section (case-insensitive).
        self.words = words


DASHBOARDS = Listing(
    "dashboard",
    "dashboards",
    "Dashboards",
    ("dashboard title", "title", "dashboard", "name", "dashboard name"),
    "/title",
    "title",
    ("dashboard", "dashboards"),
)
EVENTS = Listing(
    "event",
    "events",
    "Events",
    ("event name", "name", "event", "title", "event title"),
    "/name",
    "name",
    ("event", "events"),
)
ENTITIES = Listing(
    "entity",
    "entities",
    "Entities",
    ("entity name", "entity", "title", "label", "name", "entity type", "entity label"),
    "/data/label",
    "data.label",
    ("entity", "entities"),
)


def same_name(text: str) -> str:
    """The form names are compared in: white space runs collapsed, ends stripped."""
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    """Lower-case words of a heading or column name (letters and digits)."""
    return "".join(c if c.isalnum() else " " for c in text.lower()).split()


def listing_sections(readme: Readme, listing: Listing) -> list[Section]:
    """The README sections that list this kind: headed exactly like ``## Dashboards``, else any
    heading below the title holding the kind's word (``## Dashboard``, ``## Custom Events``)."""
    exact = readme.find_sections(listing.section)
    if exact:
        return exact
    return [
        section
        for section in readme.sections
        if section.level > 1 and set(_words(section.title)) & set(listing.words)
    ]


def _in_sections(table: Table, sections: list[Section]) -> bool:
    section = table.section
    while section is not None:
        if any(section is wanted for wanted in sections):
            return True
        section = section.parent
    return False


def _name_column(table: Table, listing: Listing) -> str | None:
    """The column holding the names: a known one, else one whose name has the kind's word."""
    column = next((c for c in listing.columns if c in table.headers), None)
    if column is None:
        column = next((h for h in table.headers if set(_words(h)) & set(listing.words)), None)
    return column


class ReadmeListing:
    """The README's listing of one kind: its sections and the name cells of their tables
    (``cells`` is None when no table there has a name column)."""

    __slots__ = ("cells", "sections")

    def __init__(self, sections: list[Section], cells: list[Cell] | None) -> None:
        self.sections = sections
        self.cells = cells


def readme_listing(readme: Readme, listing: Listing) -> ReadmeListing:
    """The name cells of the README tables under the listing's sections."""
    sections = listing_sections(readme, listing)
    cells: list[Cell] | None = None
    for table in readme.tables:
        if not sections or not _in_sections(table, sections):
            continue
        column = _name_column(table, listing)
        if column is None:
            continue
        cells = cells if cells is not None else []
        cells.extend(
            cell for row in table.rows if (cell := row.cells.get(column)) and same_name(cell.text)
        )
    return ReadmeListing(sections, cells)


def readme_cells(readme: Readme, listing: Listing) -> list[Cell] | None:
    """Name cells of the README tables under the listing's section, or None without a table."""
    return readme_listing(readme, listing).cells


def content_names(package: Package, listing: Listing) -> list[tuple[JsonFile, str]]:
    """``(file, name)`` of every parsed content file of the kind with a non-empty name."""
    named: list[tuple[JsonFile, str]] = []
    for file in package.documents(listing.kind):
        name = file.get(listing.pointer)
        if isinstance(name, str) and same_name(name):
            named.append((file, same_name(name)))
    return named


#: How close two names must be to be one thing written two ways (difflib's ratio of the whole
#: names, and of the words only one of them has), unless the words only one has are held whole by
#: the other's (``Job`` and ``Kubernetes Jobs``) or there are none (``spark-job-latency`` and
#: ``spark-job-latency-health``). ``Old Board`` and ``New Board`` are two things.
CLOSE = 0.6
CLOSE_WORDS = 0.4
#: The shortest run of letters that counts as held whole by another.
MIN_HELD = 3


def closeness(readme_name: str, content_name: str) -> tuple[bool, float] | None:
    """How close two names are (held whole by the other, similarity), or None when not close.

    Names that are not close are told apart by the cheap upper bounds of their ratios where
    those suffice (most README rows and files of a package are far apart); the whole names'
    ratio is computed only for a pair that is close.
    """
    words_a, words_b = _words(readme_name), _words(content_name)
    whole_a, whole_b = "".join(words_a), "".join(words_b)
    if not whole_a or not whole_b:
        return None
    only_a = "".join(w for w in words_a if w not in words_b)
    only_b = "".join(w for w in words_b if w not in words_a)
    held = not only_a or not only_b
    held = held or (
        min(len(only_a), len(only_b)) >= MIN_HELD and (only_a in only_b or only_b in only_a)
    )
    if held:
        return True, _matcher(whole_a, whole_b).ratio()
    whole = _bounded_matcher(whole_a, whole_b, CLOSE)  # the cheap bounds of both ratios first
    if whole is None or _ratio_at_least(only_a, only_b, CLOSE_WORDS) is None:
        return None
    if ratio_bound(whole_a, whole_b) < CLOSE:
        return None
    ratio = whole.ratio()
    return (False, ratio) if ratio >= CLOSE else None


def _ratio_at_least(a: str, b: str, cutoff: float) -> float | None:
    """difflib's ratio of ``a`` and ``b`` when it is at least ``cutoff``, else None; the cheap
    upper bounds are tried first (the lengths, then the characters shared)."""
    matcher = _bounded_matcher(a, b, cutoff)
    if matcher is None or ratio_bound(a, b) < cutoff:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= cutoff else None


def _bounded_matcher(a: str, b: str, cutoff: float) -> difflib.SequenceMatcher[str] | None:
    """The matcher of ``a`` and ``b`` when the cheap upper bounds of their ratio (the lengths,
    then the characters shared) reach ``cutoff``, else None."""
    if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < cutoff:
        return None
    matcher = _matcher(a, b)
    return matcher if matcher.quick_ratio() >= cutoff else None


def _matcher(a: str, b: str) -> difflib.SequenceMatcher[str]:
    """difflib's matcher of two names, every character counted (no junk heuristic)."""
    import difflib  # noqa: PLC0415 - only when a name has no exact match

    return difflib.SequenceMatcher(None, a, b, autojunk=False)


#: Characters that many fonts draw alike: two names that differ only in them are one name with a
#: typo on one side, and nothing tells which (``presto-cpp-S3-IO`` and ``presto-cpp-S3-I0``).
_LOOK_ALIKE = ("0Oo", "1lI|")


def look_alike(readme_name: str, content_name: str) -> list[tuple[str, str]] | None:
    """The characters (the README's, the content's) in which two names differ, when they differ
    only in characters that look alike (digit zero and letter O, digit one and letter l); else
    None."""
    a, b = same_name(readme_name), same_name(content_name)
    if len(a) != len(b):
        return None
    differences = list(dict.fromkeys((x, y) for x, y in zip(a, b, strict=True) if x != y))
    if not differences or not all(_alike(x, y) for x, y in differences):
        return None
    return differences


def _alike(a: str, b: str) -> bool:
    """Two characters that look alike: not one letter in two cases (``O`` and ``o`` are told
    apart)."""
    return a.lower() != b.lower() and any(a in group and b in group for group in _LOOK_ALIKE)


def _character(char: str) -> str:
    """``'0' (digit zero)``: a character with its Unicode name, which tells look-alikes apart."""
    import unicodedata  # noqa: PLC0415 - only for a finding about look-alike names

    name = unicodedata.name(char, "").lower().removeprefix("latin ")
    return f"'{char}' ({name})" if name else f"'{char}'"


class Pairing:
    """What the README lists against what the package holds, for one kind.

    ``pairs`` are README rows and content files that name no exact match but are each other's
    closest: one thing named two ways. ``rows`` are README rows naming nothing close, ``files``
    content files listed by no row and close to none. ``duplicate_rows`` maps a file whose name
    an earlier file has already (listed under that name) to the unmatched README row it
    evidently is.
    """

    __slots__ = ("duplicate_rows", "files", "pairs", "readme", "rows")

    def __init__(self, readme: ReadmeListing | None) -> None:
        self.readme = readme
        self.rows: list[Cell] = []
        self.files: list[tuple[JsonFile, str]] = []
        self.pairs: list[tuple[Cell, JsonFile, str]] = []
        self.duplicate_rows: dict[str, Cell] = {}


def pairing(ctx: RuleContext, listing: Listing) -> Pairing:
    """:func:`pair`, computed once per package for every rule of the listing."""
    result: Pairing = ctx.shared(f"listing.pairing.{listing.kind}", lambda: pair(ctx, listing))
    return result


def pair(ctx: RuleContext, listing: Listing) -> Pairing:
    """Match README rows with content files: exactly, then each other's closest."""
    package = ctx.package
    readme = package.readme
    found = readme_listing(readme, listing) if readme is not None else None
    result = Pairing(found)
    named = content_names(package, listing)
    cells = found.cells if found is not None and found.cells is not None else []
    listed = {same_name(cell.text) for cell in cells}
    known = {name for _, name in named}
    loaded = all(f.ok for f in package.files(listing.kind))
    # a file that does not load may hold a row's name (PKG0xx reports it): no row is checked
    rows = [cell for cell in cells if same_name(cell.text) not in known] if loaded else []
    files = [(file, name) for file, name in named if name not in listed]
    seen: set[str] = set()
    surplus: list[tuple[JsonFile, str]] = []
    for file, name in named:
        if name in listed and name in seen:
            surplus.append((file, name))
        seen.add(name)
    candidates = files + surplus
    scored = []
    for i, cell in enumerate(rows):
        for j, (_, name) in enumerate(candidates):
            close = closeness(cell.text, name)
            if close is not None:
                scored.append((not close[0], -close[1], i, j))
    paired_rows: set[int] = set()
    paired_files: set[int] = set()
    for _, _, i, j in sorted(scored):
        if i in paired_rows or j in paired_files:
            continue
        paired_rows.add(i)
        paired_files.add(j)
        file, name = candidates[j]
        if j < len(files):
            result.pairs.append((rows[i], file, name))
        else:
            result.duplicate_rows[file.relpath] = rows[i]
    result.rows = [cell for i, cell in enumerate(rows) if i not in paired_rows]
    result.files = [item for j, item in enumerate(files) if j not in paired_files]
    result.pairs.sort(key=lambda item: item[0].line)
    return result


#: How a content file carries its name, for messages.
_NAMED = {"dashboard": "is titled", "event": "is named", "entity": "is labelled"}


def unmatched_rows(ctx: RuleContext, listing: Listing) -> Iterator[Problem]:
    """README rows that name no content file, located at the name cell; a row that names a file
    written another way is one problem naming both."""
    package = ctx.package
    readme = package.readme
    if readme is None:
        return
    found = pairing(ctx, listing)
    for cell, file, name in found.pairs:
        message = (
            f"README lists {listing.kind} '{same_name(cell.text)}'; the closest {listing.kind}, "
            f"{file.relpath}, {_NAMED[listing.kind]} '{name}'"
        )
        alike = look_alike(cell.text, name)
        if alike is not None:  # either side may be the typo: said, not guessed
            yield Problem(
                readme,
                f"{message}: the two differ only in look-alike characters, "
                + "; ".join(
                    f"{_character(ours)} in the README where the {_noun(listing)} has "
                    f"{_character(theirs)}"
                    for ours, theirs in alike
                ),
                hint=f"write the one meant in both ('{name}' is what Instana shows); either may "
                "be the typo, so no fix is offered",
                line=cell.line,
                column=cell.column,
            )
            continue
        yield Problem(
            readme,
            message,
            hint=f"write the same {_noun(listing)} in both ('{name}' is what Instana shows)",
            line=cell.line,
            column=cell.column,
            fix=_rename_fix(readme, cell, name),
        )
    for cell in found.rows:
        where = (
            f"no {listing.kind} in {listing.folder}/ has this {listing.field}"
            if listing.folder in package.folders
            else f"the package has no {listing.folder}/ folder"
        )
        yield Problem(
            readme,
            f"README lists {listing.kind} '{same_name(cell.text)}' but {where}",
            hint=f"add the {listing.kind} to {listing.folder}/ or remove the row",
            line=cell.line,
            column=cell.column,
        )


def _rename_fix(readme: Readme, cell: Cell, name: str) -> Fix | None:
    """The row's name rewritten to the content name of its pair (a guess: unsafe)."""
    edit = replace_cell_text(readme.text, cell.line, cell.text, name)
    return None if edit is None else Fix(f"write '{name}'", (edit,), safe=False)


def unlisted_content(ctx: RuleContext, listing: Listing) -> Iterator[Problem]:
    """Content files whose name the README does not list, located at the name.

    A README without the listing's section gets no problem here (PKG103 reports the section);
    a section without a table of names gets one problem, at its heading, for all the files.
    """
    readme = ctx.package.readme
    if readme is None:
        return  # a missing README is reported on its own
    found = pairing(ctx, listing)
    listing_found = found.readme
    if listing_found is None or not listing_found.sections:
        return
    if listing_found.cells is None:
        if found.files:
            yield _no_table(readme, listing, listing_found.sections[0], found.files)
        return
    for file, name in found.files:
        yield Problem(
            file,
            f"{listing.kind} '{name}' is not listed in the README's {listing.section} table",
            pointer=listing.pointer,
            hint=f"add a row for it to the {listing.section} table",
        )


def _noun(listing: Listing) -> str:
    """What a file's name is called: title, name, label."""
    return listing.field.rsplit(".", 1)[-1]


def _no_table(
    readme: Readme, listing: Listing, section: Section, files: list[tuple[JsonFile, str]]
) -> Problem:
    names = ", ".join(f"'{name}'" for _, name in files[:3]) + (", ..." if len(files) > 3 else "")
    count = f"{len(files)} {listing.kind}" + ("" if len(files) == 1 else "s")
    return Problem(
        readme,
        f"the README's '{section.title}' section has no table of {listing.kind} "
        f"{_noun(listing)}s, so {count} ({names}) {'is' if len(files) == 1 else 'are'} not listed",
        hint=f"add a table whose first column is '{listing.columns[0].title()}', "
        f"one row per {listing.kind}",
        line=section.line,
        column=1,
    )


def duplicate_names(ctx: RuleContext, listing: Listing) -> Iterator[Problem]:
    """Every content file whose name an earlier file (in path order) has already, at its name;
    the hint names the README row it evidently is, when one is unmatched."""
    found = pairing(ctx, listing)
    first: dict[str, str] = {}
    for file, name in content_names(ctx.package, listing):
        if name not in first:
            first[name] = file.relpath
            continue
        row = found.duplicate_rows.get(file.relpath)
        hint = (
            f"the README lists '{same_name(row.text)}', which no {listing.kind} has: give it to "
            f"the {listing.kind} it describes"
            if row is not None
            else f"give each {listing.kind} its own {_noun(listing)}"
        )
        yield Problem(
            file,
            f"{listing.kind} {_noun(listing)} '{name}' is already used by {first[name]}",
            pointer=listing.pointer,
            hint=hint,
        )
