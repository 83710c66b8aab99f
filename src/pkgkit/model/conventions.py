"""What a package's README documents about its metrics and resource attributes.

The README documents metrics in tables under a "Semantic Conventions" or "Metrics" section (a
metric-name column plus description, unit, instrument, attributes and any extra columns) and
resource attributes in the "Resource Attributes" table. The instrumentation scope of a metrics
table is the one its introduction names (``instrumentation scope `x` ``, or a known scope such as
an ``import "go.opentelemetry.io/contrib/instrumentation/runtime"`` line).

The catalogue of what the conventions and known instrumentations define is
:mod:`pkgkit.conventions.catalogue`; the scopes it knows are what a table introduction is
searched for.
"""

# No `from __future__ import annotations` here: typing.NamedTuple checks each field's
# annotation when the class is made, and one held as text is compiled (docs/architecture.md,
# "Start-up and the per-package budget").

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from pkgkit.model.metrics import MetricId, parse_metric_id

if TYPE_CHECKING:
    from pkgkit.model.readme import Cell, Readme, Row, Table

NAME_HEADERS = ("metric name", "metrics name", "metric", "metrics", "name")
UNIT_HEADERS = ("unit", "units")
INSTRUMENT_HEADERS = ("instrument", "instrument type", "metric type", "type")
ATTRIBUTE_HEADERS = ("attributes", "attribute", "labels", "dimensions")
DESCRIPTION_HEADERS = ("description", "brief")
KEY_HEADERS = ("attribute key", "attribute name", "attribute", "key", "name")
#: Words of a section title (normalised) that make it a section about metrics.
METRIC_SECTION_WORDS = ("metric", "semantic convention")
#: Column headers that name metrics under any heading.
METRIC_NAME_HEADERS = ("metric name", "metrics name")
RESOURCE_SECTION = "resource attributes"

#: Patterns compiled on first use (``re`` caches them): most runs need few of them.
_EXPLICIT_SCOPE = r"(?i)instrumentation scope\s+`([^`]+)`"
_LIST_SPLIT = r"[,;\s]+"
#: Words that qualify an instrument, and parenthesized remarks.
_QUALIFIERS = r"\(.*?\)|async(hronous)?|observable|synchronous"


class DocumentedMetric(NamedTuple):
    """A metric row of a README table, located at its name cell."""

    name: str
    line: int
    column: int
    scope: str | None = None
    description: str | None = None
    unit: str | None = None
    instrument: str | None = None
    attributes: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()
    selectors: tuple[tuple[str, str], ...] | None = None


class DocumentedAttribute(NamedTuple):
    """A row of the Resource Attributes table."""

    key: str
    line: int
    column: int
    type: str | None = None
    description: str | None = None


class Conventions:
    """Everything the README documents about metrics and attributes."""

    __slots__ = ("metrics", "resource_attributes")

    def __init__(
        self,
        metrics: list[DocumentedMetric] | None = None,
        resource_attributes: list[DocumentedAttribute] | None = None,
    ) -> None:
        self.metrics: list[DocumentedMetric] = [] if metrics is None else metrics
        self.resource_attributes: list[DocumentedAttribute] = (
            [] if resource_attributes is None else resource_attributes
        )

    @property
    def names(self) -> set[str]:
        """Documented metric names, exactly as written."""
        return {m.name for m in self.metrics}

    def lookup(self, name: str) -> DocumentedMetric | None:
        """The first row documenting exactly ``name``."""
        return next((m for m in self.metrics if m.name == name), None)

    @property
    def metric_attributes(self) -> set[str]:
        """Every attribute any documented metric lists."""
        return {a for m in self.metrics for a in m.attributes}


def readme_conventions(readme: "Readme | None", known_scopes: Iterable[str] = ()) -> Conventions:
    """Documented metrics and resource attributes of a README."""
    conventions = Conventions()
    if readme is None:
        return conventions
    scopes = tuple(known_scopes)
    previous_end = 0
    for table in readme.tables:
        section = table.section
        if section is not None and RESOURCE_SECTION in section.path:
            conventions.resource_attributes.extend(_attributes(table))
        elif section is not None and is_metrics_table(table):
            start = max(previous_end, section.line)
            scope = _table_scope(readme.lines[start : table.line - 1], scopes)
            conventions.metrics.extend(_metrics(table, scope))
        previous_end = table.rows[-1].line if table.rows else table.line
    return conventions


def is_metrics_table(table: "Table") -> bool:
    """A table with a ``Metric Name`` column, or with a name column in a section about metrics.

    Authors title that section in many ways ("Metrics", "Semantic Conventions", "Supported
    metrics", "JVM Metrics"): any section title (normalised) containing "metric" or "semantic
    convention" counts, in the table's section or above it.
    """
    if any(h in table.headers for h in METRIC_NAME_HEADERS):
        return True
    section = table.section
    about_metrics = section is not None and any(
        any(word in title for word in METRIC_SECTION_WORDS) for title in section.path
    )
    return about_metrics and any(h in table.headers for h in NAME_HEADERS)


def _table_scope(lines: list[str], known: tuple[str, ...]) -> str | None:
    """The instrumentation scope the text before a table names."""
    text = "\n".join(lines)
    explicit = re.search(_EXPLICIT_SCOPE, text)
    if explicit:
        return explicit.group(1)
    mentioned = [(text.find(scope), scope) for scope in known if scope in text]
    return min(mentioned)[1] if mentioned else None


#: Header groups of the value columns of a metrics table, in :class:`DocumentedMetric` order.
_VALUE_HEADERS = (DESCRIPTION_HEADERS, UNIT_HEADERS, INSTRUMENT_HEADERS, ATTRIBUTE_HEADERS)


