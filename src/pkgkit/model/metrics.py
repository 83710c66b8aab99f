"""Metric ids and every metric reference of a package.

Instana names an OpenTelemetry metric
``metrics.<kind>.<instrumentation scope>/<metric name>{<key>="<value>",...}``: ``kind`` is
``sums``, ``gauges`` or ``histograms``, the scope may contain dots and slashes, the metric name is
what follows the last ``/`` before the selectors, and the selectors are optional (``{}`` allowed).
An id may leave the scope out (``metrics.gauges.k8s.cronjob.active``) or give it as a ``scope``
selector (``metrics.gauges.k8s.hpa.max{scope="github.com/.../k8sclusterreceiver"}``).
Content may also name a metric bare (``go.memory.used``) or by a regular expression (a widget with
``"regex": true``, an event rule's ``metricPattern``). A "regular expression" with no syntax but
escaped punctuation (``metrics\\.sums\\.s/n``, or any id of a ``"regex": true`` widget without
regular-expression syntax) names one metric: it is parsed as that literal id.

:func:`parse_metric_id` never raises: text that is not a well-formed id becomes a bare name.
:func:`metric_references` finds references structurally, by key, wherever they are nested, so new
widget types are covered without changes here.
"""

# No `from __future__ import annotations` here: typing.NamedTuple checks each field's
# annotation when the class is made, and one held as text is compiled (docs/architecture.md,
# "Start-up and the per-package budget").

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from pkgkit.model.positions import escape_pointer_token

if TYPE_CHECKING:
    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.model.package import Package

KINDS = ("sums", "gauges", "histograms")
#: Keys whose string value is a metric id, in any content file.
METRIC_KEYS = frozenset({"metric", "metricName"})
#: Key of an event rule's pattern object (``prefix``, ``postfix``, ``operator``).
PATTERN_KEY = "metricPattern"
#: Tag-filter name prefixes that name an OpenTelemetry attribute, and what they name.
ATTRIBUTE_PREFIXES = {"otel.attribute.": "attribute", "metric.tag.": "metric"}

_QUALIFIED_PREFIX = "metrics."
#: Characters that make an id a regular expression wherever they appear.
_REGEX_CHARS = frozenset("()|^$*+?")
#: Characters a selector key cannot contain.
_SELECTOR_STOP = frozenset('=,{}"\\')
#: A backslash before punctuation: an escaped literal character in a regular expression
#: (compiled on first use: few names have one).
_ESCAPED_PUNCTUATION = r"\\([^0-9A-Za-z\s])"
#: The selector key Instana uses for the instrumentation scope of an id without one.
SCOPE_SELECTOR = "scope"


class MetricId(NamedTuple):
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
        """True for a ``metrics.<kind>.[<scope>/]<name>`` id."""
        return self.kind is not None

    @property
    def instrumentation_scope(self) -> str | None:
        """The scope written in the id, else the value of its ``scope`` selector, else None."""
        if self.scope is not None or not self.selectors:
            return self.scope
        return next((v for k, v in self.selectors if k == SCOPE_SELECTOR), None)

    @property
    def attribute_selectors(self) -> tuple[tuple[str, str], ...]:
        """The selectors that select by a metric attribute (all but ``scope``)."""
        return tuple((k, v) for k, v in self.selectors or () if k != SCOPE_SELECTOR)

    def format(self) -> str:
        """The id as Instana writes it; ``parse_metric_id(x.format()) == x``."""
        if self.pattern:
            return self.name
        text = self.name
        if self.kind:
            scoped = f"{self.scope}/{text}" if self.scope else text
            text = f"metrics.{self.kind}.{scoped}"
        if self.selectors is not None:
            pairs = ",".join(f'{key}="{_escape(value)}"' for key, value in self.selectors)
            text += "{" + pairs + "}"
        return text


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def parse_metric_id(text: str, *, regex: bool = False) -> MetricId:
    """Parse a metric id, bare name or pattern; never raises.

    With ``regex`` (a ``"regex": true`` widget), or with regular-expression syntax, the id is a
    pattern, unless its only syntax is escaped punctuation (``go\\.memory\\.used``): that names
    one metric, parsed with the escapes removed. Text with malformed selectors is kept whole as an
    unparsed bare name. Results are shared between equal inputs (a package names the same metrics
    many times).
    """
    return _parse_cached(text, regex)


