"""The schema walk (pkgkit.schemas.violations) finds python-jsonschema's errors.

Every error of ``Draft202012Validator(schema).iter_errors(document)``, with its context, is
compared field by field (keyword, keyword value, instance, subschema, relative and absolute
path, message): on the corner cases of the generated predicates' semantics, on every JSON
document of the fixtures and of the published packages, and on schema-shaped documents drawn by
Hypothesis (valid ones and ones broken at any depth).
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from test_schema_codegen import SEMANTICS, _fitting

from helpers import REPO
from pkgkit.model.discovery import CONTENT_FOLDERS, MANIFEST
from pkgkit.schemas import codegen
from pkgkit.schemas.validation import SCHEMA_FILES, load_schema, validate
from pkgkit.schemas.violations import _KEYWORDS, iter_errors

PUBLISHED = REPO.parent / "shared" / "reference" / "packages"


def _flat(error: Any, depth: int = 0) -> list[tuple[Any, ...]]:
    """One error and its context, depth first, as comparable values."""
    own = (
        depth,
        error.validator,
        repr(error.validator_value),
        repr(error.instance),
        repr(error.schema),
        list(error.path),
        list(error.absolute_path),
        error.message,
    )
    return [own, *(row for sub in error.context for row in _flat(sub, depth + 1))]


def _errors(errors: Any) -> list[tuple[Any, ...]]:
    return [row for error in errors for row in _flat(error)]


def _assert_same_errors(schema: dict[str, Any], document: object, *, ordered: bool = True):
    expected = _errors(Draft202012Validator(schema).iter_errors(document))
    found = _errors(iter_errors(document, schema))
    if not ordered:  # python-jsonschema checks additionalProperties' extras in a set's order
        expected, found = sorted(expected, key=repr), sorted(found, key=repr)
    assert found == expected
    return expected


def test_every_keyword_the_generator_compiles_is_walked():
    assert set(_KEYWORDS) == set(codegen._SUPPORTED) - {"then", "else"}  # `if` reads them


@pytest.mark.parametrize(("schema", "instance"), [case[:2] for case in SEMANTICS])
def test_the_corner_cases_give_the_same_errors(schema, instance):
    _assert_same_errors(schema, instance)


@pytest.mark.parametrize(
    ("schema", "instance", "keywords"),
    [
        ({"anyOf": [{"type": "string"}, {"enum": [1]}]}, 2, ["anyOf", "type", "enum"]),
        (
            {"oneOf": [{"required": ["a"]}, {"required": ["b"]}, {"type": "object"}]},
            {"a": 1, "b": 2},
            ["oneOf"],
        ),
        (
            {"oneOf": [{"required": ["a"]}, {"required": ["b"]}]},
            {},
            ["oneOf", "required", "required"],
        ),
        ({"items": {"minimum": 1}, "maxItems": 1}, [0, 2, -1], ["minimum", "minimum", "maxItems"]),
        (
            {"properties": {"a": {}}, "additionalProperties": False},
            {"c": 1, "a": 2, "b": 3},
            ["additionalProperties"],
        ),
        ({"propertyNames": {"pattern": "^a"}}, {"ab": 1, "b": 2}, ["pattern"]),
        (
            {"$defs": {"n": {"type": "integer"}}, "properties": {"x": {"$ref": "#/$defs/n"}}},
            {"x": "1"},
            ["type"],
        ),
    ],
)
def test_nested_and_combined_keywords_give_the_same_errors(schema, instance, keywords):
    assert [row[1] for row in _assert_same_errors(schema, instance)] == keywords


def _documents():
    roots = [REPO / "fixtures", REPO / "tests" / "fixtures", PUBLISHED]
    for root in roots:
        for path in sorted(root.rglob("*.json")) if root.is_dir() else []:
            kind = "package" if path.name == MANIFEST else CONTENT_FOLDERS.get(path.parent.name)
            if kind:
                yield pytest.param(kind, path, id=str(path.relative_to(root.parent)))


@pytest.mark.parametrize(("kind", "path"), list(_documents()))
def test_every_fixture_and_published_document_gets_the_same_errors(kind, path):
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        pytest.skip("not JSON (PKG001's case)")
    _assert_same_errors(load_schema(kind), document)


def test_the_published_packages_have_documents_with_errors():
    if not PUBLISHED.is_dir():
        pytest.skip("../shared/reference/packages is not beside the repository")
    failing = [
        path
        for _, path in (param.values for param in _documents())
        if PUBLISHED in path.parents
        and list(validate(_kind(path), json.loads(path.read_text(encoding="utf-8"))))
    ]
    assert failing


def _kind(path):
    return "package" if path.name == MANIFEST else CONTENT_FOLDERS[path.parent.name]


@pytest.mark.parametrize("kind", list(SCHEMA_FILES))
def test_generated_documents_get_the_same_errors(kind):
    schema = load_schema(kind)
    counts: list[int] = []

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(_fitting(schema, schema, 4))
    def agree(document):
        counts.append(len(_assert_same_errors(schema, document, ordered=False)))

    agree()
    assert 0 in counts
    assert any(counts)


def test_explaining_a_failing_document_does_not_import_python_jsonschema():
    script = (
        "import sys\n"
        "from pkgkit.schemas.validation import validate\n"
        "errors = list(validate('event', {'name': 7}))\n"
        "print(len(errors), 'jsonschema' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split()[1] == "False"
    assert int(done.stdout.split()[0]) > 1