def _metrics(table: "Table", scope: str | None) -> Iterator[DocumentedMetric]:
    """The rows of a metrics table that have a name."""
    name_column, *value_columns = [
        (_column(table, headers), headers) for headers in (NAME_HEADERS, *_VALUE_HEADERS)
    ]
    used = {name_column[0], *(column for column, _ in value_columns)}
    for row in table.rows:
        name = _cell(row, *name_column)
        if name is not None and name.text:
            values = [_cell(row, column, headers) for column, headers in value_columns]
            texts = [cell.text if cell is not None else None for cell in values]
            extra = tuple((h, c.text) for h, c in row.cells.items() if h not in used)
            yield _metric(name, texts, extra, scope)


def _cell(row: "Row", column: str | None, headers: tuple[str, ...]) -> "Cell | None":
    """``row.get(*headers)``, trying first the table's column for them (``column``).

    The table's column is the first of ``headers`` it has, so a row holding it has no earlier one.
    """
    cell = row.cells.get(column) if column is not None else None
    return cell if cell is not None else row.get(*headers)


def _metric(
    name: "Cell", texts: list[str | None], extra: tuple[tuple[str, str], ...], scope: str | None
) -> DocumentedMetric:
    """A named row; ``texts`` of its description, unit, instrument and attributes cells."""
    description, unit, instrument, attributes = texts
    written = documented_id(name.text)
    selectors = written.attribute_selectors
    listed = tuple(dict.fromkeys(split_list(attributes))) if attributes else ()
    return DocumentedMetric(
        written.name,
        name.line,
        name.column,
        written.instrumentation_scope or scope,
        description,
        unit or None,  # an empty Unit cell documents nothing (not a count)
        instrument,
        listed + tuple(key for key, _ in selectors),
        extra,
        None if written.selectors is None else selectors,
    )


def documented_id(text: str) -> MetricId:
    """A name cell as an id: ``name``, ``scope/name{k="v"}`` or a full ``metrics.`` id."""
    if "/" in text and not text.startswith("metrics."):
        parsed = parse_metric_id(f"metrics.sums.{text}")
        if parsed.qualified:
            return MetricId(parsed.name, scope=parsed.scope, selectors=parsed.selectors)
    parsed = parse_metric_id(text)
    return MetricId(text) if parsed.pattern else parsed


def _column(table: "Table", headers: tuple[str, ...]) -> str | None:
    return next((h for h in headers if h in table.headers), None)


def split_list(text: str) -> tuple[str, ...]:
    """``"a, b c"`` -> ``("a", "b", "c")``."""
    if not text:
        return ()
    return tuple(part for part in re.split(_LIST_SPLIT, text) if part)


def _attributes(table: "Table") -> list[DocumentedAttribute]:
    found: list[DocumentedAttribute] = []
    for row in table.rows:
        key = row.get(*KEY_HEADERS)
        if key is None or not key.text:
            continue
        kind, description = row.get("type"), row.get(*DESCRIPTION_HEADERS)
        found.append(
            DocumentedAttribute(
                key.text,
                key.line,
                key.column,
                kind.text if kind else None,
                description.text if description else None,
            )
        )
    return found


# Units --------------------------------------------------------------------------------------

_UNIT_CLASSES: dict[str, tuple[str, ...]] = {
    "bytes": ("by", "byte", "bytes", "b"),
    "count": ("1", "number", "count", "", "none", "(none)", "{}"),
    "s": ("s", "sec", "secs", "second", "seconds"),
    # "milisecond" is how Instana's dashboard editor spells the unit of a metric configuration
    "ms": ("ms", "milli", "millis", "millisecond", "milliseconds", "milisecond"),
    "us": ("us", "micros", "microsecond", "microseconds"),
    "ns": ("ns", "nanos", "nanosecond", "nanoseconds"),
    "percent": ("%", "percent", "percentage"),
}
_UNIT_OF = {alias: cls for cls, aliases in _UNIT_CLASSES.items() for alias in aliases}
TIME_UNITS = frozenset({"s", "ms", "us", "ns"})


def unit_class(unit: str | None) -> str | None:
    """``bytes``, ``count``, ``s``, ``ms``, ``us``, ``ns``, ``percent``, or None when unknown.

    ``By``/``Byte``/``bytes`` are bytes; ``Number``, ``1``, ``{goroutine}`` and no unit are counts.
    """
    if unit is None:
        return None
    text = unit.strip().casefold()
    if text.startswith("{") and text.endswith("}"):
        return "count"
    return _UNIT_OF.get(text)


def unit_family(unit_cls: str | None) -> str | None:
    """``time`` for every time unit, the class otherwise."""
    return "time" if unit_cls in TIME_UNITS else unit_cls


def display_class(value: object) -> str | None:
    """Unit class of a widget ``unit`` (``byte``, ``number``) or formatter (``bytes.detailed``)."""
    if not isinstance(value, str) or not value:
        return None
    head = value.split(".", 1)[0]
    return unit_class(head) or unit_class(head.rstrip("s"))


def normalize_instrument(text: str | None) -> str | None:
    """``counter``, ``updowncounter``, ``gauge``, ``histogram``, or None when unknown."""
    if not text:
        return None
    squashed = instrument_letters(text.casefold())
    for known in ("updowncounter", "histogram", "counter", "gauge"):
        if squashed.endswith(known):
            return known
    return None


def instrument_letters(text: str) -> str:
    """The letters ``a``-``z`` of ``text`` outside qualifiers and parenthesized remarks."""
    return re.sub(r"[^a-z]", "", re.sub(_QUALIFIERS, "", text))
