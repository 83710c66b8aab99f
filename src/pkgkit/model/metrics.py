"""Metric ids and every metric reference of a package.

Instana names an OpenTelemetry metric
``metrics.<kind>.<instrumentation scope>/<metric name>{<key>="<value>",...}``: ``kind`` is
``sums``, ``gauges`` or ``histograms``, the scope may contain dots and slashes, the metric name is
what follows the last ``/`` before the selectors, and the selectors are optional (``{}`` allowed).
Content may also name a metric bare (``go.memory.used``) or by a regular expression (a widget with
``"regex": true``, an event rule's ``metricPattern``).

:func:`parse_metric_id` never raises: text that is not a well-formed id becomes a bare name.
:func:`metric_references` finds references structurally, by key, wherever they are nested, so new
widget types are covered without changes here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pkgkit.model.positions import escape_pointer_token

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.model.package import Package

KINDS = ("sums", "gauges", "histograms")
#: Keys whose string value is a metric id, in any content file.
METRIC_KEYS = frozenset({"metric", "metricName"})
#: Key of an event rule's pattern object (``prefix``, ``postfix``, ``operator``).
PATTERN_KEY = "metricPattern"
#: Tag-filter name prefixes that name an OpenTelemetry attribute, and what they name.
ATTRIBUTE_PREFIXES = {"otel.attribute.": "attribute", "metric.tag.": "metric"}

_QUALIFIED = re.compile(r"metrics\.(sums|gauges|histograms)\.(.+)", re.DOTALL)
_REGEX_HINT = re.compile(r"\\.|\.[*+?]|\[[^\]]*\]|[()|^$*+?]")
_SELECTOR_KEY = re.compile(r'[^=,{}"\\]+')


@dataclass(frozen=True)
class MetricId:
    """A parsed metric id.

    ``kind`` and ``scope`` are None for a bare name; ``selectors`` is None without braces and
    ``()`` for ``{}``. A pattern keeps its whole text in ``name``.
    """

    name: str
    kind: str | None = None
    scope: str | None = None
    selectors: tuple[tuple[str, str], ...] | None = None
    pattern: bool = False

    @property
    def qualified(self) -> bool:
        """True for a ``metrics.<kind>.<scope>/<name>`` id."""
        return self.kind is not None

    def format(self) -> str:
        """The id as Instana writes it; ``parse_metric_id(x.format()) == x``."""
        if self.pattern:
            return self.name
        text = f"metrics.{self.kind}.{self.scope}/{self.name}" if self.kind else self.name
        if self.selectors is not None:
            pairs = ",".join(f'{key}="{_escape(value)}"' for key, value in self.selectors)
            text += "{" + pairs + "}"
        return text


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def parse_metric_id(text: str, *, regex: bool = False) -> MetricId:
    """Parse a metric id, bare name or (with ``regex`` or regex syntax) pattern; never raises.

    Text with malformed selectors is kept whole as an unparsed bare name.
    """
    if regex:
        return MetricId(text, pattern=True)
    head, selectors = text, None
    brace = text.find("{")
    if brace >= 0:
        if text.endswith("}"):
            selectors = _parse_selectors(text[brace + 1 : -1])
        if selectors is None:
            return MetricId(text, pattern=bool(_REGEX_HINT.search(text)))
        head = text[:brace]
    if _REGEX_HINT.search(head):
        return MetricId(text, pattern=True)
    match = _QUALIFIED.fullmatch(head)
    if match:
        scope, _, name = match.group(2).rpartition("/")
        if scope and name:
            return MetricId(name, match.group(1), scope, selectors)
    return MetricId(head, selectors=selectors)


def _parse_selectors(body: str) -> tuple[tuple[str, str], ...] | None:
    pairs: list[tuple[str, str]] = []
    position = 0
    while position < len(body):
        key = _SELECTOR_KEY.match(body, position)
        if key is None or body[key.end() : key.end() + 2] != '="':
            return None
        value, position = _read_quoted(body, key.end() + 2)
        if value is None:
            return None
        pairs.append((key.group(), value))
        if position < len(body):
            if body[position] != "," or position + 1 == len(body):
                return None
            position += 1
    return tuple(pairs)


def _read_quoted(body: str, position: int) -> tuple[str | None, int]:
    """The unescaped value of a quoted string whose content starts at ``position``."""
    chars: list[str] = []
    while position < len(body):
        char = body[position]
        if char == '"':
            return "".join(chars), position + 1
        if char == "\\":
            if position + 1 >= len(body):
                return None, position
            position += 1
            char = body[position]
        chars.append(char)
        position += 1
    return None, position


def compile_pattern(metric: MetricId) -> re.Pattern[str] | None:
    """The compiled regular expression of a pattern id (None when it does not compile)."""
    try:
        return re.compile(metric.name)
    except (re.error, OverflowError, RecursionError):
        return None


def pattern_matches(metric: MetricId, names: Iterable[tuple[str, str | None]]) -> list[str]:
    """Names of ``(name, scope)`` pairs the pattern matches, bare or as a qualified id."""
    compiled = compile_pattern(metric)
    if compiled is None:
        return []
    matched: list[str] = []
    for name, scope in names:
        forms = [name] + [f"metrics.{kind}.{scope}/{name}" for kind in KINDS if scope]
        if any(compiled.fullmatch(form) for form in forms):
            matched.append(name)
    return matched


def metric_pattern_regex(spec: dict[str, Any]) -> str:
    """A regular expression for an event rule's ``metricPattern`` object."""
    prefix = re.escape(str(spec.get("prefix") or ""))
    postfix = re.escape(str(spec.get("postfix") or ""))
    operator = str(spec.get("operator") or "is")
    middle = ".*" if spec.get("placeholder") or operator != "is" else ""
    lead = ".*" if operator in {"contains", "endsWith"} else ""
    tail = ".*" if operator == "contains" else ""
    return f"{lead}{prefix}{middle}{postfix}{tail}"


