"""The fast metric-reference paths give what the plain ones they replaced gave.

The oracles below are the regular-expression id parser and the queue walk that
:mod:`pkgkit.model.metrics` used before it parsed with string operations (cached per id) and
walked documents recursively (falling back to a queue for deep ones).
"""

import inspect
import json
import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from helpers import write_package
from pkgkit.model import metrics
from pkgkit.model.metrics import MetricId, package_references, parse_metric_id
from pkgkit.model.package import load_package

_QUALIFIED = re.compile(r"metrics\.(sums|gauges|histograms)\.(.+)", re.DOTALL)
_ESCAPED = re.compile(r"\\([^0-9A-Za-z\s])")
_REGEX_HINT = re.compile(r"\\.|\.[*+?]|\[[^\]]*\]|[()|^$*+?]")
_SELECTOR_KEY = re.compile(r'[^=,{}"\\]+')
_ENTITY_METRIC = re.compile(r"/data/metrics/\d+")


def _oracle_parse(text, regex=False):
    head, selectors = text, None
    brace = text.find("{")
    if brace >= 0:
        if text.endswith("}"):
            selectors = _oracle_selectors(text[brace + 1 : -1])
        if selectors is None:
            return MetricId(text, pattern=regex or bool(_REGEX_HINT.search(text)))
        head = text[:brace]
    head = _ESCAPED.sub(r"\1", head)
    if _REGEX_HINT.search(head):
        return MetricId(text, pattern=True)
    match = _QUALIFIED.fullmatch(head)
    if match:
        scope, slash, name = match.group(2).rpartition("/")
        if not slash:
            return MetricId(name, match.group(1), None, selectors)
        if scope and name:
            return MetricId(name, match.group(1), scope, selectors)
    return MetricId(head, selectors=selectors)


def _oracle_selectors(body):
    pairs = []
    position = 0
    while position < len(body):
        key = _SELECTOR_KEY.match(body, position)
        if key is None or body[key.end() : key.end() + 2] != '="':
            return None
        value, position = metrics._read_quoted(body, key.end() + 2)
        if value is None:
            return None
        pairs.append((key.group(), value))
        if position < len(body):
            if body[position] != "," or position + 1 == len(body):
                return None
            position += 1
    return tuple(pairs)


_ID_PARTS = st.sampled_from(
    ["metrics.", "sums", "gauges", "histograms", "sum", ".", "/", "{", "}", "=", '"', ",", "\\",
     "\n", "a", "b.c", "(", "|", "^", "$", "*", "+", "?", "[", "]", "\u0663", "x=\"1\"", "="]
)  # fmt: skip
_IDS = st.lists(_ID_PARTS, max_size=12).map("".join) | st.text(max_size=20)


@given(_IDS, st.booleans())
def test_ids_parse_as_the_regular_expression_parser_did(text, regex):
    assert parse_metric_id(text, regex=regex) == _oracle_parse(text, regex)
    assert parse_metric_id(text, regex=regex) == metrics._parse(text, regex)  # cache bypassed


@given(st.lists(_ID_PARTS, max_size=10).map("".join))
def test_regex_syntax_is_recognised_as_the_regular_expression_did(text):
    assert metrics._looks_like_regex(text) is bool(_REGEX_HINT.search(text))


def test_parsed_ids_are_shared_and_equal_by_value():
    text = 'metrics.sums.s/n{k="v"}'
    assert parse_metric_id(text) is parse_metric_id(text)
    assert parse_metric_id(text) == MetricId("n", "sums", "s", (("k", "v"),))
    assert parse_metric_id(text) != MetricId("n", "sums", "s")
    assert len({parse_metric_id(text), MetricId("n", "sums", "s", (("k", "v"),))}) == 1
    assert repr(MetricId("n")) == (
        "MetricId(name='n', kind=None, scope=None, selectors=None, pattern=False)"
    )


# References ----------------------------------------------------------------------------------