def _parse(text: str, regex: bool) -> MetricId:
    """:func:`parse_metric_id` (``regex`` positional, as the cache wants)."""
    head, selectors = text, None
    brace = text.find("{")
    if brace >= 0:
        if text.endswith("}"):
            selectors = _parse_selectors(text[brace + 1 : -1])
        if selectors is None:
            return MetricId(text, pattern=regex or _looks_like_regex(text))
        head = text[:brace]
    if "\\" in head:
        head = re.sub(_ESCAPED_PUNCTUATION, r"\1", head)
    if _looks_like_regex(head):
        return MetricId(text, pattern=True)
    if head.startswith(_QUALIFIED_PREFIX):
        kind, dot, rest = head[len(_QUALIFIED_PREFIX) :].partition(".")
        if dot and rest and kind in KINDS:
            scope, slash, name = rest.rpartition("/")
            if not slash:
                return MetricId(rest, kind, None, selectors)
            if scope and name:
                return MetricId(name, kind, scope, selectors)
    return MetricId(head, selectors=selectors)


_parse_cached = functools.lru_cache(maxsize=4096)(_parse)


def _looks_like_regex(text: str) -> bool:
    """True when ``text`` has regular-expression syntax (a ``.`` alone is a dotted name).

    That is an escape (a backslash before anything but a line break or the end), a quantifier,
    a group, an alternation, an anchor or a ``[...]`` class.
    """
    if not _REGEX_CHARS.isdisjoint(text):
        return True
    bracket = text.find("[")
    if bracket >= 0 and text.find("]", bracket + 1) >= 0:
        return True
    backslash = text.find("\\")
    while backslash >= 0:
        if text[backslash + 1 : backslash + 2] not in ("", "\n"):
            return True
        backslash = text.find("\\", backslash + 1)
    return False


def _parse_selectors(body: str) -> tuple[tuple[str, str], ...] | None:
    pairs: list[tuple[str, str]] = []
    position = 0
    while position < len(body):
        equals = body.find('="', position)
        key = body[position:equals]
        if equals <= position or not _SELECTOR_STOP.isdisjoint(key):
            return None
        value, position = _read_quoted(body, equals + 2)
        if value is None:
            return None
        pairs.append((key, value))
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
    """The compiled regular expression of a pattern id (None when it does not compile).

    A package's pattern may make :mod:`re` warn (``[[`` is "a possible nested set"): that is
    no message for the user's terminal, and no exception where warnings are errors.
    """
    import warnings  # noqa: PLC0415 - imported by the interpreter's start already

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return re.compile(metric.name)
    except (re.error, OverflowError, RecursionError):
        return None


def nests_repetitions(metric: MetricId) -> bool:
    """True for a pattern that repeats a repetition (``(a+)+``, ``(\\w*\\s?)*``): matching it
    can take exponential time (a name of 40 characters, hours), so pkgkit does not match it.

    Read with :mod:`re`'s own parser (a private module, the same from 3.11 to 3.13; without it
    nothing is refused). A pattern without ``(`` has no group, so nothing in it holds a
    repetition: it is answered without parsing (most event patterns, ``prefix.*postfix``).
    """
    if "(" not in metric.name:
        return False
    try:
        from re import _constants, _parser  # noqa: PLC0415
    except ImportError:  # pragma: no cover - a Python that moved them
        return False
    import warnings  # noqa: PLC0415

    try:
        with warnings.catch_warnings():  # as in compile_pattern
            warnings.simplefilter("ignore")
            tree = _parser.parse(metric.name)
    except Exception:  # whatever does not parse does not compile either
        return False
    repeats = {_constants.MAX_REPEAT, _constants.MIN_REPEAT}
    pending: list[tuple[Any, bool]] = [(tree, False)]
    while pending:
        items, repeated = pending.pop()
        for op, argument in items:
            if op in repeats:
                many = argument[1] > 1
                if repeated and many:
                    return True
                pending.append((argument[2], repeated or many))
            elif op is _constants.BRANCH:
                pending.extend((branch, repeated) for branch in argument[1])
            elif isinstance(argument, tuple):  # groups, lookarounds, conditionals
                subpatterns = (p for p in argument if isinstance(p, _parser.SubPattern))
                pending.extend((subpattern, repeated) for subpattern in subpatterns)
            elif isinstance(argument, _parser.SubPattern):  # atomic groups
                pending.append((argument, repeated))
    return False


