"""The JSON Schemas of package artifacts and validation that yields located, readable errors.

Clean documents take the fast path: predicates generated ahead of time from these schemas
(``pkgkit.schemas.validators``, written by ``python -m pkgkit.schemas.codegen``), plain Python that
answers as python-jsonschema does and imports nothing but ``re``. Only a document that fails is
walked for its errors (:mod:`pkgkit.schemas.violations`: python-jsonschema's errors, found
without importing it), whose paths (``absolute_path``) turn each failure into a pointer;
:func:`explain` writes the message a person reads (``'severity' is 7; expected one of -1, 5,
10``) and takes the hint from the schema's own ``description``.

Two idioms of pkgkit's schemas get special care: an enumerated string that may also be one
template placeholder (``anyOf: [{enum}, {$ref: placeholder}]``) is explained as the enum, with a
did-you-mean; alternatives with titles (``anyOf``/``oneOf`` of titled branches) are named.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING

from pkgkit.util.output import abridged
from pkgkit.util.packaged import read_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import Any

    from pkgkit.schemas.violations import Violation

#: Artifact kind -> schema file name in the ``pkgkit.schemas`` package.
SCHEMA_FILES: dict[str, str] = {
    "package": "package.schema.json",
    "dashboard": "dashboard.schema.json",
    "event": "event.schema.json",
    "entity": "entity.schema.json",
    "smart-alert": "smart-alert.schema.json",
}

_ALTERNATIVES = ("anyOf", "oneOf")
_BOUNDS = {
    "minimum": ">=",
    "exclusiveMinimum": ">",
    "maximum": "<=",
    "exclusiveMaximum": "<",
}


class SchemaError:
    """One schema violation: where, what, and the schema's own explanation.

    ``keyword`` is the failing schema keyword (``required``, ``type``, ``enum`` ...), so callers
    can leave some violations to rules with better messages; ``options`` are an ``enum``'s values.
    """

    __slots__ = ("hint", "keyword", "message", "options", "pointer")

    def __init__(
        self,
        pointer: str,
        message: str,
        hint: str | None,
        keyword: str = "",
        options: tuple[object, ...] = (),
    ) -> None:
        self.pointer = pointer
        self.message = message
        self.hint = hint
        self.keyword = keyword
        self.options = options


@functools.cache
def load_schema(kind: str) -> dict[str, Any]:
    """The schema of an artifact kind, read from the installed package."""
    schema: dict[str, Any] = json.loads(read_text("pkgkit.schemas", SCHEMA_FILES[kind]))
    return schema


def is_valid(kind: str, instance: object) -> bool:
    """Fast check: the generated predicate of ``kind`` (python-jsonschema's verdict)."""
    from pkgkit.schemas.validators import VALIDATORS  # noqa: PLC0415 - only when a file is checked

    return VALIDATORS[kind](instance)


def validate(kind: str, instance: object) -> Iterator[SchemaError]:
    """Every violation of ``instance`` against the schema of ``kind``, explained.

    Raises RecursionError for documents nested too deeply for the validator to walk.
    """
    if is_valid(kind, instance):
        return
    from pkgkit.schemas.violations import iter_errors  # noqa: PLC0415 - only a failure is walked

    schema = load_schema(kind)
    seen: set[tuple[str, str]] = set()
    for error in iter_errors(instance, schema):
        for explained in explain(error, schema):
            if (explained.pointer, explained.message) not in seen:
                seen.add((explained.pointer, explained.message))
                yield explained


def explain(error: Violation, root: dict[str, Any] | None = None) -> list[SchemaError]:
    """Readable messages for one error (one per unexpected property, else one), located.

    ``root`` is the whole schema, used to find the description of a ``$ref``-ed property.
    """
    from pkgkit.model.positions import pointer_of  # noqa: PLC0415

    error, description = _specific(error)
    path = list(error.absolute_path)
    subject = _subject(path)
    if error.validator == "required":
        name = _missing_name(error)
        message = f"{subject} is missing the required property '{name}'"
        description = _property_description(error.schema, name, root or {}) or description
    elif error.validator == "additionalProperties":
        return _unexpected(error, path, description)
    else:
        message = _message(error, subject)
    options: tuple[object, ...] = ()
    if error.validator == "enum":
        description = _with_suggestion(error, description)
        options = tuple(_expected(error))
    return [SchemaError(pointer_of(path), message, description, str(error.validator), options)]


def _specific(error: Violation) -> tuple[Violation, str | None]:
    """Pick the enum branch of an ``enum | placeholder`` alternative; keep the outer description.

    Returns the error to explain and the description to use as its hint.
    """
    description = _description(error.schema)
    if error.validator in _ALTERNATIVES and error.context:
        for sub in error.context:
            if sub.validator in {"enum", "const"} and not sub.path:
                return sub, _description(sub.schema) or description
    return error, description


def _message(error: Violation, subject: str) -> str:
    """The message for keywords other than ``required`` and ``additionalProperties``."""
    validator = str(error.validator)
    if validator in _ALTERNATIVES:
        return _alternatives_message(error, subject)
    if validator in _BOUNDS:
        bound = f"{_BOUNDS[validator]} {error.validator_value}"
        return f"{subject} is {_show(error.instance)}; it must be {bound}"
    phrase = _PHRASES.get(validator)
    return f"{subject} {phrase(error)}" if phrase else f"{subject}: {error.message}"


def _enum_phrase(error: Violation) -> str:
    placeholder = " (or one template placeholder)" if _allows_placeholder(error) else ""
    choices = _choices(_expected(error))
    return f"is {_show(error.instance)}; expected one of {choices}{placeholder}"


def _pattern_phrase(error: Violation) -> str:
    if error.validator_value == r"\S":
        return "must not be empty or blank"
    return f"({_show(error.instance)}) does not match the pattern {error.validator_value}"


def _size_phrase(error: Violation) -> str:
    bound = "at least" if str(error.validator).startswith("min") else "at most"
    if str(error.validator).endswith("Length"):
        return f"must be {bound} {_count(error.validator_value, 'character')} long"
    return f"must have {bound} {_count(error.validator_value, 'item')}"


_PHRASES: dict[str, Callable[[Violation], str]] = {
    "type": lambda e: f"must be {_type_phrase(e.validator_value)}, not {_json_type(e.instance)}",
    "enum": _enum_phrase,
    "const": lambda e: f"must be {_show(e.validator_value)}, not {_show(e.instance)}",
    "pattern": _pattern_phrase,
    "minLength": _size_phrase,
    "maxLength": _size_phrase,
    "minItems": _size_phrase,
    "maxItems": _size_phrase,
}


def _alternatives_message(error: Violation, subject: str) -> str:
    """``anyOf``/``oneOf``: name the titled branches, or fall back to jsonschema's words."""
    branches = _expected(error)
    if not all(isinstance(b, dict) and "title" in b for b in branches):
        return f"{subject}: {error.message}"
    forms = " or ".join(_branch_phrase(branch) for branch in branches)
    if error.validator == "oneOf" and not error.context:
        return f"{subject} matches more than one of the forms {forms}; keep exactly one"
    return f"{subject} matches none of the allowed forms: {forms}"


def _branch_phrase(branch: dict[str, Any]) -> str:
    required = branch.get("required")
    if isinstance(required, list) and required:
        return f"{branch['title']} (with {' and '.join(repr(r) for r in required)})"
    return str(branch["title"])


def _unexpected(error: Violation, path: list[Any], hint: str | None) -> list[SchemaError]:
    """``additionalProperties: false``: one error per unexpected key, with a did-you-mean."""
    from pkgkit.model.positions import pointer_of  # noqa: PLC0415
    from pkgkit.util.suggest import did_you_mean  # noqa: PLC0415

    known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    instance = error.instance if isinstance(error.instance, dict) else {}
    extras = [key for key in instance if key not in known]
    if not extras:
        return [SchemaError(pointer_of(path), f"{_subject(path)}: {error.message}", hint)]
    allowed = f"allowed: {', '.join(known)}" if known else hint
    return [
        SchemaError(
            pointer_of([*path, extra]),
            f"{_subject(path)} does not allow the property '{extra}'",
            did_you_mean(extra, known) or allowed,
            "additionalProperties",
        )
        for extra in extras
    ]


def _with_suggestion(error: Violation, description: str | None) -> str | None:
    from pkgkit.util.suggest import did_you_mean  # noqa: PLC0415

    if not isinstance(error.instance, str):
        return description
    choices = [str(c) for c in _expected(error) if isinstance(c, str)]
    suggestion = did_you_mean(error.instance, choices)
    if suggestion is None:
        return description
    return f"{suggestion} {description}" if description else suggestion


def _allows_placeholder(error: Violation) -> bool:
    """True when the enum sits in an ``anyOf`` whose other branch is the placeholder."""
    parent = error.parent
    if parent is None or parent.validator not in _ALTERNATIVES:
        return False
    return any(
        isinstance(b, dict) and str(b.get("$ref", "")).endswith("/placeholder")
        for b in _expected(parent)
    )


def _expected(error: Violation) -> Any:  # noqa: ANN401 - whatever the keyword holds
    """The schema keyword's value."""
    return error.validator_value


def _subject(path: Sequence[Any]) -> str:
    """How a message names the value at ``path``: ``'name'``, ``'rules'[0]``, ``the document``."""
    if not path:
        return "the document"
    last = path[-1]
    if isinstance(last, int):
        return f"{_subject(path[:-1])}[{last}]" if len(path) > 1 else f"item {last}"
    return f"'{last}'"


def _missing_name(error: Violation) -> str:
    """The property a ``required`` error is about (jsonschema says ``'x' is a required ...``)."""
    instance = error.instance if isinstance(error.instance, dict) else {}
    missing = [name for name in _expected(error) if name not in instance]
    text = error.message
    for name in missing:
        if text.startswith(repr(name)):
            return str(name)
    return str(missing[0]) if missing else text


def _property_description(schema: Any, name: str, root: dict[str, Any]) -> str | None:  # noqa: ANN401
    """The description of property ``name`` of ``schema`` (following one local ``$ref``)."""
    properties = schema.get("properties", {}) if isinstance(schema, dict) else {}
    prop = properties.get(name)
    if isinstance(prop, dict) and "description" not in prop and "$ref" in prop:
        prop = _resolve(str(prop["$ref"]), root)
    return _description(prop)


def _resolve(ref: str, root: dict[str, Any]) -> Any:  # noqa: ANN401
    node: Any = root
    for token in ref.removeprefix("#/").split("/"):
        node = node.get(token) if isinstance(node, dict) else None
    return node


def _description(schema: Any) -> str | None:  # noqa: ANN401
    description = schema.get("description") if isinstance(schema, dict) else None
    return description if isinstance(description, str) else None


def _show(value: object) -> str:
    """A short JSON rendering of a value for a message."""
    return abridged(json.dumps(value, ensure_ascii=False))


def _choices(values: Any) -> str:  # noqa: ANN401
    return ", ".join(_show(v) for v in values)


def _count(number: object, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


_TYPE_NAMES = {
    "object": "an object",
    "array": "an array",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "null": "null",
}


def _type_phrase(expected: Any) -> str:  # noqa: ANN401
    names = expected if isinstance(expected, list) else [expected]
    return " or ".join(_TYPE_NAMES.get(str(n), str(n)) for n in names)


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        kind = "boolean"
    elif isinstance(value, int):
        kind = "integer"
    elif isinstance(value, float):
        kind = "number"
    elif isinstance(value, str):
        kind = "string"
    elif isinstance(value, list):
        return "an array"
    elif isinstance(value, dict):
        return "an object"
    else:
        return "null"
    return f"{_TYPE_NAMES[kind]} ({_show(value)})"
