"""The generated schema predicates (pkgkit.schemas.codegen -> pkgkit.schemas.validators).

The committed module must be what the generator writes from the shipped schemas, and every
predicate must give python-jsonschema's verdict: on schema-shaped documents drawn by Hypothesis
(valid ones and ones broken at any depth), on every content file of the fixtures, and on the
corner cases of JSON Schema's equality, types and lengths.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from helpers import REPO
from pkgkit.model.discovery import CONTENT_FOLDERS, MANIFEST
from pkgkit.schemas.codegen import COMMAND, SchemaCodegenError, generate
from pkgkit.schemas.validation import SCHEMA_FILES, load_schema
from pkgkit.schemas.validators import VALIDATORS

GENERATED = REPO / "src" / "pkgkit" / "schemas" / "validators.py"


def _predicate(schema: dict[str, Any]):
    """Compile a toy schema and load its predicate."""
    namespace: dict[str, Any] = {}
    exec(compile(generate({"toy": schema}), "<generated>", "exec"), namespace)
    return namespace["is_valid_toy"]


def _agree(schema: dict[str, Any], instance: object) -> bool:
    """The verdict of both validators, asserted equal."""
    expected = Draft202012Validator(schema).is_valid(instance)
    assert _predicate(schema)(instance) is expected, (schema, instance)
    return expected


# --------------------------------------------------------------------------- the module


def test_the_committed_module_is_generated_from_the_shipped_schemas():
    assert GENERATED.read_text(encoding="utf-8") == generate(), (
        f"schemas/*.schema.json changed without regenerating {GENERATED.name}: run `{COMMAND}`"
    )


def test_there_is_one_predicate_per_kind():
    assert set(VALIDATORS) == set(SCHEMA_FILES)


def test_the_generated_module_imports_only_re():
    source = GENERATED.read_text(encoding="utf-8")
    imports = [line for line in source.splitlines() if line.lstrip().startswith(("import", "from"))]
    assert imports == [
        "from __future__ import annotations",
        "import re",
        "from collections.abc import Callable",
    ]


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        (
            {"type": "object", "patternProperties": {"^x": {}}},
            "toy schema, #: unsupported keyword 'patternProperties'",
        ),
        (
            {"properties": {"a": {"format": "date"}}},
            "toy schema, #/properties/a: unsupported keyword 'format'",
        ),
        (
            {"$ref": "https://example.com/other.schema.json"},
            "toy schema, #: $ref 'https://example.com/other.schema.json' is not a local "
            "'#/$defs/<name>' reference",
        ),
        (
            {"items": {"$ref": "#/$defs/missing"}},
            "toy schema, #/items: $ref '#/$defs/missing' is not a local '#/$defs/<name>' reference",
        ),
        (
            {"properties": {"a": {"$id": "https://example.com/a"}}},
            "toy schema, #/properties/a: nested '$id' is not supported",
        ),
        ({"items": False}, "toy schema, #/items: boolean subschema False is not supported"),
        (
            {"enum": [[1, 2]]},
            "toy schema, #/enum: only string, number, boolean and null values are supported",
        ),
        ({"type": "integer", "minimum": "0"}, "toy schema, #/minimum: expected a number, not '0'"),
    ],
)
def test_the_generator_refuses_what_it_does_not_compile(schema, message):
    with pytest.raises(SchemaCodegenError) as error:
        generate({"toy": schema})
    assert str(error.value) == message


# --------------------------------------------------------------------------- semantics

NAN = math.nan


#: (schema, instance, valid): the corner cases of JSON Schema's equality, types and lengths.
SEMANTICS = [
    ({"enum": [1, "a"]}, True, False),
    ({"enum": [1, "a"]}, 1.0, True),
    ({"enum": [True]}, 1, False),
    ({"enum": [True, None]}, None, True),
    ({"enum": [False]}, 0, False),
    ({"enum": [-1, 5, 10]}, 5.0, True),
    ({"enum": ["READ"]}, ["READ"], False),
    ({"enum": [1.5, 2]}, 1.5, True),
    ({"enum": ["a, b", "c"]}, "a, b", True),
    ({"enum": ["a, b", "c"]}, "a", False),
    ({"enum": ["it's", 'say "x"']}, 'say "x"', True),
    ({"enum": ["a", 1, True, None]}, 1.0, True),
    ({"enum": ["a", 1, True, None]}, False, False),
    ({"enum": ["a", 1, False]}, 0, False),
    ({"const": True}, 1, False),
    ({"const": True}, True, True),
    ({"const": 1}, True, False),
    ({"const": 1}, 1.0, True),
    ({"const": 0}, False, False),
    ({"const": None}, 0, False),
    ({"const": "threshold"}, "threshold", True),
    ({"const": "1"}, 1, False),
    ({"type": "integer"}, 1.0, True),
    ({"type": "integer"}, 1.5, False),
    ({"type": "integer"}, True, False),
    ({"type": "integer"}, NAN, False),
    ({"type": "integer"}, math.inf, False),
    ({"type": "number"}, False, False),
    ({"type": "number"}, NAN, True),
    ({"type": ["string", "null"]}, None, True),
    ({"type": ["string", "null"]}, 0, False),
    ({"type": "boolean"}, 0, False),
    ({"type": "object"}, [], False),
    ({"type": "array"}, {}, False),
    ({"minimum": 0}, NAN, True),
    ({"maximum": 0}, NAN, True),
    ({"exclusiveMinimum": 0}, NAN, True),
    ({"exclusiveMinimum": 0}, 0, False),
    ({"exclusiveMaximum": 0}, 0.0, False),
    ({"exclusiveMaximum": 0}, -0.5, True),
    ({"type": "integer", "minimum": 1}, 0.0, False),
    ({"minimum": 1}, "0", True),
    ({"minimum": 1}, False, True),
    ({"maxLength": 1}, "\U0001f600", True),
    ({"maxLength": 1}, "\U0001f600\U0001f600", False),
    ({"minLength": 2}, "\U0001f600", False),
    ({"maxLength": 1}, ["a", "b"], True),
    ({"maxItems": 1}, "ab", True),
    ({"minItems": 1}, [], False),
    ({"pattern": "b"}, "abc", True),
    ({"pattern": "^b"}, "abc", False),
    ({"pattern": "\\S"}, " \t\n", False),
    ({"pattern": "\\S"}, "\u00a0x", True),
    ({"pattern": "\\S"}, 7, True),
    ({"required": ["a"]}, [], True),
    ({"required": ["a"]}, {}, False),
    ({"properties": {"a": {"type": "string"}}}, {"a": 1}, False),
    ({"properties": {"a": {"type": "string"}}}, ["a"], True),
    ({"properties": {"a": {}}, "additionalProperties": False}, {"a": 1, "b": 2}, False),
    ({"properties": {"a": {}}, "additionalProperties": False}, {"a": 1}, True),
    ({"additionalProperties": False}, {}, True),
    ({"additionalProperties": False}, {"a": 1}, False),
    ({"additionalProperties": {"type": "string"}}, {"a": "x", "b": 2}, False),
    ({"properties": {"b": {}}, "additionalProperties": {"type": "string"}}, {"b": 2}, True),
    ({"propertyNames": {"maxLength": 1}}, {"ab": 1}, False),
    ({"propertyNames": {"maxLength": 1}}, {"a": 1}, True),
    ({"items": {"type": "string"}}, ["a", 1], False),
    ({"anyOf": [{"type": "string"}, {"type": "null"}]}, 1, False),
    ({"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}, {"a": 1, "b": 1}, False),
    ({"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}, {"a": 1}, True),
    ({"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}, {}, False),
    ({"if": {"required": ["a"]}, "then": {"required": ["b"]}}, {"a": 1}, False),
    ({"if": {"required": ["a"]}, "else": {"required": ["b"]}}, {"a": 1}, True),
    ({"if": {"required": ["a"]}, "else": {"required": ["b"]}}, {}, False),
    ({"if": {"required": ["a"]}, "then": {}, "else": {"title": "no check"}}, {}, True),
    ({"then": {"required": ["b"]}}, {}, True),
    ({"allOf": [{"type": "object"}, {"required": ["a"]}]}, {"a": 0}, True),
    (
        {"$defs": {"n": {"type": "integer"}}, "items": {"$ref": "#/$defs/n"}},
        [1, "x"],
        False,
    ),
]


@pytest.mark.parametrize(("schema", "instance", "valid"), SEMANTICS)
def test_predicates_decide_as_python_jsonschema(schema, instance, valid):
    assert _agree(schema, instance) is valid



def test_other_patterns_are_searched_as_written_and_compiled_on_first_use():
    source = generate({"toy": {"pattern": "^a+$"}})
    assert '_PATTERN_0 = "^a+$"' in source
    assert "re.search(_PATTERN_0, instance) is None" in source
    assert "re.compile" not in source


# --------------------------------------------------------------------------- fixtures


def _fixture_documents():
    for root in (REPO / "fixtures", REPO / "tests" / "fixtures"):
        for path in sorted(root.rglob("*.json")):
            kind = "package" if path.name == MANIFEST else CONTENT_FOLDERS.get(path.parent.name)
            if kind:
                yield pytest.param(kind, path, id=str(path.relative_to(REPO)))


@pytest.mark.parametrize(("kind", "path"), list(_fixture_documents()))
def test_every_fixture_document_gets_the_same_verdict(kind, path):
    document = json.loads(path.read_text(encoding="utf-8"))
    expected = Draft202012Validator(load_schema(kind)).is_valid(document)
    assert VALIDATORS[kind](document) is expected


# --------------------------------------------------------------------------- Hypothesis

#: Values that trip naive validators: bools vs numbers, integral floats, NaN, placeholders.
TRICKY = st.sampled_from(
    [
        True,
        False,
        None,
        0,
        1,
        -1,
        1.0,
        0.5,
        NAN,
        math.inf,
        "",
        " ",
        "{{ x }}",
        "{{x}}",
        "{{ }}",
        "\u00a0",
        "\U0001f600",
        "READ",
        "threshold",
        "EQUALS",
        [],
        {},
        [1],
        {"a": 1},
    ]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=6,
)


def _shaped(schema: dict[str, Any], node: Any, depth: int = 4) -> st.SearchStrategy[Any]:
    """Documents shaped like ``node``: mostly fitting it, now and then a wrong value here."""
    wrong = TRICKY | JSON_VALUES
    if depth == 0 or not isinstance(node, dict):
        return wrong
    fitting = _fitting(schema, node, depth)
    # Hypothesis draws boundary values often: the wrong value sits at an inner one.
    return st.integers(0, 39).flatmap(lambda dice: wrong if dice == WRONG else fitting)


def _fitting(schema: dict[str, Any], node: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        return st.deferred(lambda: _shaped(schema, schema["$defs"][name], depth - 1))  # recursion
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    branches = node.get("anyOf") or node.get("oneOf")
    if branches and "type" not in node:
        return st.one_of([_shaped(schema, b, depth) for b in branches])
    return _typed(schema, node, depth)


def _typed(schema: dict[str, Any], node: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    """Values of the (first) type ``node`` allows; an object when it names none."""
    types = node.get("type", ["object"])
    kind = types if isinstance(types, str) else types[0]
    if kind == "object":
        return _object(schema, node, depth)
    if kind == "array":
        items = _shaped(schema, node.get("items", {}), depth)
        return st.lists(items, min_size=node.get("minItems", 0), max_size=3)
    if kind == "string":
        pattern = node.get("pattern")
        text = st.text(max_size=8)
        return st.from_regex(pattern).map(lambda s: s[:300]) | text if pattern else text
    if kind == "integer":
        low = node.get("minimum", node.get("exclusiveMinimum", -3) + 1)
        integers = st.integers(low, node.get("maximum", 14))
        return integers | integers.map(float)
    if kind == "number":
        return st.floats() | st.integers()
    return st.booleans() if kind == "boolean" else st.none()


def _resolved(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node and len(node) == 1:
        node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
    return node


def _variants(schema: dict[str, Any], node: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """Ways to fill an object: one ``then`` of its ``allOf`` conditions (or none), one branch
    of its ``oneOf``/``anyOf``, and the node itself, most specific first."""
    thens = [_resolved(schema, s["then"]) for s in node.get("allOf", []) if "then" in s]
    branches = [_resolved(schema, b) for b in node.get("oneOf", node.get("anyOf", []))]
    return [
        [part for part in (then, branch, node) if part is not None]
        for then in [*thens, None]
        for branch in [*branches, None]
    ]


def _properties(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """Property schemas of ``parts``, the first telling one winning (not a bare bound)."""
    telling = {"type", "const", "enum", "$ref", "anyOf", "oneOf"}
    found: dict[str, Any] = {}
    for part in parts:
        for name, sub in part.get("properties", {}).items():
            if name not in found and telling & set(sub):
                found[name] = sub
    for part in parts:
        for name in part.get("required", []):
            found.setdefault(name, {"type": "string"})
    return found


def _object(schema: dict[str, Any], node: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    return st.sampled_from(_variants(schema, node)).flatmap(
        lambda parts: _filled(schema, parts, depth)
    )


def _filled(
    schema: dict[str, Any], parts: list[dict[str, Any]], depth: int
) -> st.SearchStrategy[Any]:
    properties = _properties(parts)
    values = {name: _shaped(schema, sub, depth) for name, sub in properties.items()}
    required = {name for part in parts for name in part.get("required", [])}
    optional = {name: value for name, value in values.items() if name not in required}
    fixed = {name: value for name, value in values.items() if name in required}
    base = st.fixed_dictionaries(fixed, optional=optional)
    keys = st.sampled_from([*properties, "unknownKey"])
    return st.tuples(base, st.integers(0, 39), keys, TRICKY).map(_mutate)


def _mutate(drawn: tuple[dict[str, Any], int, str, Any]) -> dict[str, Any]:
    """Drop a key, set one to a tricky value, add an unknown one, or keep the document."""
    document, action, key, value = drawn
    document = dict(document)
    if action == DROP:
        document.pop(key, None)
    elif action == SET:
        document[key] = value
    elif action == ADD:
        document["unknownKey"] = value
    return document


EXAMPLES = 150
#: Dice values (of 0..39) that choose a wrong value or a mutation; others keep the shape.
WRONG, DROP, SET, ADD = 23, 3, 5, 7


@pytest.mark.parametrize("kind", list(SCHEMA_FILES))
def test_predicates_agree_with_python_jsonschema_on_generated_documents(kind):
    schema = load_schema(kind)
    validator = Draft202012Validator(schema)
    verdicts: list[bool] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(_fitting(schema, schema, 4))
    def agree(document):
        expected = validator.is_valid(document)
        assert VALIDATORS[kind](document) is expected
        verdicts.append(expected)

    agree()
    assert True in verdicts
    assert False in verdicts
