"""Every violation of a document against one of pkgkit's schemas, as python-jsonschema finds them.

:func:`iter_errors` walks a schema over a document the way python-jsonschema's
``Draft202012Validator(schema).iter_errors(document)`` does (``jsonschema/validators.py``
``descend``, ``jsonschema/_keywords.py``), for the keywords pkgkit's schemas use (the ones
:mod:`pkgkit.schemas.codegen` compiles, local ``#/$defs/<name>`` references): the same errors in
the same order, each with the same keyword, keyword value, instance, subschema, path, message,
``anyOf``/``oneOf`` context and parent. The one difference is an order: an
``additionalProperties`` subschema checks the extra members in the document's order (python-
jsonschema iterates a set of them, in an order that changes from process to process).

Only a document the generated predicates reject is walked (:func:`pkgkit.schemas.validation.
validate`). python-jsonschema did this until it was measured: importing it costs ~106 ms of CPU
(attrs classes, referencing, every metaschema of jsonschema_specifications), more than a whole
lint of a package whose schema passes; this walk imports only ``re`` and takes ~0.1 ms per
failing published document. tests/schemas/test_violations.py holds the two equal, error by
error, on the fixtures, the published packages and generated documents.
"""

from __future__ import annotations

import re
from collections import deque
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

    Schema = Mapping[str, Any]
    Keyword = Callable[["_Walk", Any, Any, Schema], "Iterator[Violation]"]

_UNSET: Any = object()


class Violation:
    """One error, with the fields of python-jsonschema's ``ValidationError`` that pkgkit reads.

    ``validator`` is the failing keyword, ``validator_value`` its value in ``schema`` (the
    subschema holding it), ``instance`` the value that fails; ``path`` leads from the instance
    of the error that holds this one in its ``context`` (else from the document) to
    ``instance``, and :attr:`absolute_path` from the document.
    """

    __slots__ = ("context", "instance", "message", "parent", "path", "schema", "validator",
                 "validator_value")

    def __init__(self, message: str, context: Sequence[Violation] = ()) -> None:
        self.message = message
        self.context = list(context)
        self.parent: Violation | None = None
        self.path: deque[str | int] = deque()
        self.validator: Any = _UNSET
        self.validator_value: Any = _UNSET
        self.instance: Any = _UNSET
        self.schema: Any = _UNSET
        for error in self.context:
            error.parent = self

    @property
    def absolute_path(self) -> deque[str | int]:
        """The path from the document to :attr:`instance`."""
        if self.parent is None:
            return deque(self.path)
        path = deque(self.path)
        path.extendleft(reversed(self.parent.absolute_path))
        return path

    def _set(self, keyword: str, value: Any, instance: Any, schema: Mapping[str, Any]) -> None:  # noqa: ANN401
        if self.validator is _UNSET:
            self.validator, self.validator_value = keyword, value
            self.instance, self.schema = instance, schema


def iter_errors(instance: object, schema: Mapping[str, Any]) -> Iterator[Violation]:
    """Every violation of ``instance`` against ``schema`` (a whole schema, with its ``$defs``)."""
    return _Walk(schema).descend(instance, schema)


class _Walk:
    """A walk of one schema: its root resolves the ``$ref`` s."""

    __slots__ = ("root",)

    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root

    def descend(
        self, instance: Any, schema: Mapping[str, Any], path: str | int | None = None  # noqa: ANN401
    ) -> Iterator[Violation]:
        for keyword, value in schema.items():
            check = _KEYWORDS.get(keyword)
            if check is None:
                continue
            for error in check(self, value, instance, schema):
                error._set(keyword, value, instance, schema)
                if path is not None:
                    error.path.appendleft(path)
                yield error

    def is_valid(self, instance: Any, schema: Mapping[str, Any]) -> bool:  # noqa: ANN401
        return next(self.descend(instance, schema), None) is None


def _is_type(instance: object, kind: str) -> bool:
    """python-jsonschema's Draft 2020-12 type checker, for JSON values."""
    if isinstance(instance, bool):
        return kind == "boolean"
    if isinstance(instance, int):
        return kind in {"integer", "number"}
    if isinstance(instance, float):
        return kind == "number" or (kind == "integer" and instance.is_integer())
    return _JSON_TYPES.get(type(instance)) == kind


_JSON_TYPES = {dict: "object", list: "array", str: "string", type(None): "null"}


