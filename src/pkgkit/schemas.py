"""The JSON Schemas of package artifacts and validation that yields located, readable errors.

Clean documents take the fast path (a compiled jsonschema-rs validator). Only a document that
fails is handed to python-jsonschema, whose error paths (``absolute_path``) and ``best_match``
turn each failure into a pointer, a message and a hint.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    from jsonschema.exceptions import ValidationError

#: Artifact kind -> schema file name in the ``pkgkit.schemas`` package.
SCHEMA_FILES: dict[str, str] = {
    "package": "package.schema.json",
    "dashboard": "dashboard.schema.json",
    "event": "event.schema.json",
    "entity": "entity.schema.json",
    "smart-alert": "smart-alert.schema.json",
}


@dataclass(frozen=True)
class SchemaError:
    """One schema violation: where, what, and the schema's own explanation."""

    pointer: str
    message: str
    hint: str | None


@functools.cache
def load_schema(kind: str) -> dict[str, Any]:
    """The schema of an artifact kind, read from the installed package."""
    text = resources.files("pkgkit.schema_data").joinpath(SCHEMA_FILES[kind]).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def _fast_validator(kind: str) -> Any:  # noqa: ANN401 - jsonschema_rs ships no stubs
    import jsonschema_rs  # noqa: PLC0415 - imported only when a file is validated

    return jsonschema_rs.validator_for(load_schema(kind))


def is_valid(kind: str, instance: object) -> bool:
    """Fast check on the compiled validator."""
    return bool(_fast_validator(kind).is_valid(instance))


def validate(kind: str, instance: object) -> Iterator[SchemaError]:
    """Every violation of ``instance`` against the schema of ``kind``, explained."""
    if is_valid(kind, instance):
        return
    from jsonschema import Draft202012Validator  # noqa: PLC0415 - the slow path explains
    from jsonschema.exceptions import best_match  # noqa: PLC0415

    validator = Draft202012Validator(load_schema(kind))
    seen: set[tuple[str, str]] = set()
    for error in validator.iter_errors(instance):
        best = best_match([error]) or error
        explained = explain(best)
        if (explained.pointer, explained.message) not in seen:
            seen.add((explained.pointer, explained.message))
            yield explained


def explain(error: ValidationError) -> SchemaError:
    """A readable message for one error, located by its absolute path."""
    from pkgkit.model.positions import pointer_of  # noqa: PLC0415

    pointer = pointer_of(list(error.absolute_path))
    where = f"'{error.absolute_path[-1]}'" if error.absolute_path else "document"
    message = _message(error, where)
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    return SchemaError(pointer, message, description if isinstance(description, str) else None)


def _message(error: ValidationError, where: str) -> str:
    if error.validator == "required":
        return f"{error.message} (in {where})" if where != "document" else error.message
    if error.validator == "additionalProperties":
        return error.message
    return f"{where}: {error.message}"