def pattern_matches(metric: MetricId, names: Iterable[tuple[str, str | None]]) -> list[str]:
    """Names of ``(name, scope)`` pairs the pattern matches, bare or as a qualified id (none
    for a pattern that :func:`nests_repetitions`)."""
    compiled = compile_pattern(metric)
    if compiled is None or nests_repetitions(metric):
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


class MetricReference:
    """One place content names a metric.

    ``context`` is the enclosing object (a widget's metric configuration with aggregation, unit,
    formatter and tagFilterExpression; an event rule with aggregation, conditionValue,
    conditionOperator and window; an entity metric).
    """

    __slots__ = ("context", "context_pointer", "file", "metric", "pointer")

    def __init__(
        self,
        file: "JsonFile",
        pointer: str,
        metric: MetricId,
        context: dict[str, Any],
        context_pointer: str,
    ) -> None:
        self.file = file
        self.pointer = pointer
        self.metric = metric
        self.context = context
        self.context_pointer = context_pointer

    def setting(self, key: str) -> Any:  # noqa: ANN401 - JSON values are Any by nature
        """A field of the enclosing object, or None."""
        return self.context.get(key)


class TagReference:
    """A tag-filter or group-by name that names an OpenTelemetry attribute.

    ``scope`` is ``"attribute"`` (a resource or metric attribute) or ``"metric"`` (a metric
    attribute).
    """

    __slots__ = ("attribute", "file", "pointer", "scope", "tag")

    def __init__(
        self, file: "JsonFile", pointer: str, tag: str, attribute: str, scope: str
    ) -> None:
        self.file = file
        self.pointer = pointer
        self.tag = tag
        self.attribute = attribute
        self.scope = scope


class References:
    """Metric and tag references of a package, found in one walk of each content document."""

    __slots__ = ("metrics", "tags")

    def __init__(self, metrics: list[MetricReference], tags: list[TagReference]) -> None:
        self.metrics = metrics
        self.tags = tags


def package_references(package: "Package") -> References:
    """Every metric and tag reference of the package's content, in file and document order."""
    found = References([], [])
    for file in package.content:
        if not file.ok:
            continue
        metrics, tags = len(found.metrics), len(found.tags)
        try:
            _object(file, "", file.data, found)
        except RecursionError:  # nested deeper than the stack allows: start over, with a list
            del found.metrics[metrics:], found.tags[tags:]
            _walk_iteratively(file, found)
    return found


def metric_references(package: "Package") -> list[MetricReference]:
    """Every metric reference of the package's content, in file and document order."""
    return package_references(package).metrics


def tag_references(package: "Package") -> list[TagReference]:
    """Tag-filter names, entity identifiers and group-by tags that name attributes."""
    return package_references(package).tags


#: Keys an object must have to hold a metric reference, or (besides a tag filter's ``type``) a
#: tag reference.
_METRIC_SITE_KEYS = METRIC_KEYS | {"source", PATTERN_KEY}
#: Keys whose value names a metric (or a pattern); in an entry of an entity's ``data.metrics``
#: also ``source``.
_NAMING_KEYS = METRIC_KEYS | {PATTERN_KEY}
_ENTITY_NAMING_KEYS = _NAMING_KEYS | {"source"}
_SITE_KEYS = _METRIC_SITE_KEYS | {"groupbyTag", "identifiers"}
_TAG_FILTER = "TAG_FILTER"
_ENTITY_METRICS = "/data/metrics/"

# The walks below read parsed JSON, whose containers are exactly ``dict`` and ``list``. Only
# containers get a pointer; an object is looked at further only when it has a key a reference
# needs.