@dataclass(frozen=True)
class MetricReference:
    """One place content names a metric.

    ``context`` is the enclosing object (a widget's metric configuration with aggregation, unit,
    formatter and tagFilterExpression; an event rule with aggregation, conditionValue,
    conditionOperator and window; an entity metric).
    """

    file: JsonFile
    pointer: str
    metric: MetricId
    context: dict[str, Any]
    context_pointer: str

    def setting(self, key: str) -> Any:  # noqa: ANN401 - JSON values are Any by nature
        """A field of the enclosing object, or None."""
        return self.context.get(key)


@dataclass(frozen=True)
class TagReference:
    """A tag-filter or group-by name that names an OpenTelemetry attribute."""

    file: JsonFile
    pointer: str
    tag: str
    attribute: str
    scope: str  # "attribute" (resource or metric attribute) or "metric" (metric attribute)


@dataclass(frozen=True)
class References:
    """Metric and tag references of a package, found in one walk of each content document."""

    metrics: list[MetricReference]
    tags: list[TagReference]


def package_references(package: Package) -> References:
    """Every metric and tag reference of the package's content, in file and document order."""
    metrics: list[MetricReference] = []
    tags: list[TagReference] = []
    for file in package.content:
        if not file.ok:
            continue
        for pointer, node in _objects(file.data):
            if not _METRIC_SITE_KEYS.isdisjoint(node):
                metrics.extend(_node_references(file, pointer, node))
            if not _TAG_SITE_KEYS.isdisjoint(node):
                tags.extend(_node_tags(file, pointer, node))
    return References(metrics, tags)


def metric_references(package: Package) -> list[MetricReference]:
    """Every metric reference of the package's content, in file and document order."""
    return package_references(package).metrics


def tag_references(package: Package) -> list[TagReference]:
    """Tag-filter names, entity identifiers and group-by tags that name attributes."""
    return package_references(package).tags


#: Keys an object must have to hold a metric reference, or a tag reference.
_METRIC_SITE_KEYS = METRIC_KEYS | {"source", PATTERN_KEY}
_TAG_SITE_KEYS = frozenset({"type", "groupbyTag", "identifiers"})


def _objects(value: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:  # noqa: ANN401
    """Every object of a JSON value with its pointer (iterative, document order).

    Only containers are queued, so scalars cost no pointer.
    """
    pending: list[tuple[str, Any]] = [(pointer, value)]
    while pending:
        current, node = pending.pop()
        if isinstance(node, dict):
            yield current, node
            children = [
                (f"{current}/{_token(k)}", v)
                for k, v in node.items()
                if isinstance(v, (dict, list))
            ]
        elif isinstance(node, list):
            children = [
                (f"{current}/{i}", v) for i, v in enumerate(node) if isinstance(v, (dict, list))
            ]
        else:
            continue
        pending.extend(reversed(children))


def _token(key: str) -> str:
    return escape_pointer_token(key) if "~" in key or "/" in key else key


_ENTITY_METRIC = re.compile(r"/data/metrics/\d+")


def _node_references(
    file: JsonFile, pointer: str, node: dict[str, Any]
) -> Iterator[MetricReference]:
    regex = node.get("regex") is True
    for key, value in node.items():
        if isinstance(value, str) and (
            key in METRIC_KEYS
            or (key == "source" and file.kind == "entity" and _ENTITY_METRIC.fullmatch(pointer))
        ):
            member = f"{pointer}/{_token(key)}"
            yield MetricReference(file, member, parse_metric_id(value, regex=regex), node, pointer)
        elif key == PATTERN_KEY and isinstance(value, dict):
            metric = MetricId(metric_pattern_regex(value), pattern=True)
            yield MetricReference(file, f"{pointer}/{_token(key)}", metric, node, pointer)


def _node_tags(file: JsonFile, pointer: str, node: dict[str, Any]) -> Iterator[TagReference]:
    candidates: list[tuple[str, Any]] = []
    if node.get("type") == "TAG_FILTER":
        candidates.append(("name", node.get("name")))
    candidates.append(("groupbyTag", node.get("groupbyTag")))
    identifiers = node.get("identifiers")
    if isinstance(identifiers, list):
        candidates.extend((f"identifiers/{i}", v) for i, v in enumerate(identifiers))
    for relative, tag in candidates:
        attribute = _attribute_of(tag)
        if attribute is not None and isinstance(tag, str):
            yield TagReference(file, f"{pointer}/{relative}", tag, *attribute)


def _attribute_of(tag: object) -> tuple[str, str] | None:
    if not isinstance(tag, str):
        return None
    for prefix, scope in ATTRIBUTE_PREFIXES.items():
        if tag.startswith(prefix) and len(tag) > len(prefix):
            return tag[len(prefix) :], scope
    return None