def _oracle_references(file):
    """Metric (pointer, id, context pointer) and tag (pointer, attribute, scope) references."""
    found, tags = [], []
    pending = [("", file.data)]
    while pending:
        pointer, node = pending.pop()
        if isinstance(node, dict):
            regex = node.get("regex") is True
            for key, value in node.items():
                token = key.replace("~", "~0").replace("/", "~1")
                entity = file.kind == "entity" and _ENTITY_METRIC.fullmatch(pointer)
                if isinstance(value, str) and (
                    key in {"metric", "metricName"} or (key == "source" and entity)
                ):
                    found.append((f"{pointer}/{token}", _oracle_parse(value, regex), pointer))
                elif key == "metricPattern" and isinstance(value, dict):
                    pattern = MetricId(metrics.metric_pattern_regex(value), pattern=True)
                    found.append((f"{pointer}/{token}", pattern, pointer))
            candidates = [("name", node.get("name"))] if node.get("type") == "TAG_FILTER" else []
            candidates.append(("groupbyTag", node.get("groupbyTag")))
            if isinstance(node.get("identifiers"), list):
                candidates += [(f"identifiers/{i}", v) for i, v in enumerate(node["identifiers"])]
            for relative, tag in candidates:
                for prefix, scope in metrics.ATTRIBUTE_PREFIXES.items():
                    if isinstance(tag, str) and tag.startswith(prefix) and len(tag) > len(prefix):
                        tags.append((f"{pointer}/{relative}", tag[len(prefix) :], scope))
                        break
            children = [
                (f"{pointer}/{k.replace('~', '~0').replace('/', '~1')}", v) for k, v in node.items()
            ]
        elif isinstance(node, list):
            children = [(f"{pointer}/{i}", v) for i, v in enumerate(node)]
        else:
            continue
        pending.extend(reversed(children))
    return found, tags


def _references_of(found, file):
    metric_refs = [
        (r.pointer, r.metric, r.context_pointer)
        for r in found.metrics
        if r.file is file and r.context is file.get(r.context_pointer)
    ]
    tag_refs = [(t.pointer, t.attribute, t.scope) for t in found.tags if t.file is file]
    return metric_refs, tag_refs


_KEYS = st.sampled_from(
    ["metric", "metricName", "source", "metricPattern", "regex", "type", "name", "groupbyTag",
     "identifiers", "data", "metrics", "a/b", "~", "\u0663", "0", "x"]
)  # fmt: skip
_TAG_VALUES = st.sampled_from(
    ["TAG_FILTER", "otel.attribute.service.name", "metric.tag.k", "otel.attribute.", "entity.type"]
)
_LEAVES = st.none() | st.booleans() | st.integers(-2, 2) | _TAG_VALUES | _IDS
_DOCUMENTS = st.dictionaries(
    _KEYS,
    st.recursive(
        _LEAVES,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=5),
        max_leaves=25,
    ),
    max_size=5,
)


@given(_DOCUMENTS, _DOCUMENTS, st.sampled_from(["dashboards", "entities", "events"]))
def test_references_are_found_as_the_queue_walk_found_them(tmp_path_factory, first, second, kind):
    root = write_package(
        tmp_path_factory.mktemp("p"),
        {"package.json": {"name": "p"}, f"{kind}/a.json": first, f"{kind}/b.json": second},
    )
    package = load_package(str(root))
    found = package_references(package)
    for file in package.content:
        assert _references_of(found, file) == _oracle_references(file)
        iterative = metrics.References([], [])
        metrics._walk_iteratively(file, iterative)
        assert _references_of(iterative, file) == _references_of(found, file)


def _with_frames_used(frames, compute):
    """``compute()`` called ``frames`` calls deeper than here."""
    return compute() if frames == 0 else _with_frames_used(frames - 1, compute)


def test_documents_deeper_than_the_stack_are_walked_with_a_queue(tmp_path, monkeypatch):
    walked = []
    queue_walk = metrics._walk_iteratively
    monkeypatch.setattr(
        metrics, "_walk_iteratively", lambda *args: walked.append(1) or queue_walk(*args)
    )
    depth = 300
    inner = {"metric": "go.memory.used", "type": "TAG_FILTER", "name": "metric.tag.k"}
    text = '{"a": ' + "[" * depth + json.dumps(inner) + "]" * depth + "}"
    write_package(tmp_path, {"package.json": {"name": "p"}, "dashboards/d.json": text})
    package = load_package(str(tmp_path))
    assert package.content[0].ok
    frames = sys.getrecursionlimit() - depth // 2  # too few left to recurse `depth` levels
    found = _with_frames_used(frames - len(inspect.stack()), lambda: package_references(package))
    pointer = "/a" + "/0" * depth
    assert [(r.pointer, r.metric.name) for r in found.metrics] == [
        (f"{pointer}/metric", "go.memory.used")
    ]
    assert [(t.pointer, t.attribute) for t in found.tags] == [(f"{pointer}/name", "k")]
    assert walked == [1]
    assert _references_of(package_references(package), package.content[0])[0] == [
        (f"{pointer}/metric", MetricId("go.memory.used"), pointer)
    ]  # with stack to spare, recursion finds the same
    assert walked == [1]