def _equal(one: object, two: object) -> bool:
    """python-jsonschema's equality: ``true`` is not ``1``, in containers too."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return one == two
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(map(_equal, one, two))
    if isinstance(one, dict) and isinstance(two, dict):
        return len(one) == len(two) and all(
            key in two and _equal(value, two[key]) for key, value in one.items()
        )
    if isinstance(one, bool) or isinstance(two, bool):
        return False  # not the same object: different booleans, or a boolean and a number
    return one == two


# --------------------------------------------------------------------------- keywords
# Each as in jsonschema/_keywords.py (its messages too): called with the walk, the keyword's
# value, the instance and the subschema holding the keyword; walk.descend sets the rest.


def _type(walk: _Walk, types: Any, instance: object, schema: Schema) -> Iterator[Violation]:  # noqa: ANN401
    names = types if isinstance(types, list) else [types]
    if not any(_is_type(instance, name) for name in names):
        reprs = ", ".join(repr(name) for name in names)
        yield Violation(f"{instance!r} is not of type {reprs}")


def _enum(walk: _Walk, enums: Any, instance: object, schema: Schema) -> Iterator[Violation]:  # noqa: ANN401
    if all(not _equal(each, instance) for each in enums):
        yield Violation(f"{instance!r} is not one of {enums!r}")


def _const(walk: _Walk, const: object, instance: object, schema: Schema) -> Iterator[Violation]:
    if not _equal(instance, const):
        yield Violation(f"{const!r} was expected")


def _pattern(walk: _Walk, pattern: str, instance: object, schema: Schema) -> Iterator[Violation]:
    if isinstance(instance, str) and not re.search(pattern, instance):
        yield Violation(f"{instance!r} does not match {pattern!r}")


def _bound(fails: Callable[[Any, Any], bool], words: str) -> Keyword:
    """``minimum`` and its kind: ``fails(instance, bound)`` on numbers."""

    def check(walk: _Walk, bound: float, instance: object, schema: Schema) -> Iterator[Violation]:
        if _is_type(instance, "number") and fails(instance, bound):
            yield Violation(f"{instance!r} is {words} {bound!r}")

    return check


def _size(kind: str, *, minimum: bool) -> Keyword:
    """``minLength`` and its kind: the length of strings or arrays."""

    def check(walk: _Walk, size: int, instance: Any, schema: Schema) -> Iterator[Violation]:  # noqa: ANN401
        if not _is_type(instance, kind):
            return
        if minimum and len(instance) < size:
            words = "should be non-empty" if size == 1 else "is too short"
            yield Violation(f"{instance!r} {words}")
        elif not minimum and len(instance) > size:
            words = "is expected to be empty" if size == 0 else "is too long"
            yield Violation(f"{instance!r} {words}")

    return check


def _required(walk: _Walk, names: Any, instance: object, schema: Schema) -> Iterator[Violation]:  # noqa: ANN401
    if isinstance(instance, dict):
        for name in names:
            if name not in instance:
                yield Violation(f"{name!r} is a required property")


def _properties(
    walk: _Walk, properties: Schema, instance: object, schema: Schema
) -> Iterator[Violation]:
    if isinstance(instance, dict):
        for name, subschema in properties.items():
            if name in instance:
                yield from walk.descend(instance[name], subschema, path=name)


def _additional_properties(
    walk: _Walk, allowed: object, instance: object, schema: Schema
) -> Iterator[Violation]:
    if not isinstance(instance, dict):
        return
    known = schema.get("properties", {})
    extras = [name for name in instance if name not in known]
    if isinstance(allowed, dict):
        for extra in extras:
            yield from walk.descend(instance[extra], allowed, path=extra)
    elif not allowed and extras:
        shown = ", ".join(repr(extra) for extra in sorted(extras, key=str))
        verb = "was" if len(extras) == 1 else "were"
        yield Violation(f"Additional properties are not allowed ({shown} {verb} unexpected)")


def _property_names(
    walk: _Walk, names: Schema, instance: object, schema: Schema
) -> Iterator[Violation]:
    if isinstance(instance, dict):
        for name in instance:
            yield from walk.descend(name, names)


def _items(walk: _Walk, items: Schema, instance: object, schema: Schema) -> Iterator[Violation]:
    if isinstance(instance, list):
        for index, item in enumerate(instance):
            yield from walk.descend(item, items, path=index)


def _ref(walk: _Walk, ref: str, instance: object, schema: Schema) -> Iterator[Violation]:
    yield from walk.descend(instance, walk.root["$defs"][ref.removeprefix("#/$defs/")])


def _all_of(
    walk: _Walk, subschemas: list[Schema], instance: object, schema: Schema
) -> Iterator[Violation]:
    for subschema in subschemas:
        yield from walk.descend(instance, subschema)


def _any_of(
    walk: _Walk, subschemas: list[Schema], instance: object, schema: Schema
) -> Iterator[Violation]:
    found: list[Violation] = []
    for subschema in subschemas:
        errors = list(walk.descend(instance, subschema))
        if not errors:
            return
        found.extend(errors)
    yield Violation(f"{instance!r} is not valid under any of the given schemas", found)


def _one_of(
    walk: _Walk, subschemas: list[Schema], instance: object, schema: Schema
) -> Iterator[Violation]:
    found: list[Violation] = []
    remaining = iter(subschemas)
    for subschema in remaining:
        errors = list(walk.descend(instance, subschema))
        if not errors:
            break
        found.extend(errors)
    else:
        yield Violation(f"{instance!r} is not valid under any of the given schemas", found)
        return
    valid = [each for each in remaining if walk.is_valid(instance, each)]
    if valid:
        reprs = ", ".join(repr(each) for each in [*valid, subschema])
        yield Violation(f"{instance!r} is valid under each of {reprs}")


def _if(walk: _Walk, condition: Schema, instance: object, schema: Schema) -> Iterator[Violation]:
    if walk.is_valid(instance, condition):
        if "then" in schema:
            yield from walk.descend(instance, schema["then"])
    elif "else" in schema:
        yield from walk.descend(instance, schema["else"])


_KEYWORDS: dict[str, Keyword] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "pattern": _pattern,
    "minimum": _bound(lambda value, bound: value < bound, "less than the minimum of"),
    "maximum": _bound(lambda value, bound: value > bound, "greater than the maximum of"),
    "exclusiveMinimum": _bound(
        lambda value, bound: value <= bound, "less than or equal to the minimum of"
    ),
    "exclusiveMaximum": _bound(
        lambda value, bound: value >= bound, "greater than or equal to the maximum of"
    ),
    "minLength": _size("string", minimum=True),
    "maxLength": _size("string", minimum=False),
    "minItems": _size("array", minimum=True),
    "maxItems": _size("array", minimum=False),
    "required": _required,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "propertyNames": _property_names,
    "items": _items,
    "$ref": _ref,
    "allOf": _all_of,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "if": _if,
}