def _object(file: "JsonFile", pointer: str, node: dict[str, Any], found: References) -> None:
    """Add the references of ``node`` and everything in it, in document order (recursive)."""
    if not _SITE_KEYS.isdisjoint(node):
        _site(file, pointer, node, found)
    elif node.get("type") == _TAG_FILTER:  # then its name is all that _site would add
        _tag(file, pointer, "name", node.get("name"), found.tags)
    for key, value in node.items():
        kind = type(value)
        if kind is dict:
            token = escape_pointer_token(key) if "~" in key or "/" in key else key
            _object(file, f"{pointer}/{token}", value, found)
        elif kind is list:
            token = escape_pointer_token(key) if "~" in key or "/" in key else key
            _array(file, f"{pointer}/{token}", value, found)


def _array(file: "JsonFile", pointer: str, node: list[Any], found: References) -> None:
    for index, value in enumerate(node):
        kind = type(value)
        if kind is dict:
            _object(file, f"{pointer}/{index}", value, found)
        elif kind is list:
            _array(file, f"{pointer}/{index}", value, found)


def _walk_iteratively(file: "JsonFile", found: References) -> None:
    """What :func:`_object` adds for the whole document, without recursion (for deep ones)."""
    pending: list[tuple[str, Any]] = [("", file.data)]
    while pending:
        pointer, node = pending.pop()
        if type(node) is dict:
            if not _SITE_KEYS.isdisjoint(node) or node.get("type") == _TAG_FILTER:
                _site(file, pointer, node, found)
            items = [(escape_pointer_token(k), v) for k, v in node.items()]
        else:
            items = [(str(i), v) for i, v in enumerate(node)]
        pending += [(f"{pointer}/{k}", v) for k, v in reversed(items) if type(v) in _CONTAINERS]


_CONTAINERS = (dict, list)


def _site(file: "JsonFile", pointer: str, node: dict[str, Any], found: References) -> None:
    """The metric, then the tag references of one object that has a key they need."""
    _metrics(file, pointer, node, found.metrics)
    if node.get("type") == _TAG_FILTER:
        _tag(file, pointer, "name", node.get("name"), found.tags)
    if "groupbyTag" in node:
        _tag(file, pointer, "groupbyTag", node["groupbyTag"], found.tags)
    identifiers = node.get("identifiers")
    if isinstance(identifiers, list):
        for i, value in enumerate(identifiers):
            _tag(file, pointer, f"identifiers/{i}", value, found.tags)


def _metrics(
    file: "JsonFile", pointer: str, node: dict[str, Any], found: list[MetricReference]
) -> None:
    keys = _ENTITY_NAMING_KEYS if _is_entity_metric(file, pointer) else _NAMING_KEYS
    named = keys.intersection(node)
    if not named:
        return
    ordered = [key for key in node if key in named] if len(named) > 1 else named  # object order
    regex = node.get("regex") is True
    for key in ordered:
        value = node[key]
        if key == PATTERN_KEY:
            if not isinstance(value, dict):
                continue
            metric = MetricId(metric_pattern_regex(value), pattern=True)
        elif isinstance(value, str):
            metric = _parse_cached(value, regex)
        else:
            continue
        found.append(MetricReference(file, f"{pointer}/{key}", metric, node, pointer))


def _is_entity_metric(file: "JsonFile", pointer: str) -> bool:
    """True for an entry of an entity's ``data.metrics`` list."""
    return (
        file.kind == "entity"
        and pointer.startswith(_ENTITY_METRICS)
        and pointer[len(_ENTITY_METRICS) :].isdecimal()
    )


def _tag(
    file: "JsonFile", pointer: str, relative: str, tag: object, found: list[TagReference]
) -> None:
    """Add ``tag`` (at ``pointer/relative``) when it is a string naming an attribute."""
    if not isinstance(tag, str):
        return
    for prefix, scope in ATTRIBUTE_PREFIXES.items():
        if tag.startswith(prefix) and len(tag) > len(prefix):
            attribute = tag[len(prefix) :]
            found.append(TagReference(file, f"{pointer}/{relative}", tag, attribute, scope))
            return
