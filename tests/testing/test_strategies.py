"""Variable value strategies: declared object, array and $ref schemas, refusals, ``pkgkit test``."""

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator

from helpers import copy_go
from pkgkit.testing.strategies import (
    PROBE_EXAMPLES,
    UndrawableSchemaError,
    assignments,
    schema_values,
    undrawable_reason,
)

OBJECT = {
    "type": "object",
    "properties": {"a": {"type": "string"}, "n": {"type": "integer", "minimum": 0}},
    "required": ["a"],
}
ARRAY = {"type": "array", "items": {"type": "integer"}, "minItems": 1, "maxItems": 4}
DEFS = {"$defs": {"short": {"type": "string", "maxLength": 3}}, "items": {"$ref": "#/$defs/short"}}
NODE = {"type": "object", "properties": {"kids": {"items": {"$ref": "#/$defs/node"}}}}
TREE = {"$defs": {"node": NODE}, "$ref": "#/$defs/node"}
RECURSIVE_TEXT = (
    "its $ref '#/$defs/node' is recursive: pkgkit test cannot draw values from a recursive schema"
)
#: As the search runs them (pkgkit.testing.search): derandomized, filtering allowed.
EXAMPLES = settings(
    max_examples=30, deadline=None, database=None, derandomize=True,
    suppress_health_check=[HealthCheck.filter_too_much],
)


def instance(text, schema):
    value = json.loads(text)
    assert Draft202012Validator(schema).is_valid(value), value
    return value


@EXAMPLES
@given(schema_values(OBJECT))
def test_an_object_schema_gives_the_json_text_of_its_instances(text):
    assert isinstance(instance(text, OBJECT)["a"], str)


@EXAMPLES
@given(schema_values(ARRAY))
def test_an_array_schema_gives_the_json_text_of_its_instances(text):
    assert 1 <= len(instance(text, ARRAY)) <= 4


@EXAMPLES
@given(schema_values({"type": "array", **DEFS}))
def test_a_non_recursive_ref_is_followed(text):
    assert all(len(item) <= 3 for item in instance(text, {"type": "array", **DEFS}))


@EXAMPLES
@given(assignments(["tree"], {"tree": {"type": "object", "properties": {"ok": ARRAY}}}))
def test_assignments_hold_object_variables_as_json_text(values):
    if "tree" in values:
        assert isinstance(json.loads(values["tree"]), dict)


UNEVALUATED = {"properties": {"a": {"type": "integer"}}, "unevaluatedProperties": False}


@EXAMPLES
@given(schema_values({"type": "object", **UNEVALUATED}))
def test_values_satisfy_2020_12_keywords_hypothesis_jsonschema_ignores(text):
    assert set(instance(text, {"type": "object", **UNEVALUATED})) <= {"a"}


def test_a_recursive_ref_is_refused_with_its_reason():
    assert undrawable_reason(TREE) == RECURSIVE_TEXT
    with pytest.raises(UndrawableSchemaError, match=r"^its \$ref '#/\$defs/node' is recursive"):
        schema_values(TREE)


@pytest.mark.parametrize(
    ("schema", "ref"),
    [
        ({"type": "object", "properties": {"child": {"$ref": "#"}}}, "#"),
        ({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"items": {"$ref": "#/$defs/a"}}},
          "$ref": "#/$defs/a"}, "#/$defs/a"),
        ({"properties": {"x": {"$ref": "#/$defs/a"}}, "$defs": {"a": {"$ref": "#/$defs/a"}}},
          "#/$defs/a"),
    ],
)
def test_every_recursive_ref_names_the_ref_that_leads_back(schema, ref):
    assert undrawable_reason(schema) == (
        f"its $ref {ref!r} is recursive: pkgkit test cannot draw values from a recursive schema"
    )


@pytest.mark.parametrize(
    "schema",
    [
        DEFS,
        {"$defs": {"a": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/a"},
                                                            "y": {"$ref": "#/$defs/a"}}},
        {"$defs": {"a~b/c": {"type": "integer"}}, "$ref": "#/$defs/a~0b~1c"},
        {"$ref": "#/$defs/missing"},
        {"$defs": {"x": {"$ref": "#/$defs/x"}}},
        {"const": {"$ref": "#"}},
        {"enum": [{"$ref": "#"}, 1]},
    ],
)
def test_shared_missing_unused_and_quoted_refs_are_not_recursive(schema):
    reason = undrawable_reason(schema)
    assert reason is None or "recursive" not in reason


def test_a_schema_admitting_nothing_is_refused():
    assert undrawable_reason({"not": {}}) == (
        f"no value satisfying it was drawn in {PROBE_EXAMPLES} tries (it admits none, or relies "
        "on keywords hypothesis-jsonschema does not know)"
    )


def test_a_remote_ref_is_refused_with_hypothesis_jsonschemas_reason():
    reason = undrawable_reason({"$ref": "https://example.com/schema.json"})
    assert reason.startswith("cannot draw values from it: ")
    assert "remote references" in reason


# --------------------------------------------------------------------------- pkgkit test


def pkgkit_test(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "pkgkit", "test", str(root), "--max-examples", "20", *args],
        cwd=root.parent, capture_output=True, text=True, check=False,
    )


def go_with(tmp_path, config_name, config_text):
    root = copy_go(tmp_path)
    (root / config_name).write_text(config_text, encoding="utf-8")
    return root


OBJECT_CONFIG = (
    "variables:\n  servicename:\n    type: object\n    properties:\n      a: {type: string}\n"
)


def test_pkgkit_test_passes_an_object_variable_in_json_safe_mode(tmp_path):
    result = pkgkit_test(go_with(tmp_path, ".pkgkit.yaml", OBJECT_CONFIG), "--mode", "json-safe")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "7 passed" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_pkgkit_test_finds_an_array_variable_breaking_instana_rendering(tmp_path):
    config = "variables:\n  servicename:\n    type: array\n    items: {type: string}\n"
    result = pkgkit_test(go_with(tmp_path, ".pkgkit.yaml", config), "--mode", "instana")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "go/dashboards/go-runtime-metrics.json:45:27: property 'round-trip'" in result.stdout
    assert "minimal counterexample: servicename='[" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_pkgkit_test_refuses_a_recursive_variable_schema_with_exit_code_2(tmp_path):
    config = (
        "variables:\n"
        "  serviceinstanceid: {type: string}\n"
        "  servicename:\n"
        "    $defs:\n"
        "      node: {type: object, properties: {kids: {items: {$ref: '#/$defs/node'}}}}\n"
        "    $ref: '#/$defs/node'\n"
    )
    result = pkgkit_test(go_with(tmp_path, ".pkgkit.yaml", config))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "pkgkit configuration error:" in result.stdout
    assert f"go/.pkgkit.yaml:3: variables.servicename: {RECURSIVE_TEXT}" in result.stdout
    assert "passed" not in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_refused_variable_in_pyproject_toml_is_located_on_its_table(tmp_path):
    config = (
        '[project]\nname = "x"\n\n[tool.pkgkit.variables.servicename]\nnot = {}\n'
    )
    result = pkgkit_test(go_with(tmp_path, "pyproject.toml", config))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "go/pyproject.toml:4: variables.servicename: no value satisfying it" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
