"""Hypothesis strategies for the values of template variables.

A variable with no declared schema ranges over any Unicode text, biased towards what breaks
templates: quotes, backslashes, control characters, Handlebars' HTML-escaped characters,
``{{``/``}}`` and whole placeholders, line separators, emoji, and very long strings. A variable
with a JSON Schema in the package's pkgkit configuration (``variables``) ranges over that
schema's instances (hypothesis-jsonschema ``from_schema``, each checked against the schema with
Draft 2020-12 semantics, which hypothesis-jsonschema only partly knows), plus the tricky
fragments the schema admits; an instance that is not a string is passed as its JSON text
(``--set port=8080`` gives the string ``8080``).

A schema no value can be drawn from (a recursive ``$ref``, a reference hypothesis-jsonschema
cannot follow, no instance found) is refused: :func:`undrawable_reason` says why, and
:func:`schema_values` raises :class:`UndrawableSchemaError` with that text.

Every variable may also be unset: a drawn assignment omits it (and shrinks towards omitting).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterator, Mapping
from typing import Any, Final

from hypothesis import strategies as st

#: Fragments that break naive rendering, mixed with arbitrary characters.
TRICKY: Final = (
    '"', "\\", "\\u0000", "\n", "\t", "\x00", "\x1f", "&", "<", ">", "'", "`", "=",
    "{{", "}}", "{{ x }}", "{{{", "\\{{", '", "injected": "', "]", "}", "\u2028", "\ufeff",
    "\U0001f600", "\u00e9",
)

#: Examples tried to find one instance of a schema before refusing it.
PROBE_EXAMPLES: Final = 100
#: Keywords whose values hold definitions (reached only through a ``$ref``) or instance data.
_NOT_FOLLOWED: Final = frozenset({"$defs", "definitions", "const", "enum", "default", "examples"})
#: :func:`undrawable_reason`'s answers by schema (its sorted JSON text).
_REASONS: dict[str, str | None] = {}


class UndrawableSchemaError(Exception):
    """A declared schema no value can be drawn from; the text says why."""


def default_values() -> st.SearchStrategy[str]:
    """Any text, with tricky fragments and very long strings drawn often."""
    tricky = st.lists(st.sampled_from(TRICKY) | st.characters(), max_size=8).map("".join)
    long = st.builds(operator.mul, st.text(min_size=1, max_size=3), st.integers(300, 5000))
    return st.text() | tricky | long


def schema_values(schema: Mapping[str, Any]) -> st.SearchStrategy[str]:
    """Instances of a declared JSON Schema, as the strings ``--set`` would pass.

    The tricky fragments the schema admits are drawn first (a pattern that allows a backslash
    yields one at once, not by chance), then any instance (hypothesis-jsonschema). Raises
    :class:`UndrawableSchemaError` for a schema :func:`undrawable_reason` refuses.
    """
    from jsonschema import Draft202012Validator  # noqa: PLC0415 - slow import

    reason = undrawable_reason(schema)
    if reason is not None:
        raise UndrawableSchemaError(reason)
    validator = Draft202012Validator(dict(schema))
    admitted = [fragment for fragment in TRICKY if validator.is_valid(fragment)]
    instances = _instances(schema).filter(validator.is_valid).map(_as_text)
    return st.sampled_from(admitted) | instances if admitted else instances


def undrawable_reason(schema: Mapping[str, Any]) -> str | None:
    """Why no value can be drawn from ``schema`` (a valid JSON Schema), or None when one can.

    A recursive local ``$ref`` is refused outright (hypothesis-jsonschema resolves only
    non-recursive references); otherwise the strategy is built and one instance searched for.
    Answers are kept per schema: every search of a template asks again.
    """
    key = json.dumps(schema, sort_keys=True, default=repr)
    if key not in _REASONS:
        _REASONS[key] = _reason(schema)
    return _REASONS[key]


def _reason(schema: Mapping[str, Any]) -> str | None:
    recursive = _recursive_ref(schema)
    if recursive is not None:
        return (
            f"its $ref {recursive!r} is recursive: pkgkit test cannot draw values from a "
            "recursive schema"
        )
    try:
        _probe(schema)
    except _NoInstanceError:
        return (
            f"no value satisfying it was drawn in {PROBE_EXAMPLES} tries (it admits none, or "
            "relies on keywords hypothesis-jsonschema does not know)"
        )
    except Exception as error:  # hypothesis-jsonschema's errors all mean "cannot draw"
        return f"cannot draw values from it: {error}"
    return None


class _NoInstanceError(Exception):
    """The probe drew no valid instance."""


def _probe(schema: Mapping[str, Any]) -> None:
    """Draw until one instance is valid (no shrinking); :class:`_NoInstanceError` if none is."""
    from hypothesis import HealthCheck, Phase, find, settings  # noqa: PLC0415
    from hypothesis.errors import NoSuchExample, Unsatisfiable  # noqa: PLC0415
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    validator = Draft202012Validator(dict(schema))
    probe_settings = settings(
        max_examples=PROBE_EXAMPLES,
        phases=[Phase.generate],
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    try:
        find(_instances(schema), validator.is_valid, settings=probe_settings)
    except (NoSuchExample, Unsatisfiable):
        raise _NoInstanceError from None


def _instances(schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    from hypothesis_jsonschema import from_schema  # noqa: PLC0415 - slow import

    return from_schema(dict(schema))


def _recursive_ref(schema: Mapping[str, Any]) -> str | None:
    """A local ``$ref`` that leads back to itself (through the subschemas it names), or None."""

    def cycle(ref: str, seen: tuple[str, ...]) -> str | None:
        if ref in seen:
            return ref
        inner = (cycle(each, (*seen, ref)) for each in _local_refs(_resolve(schema, ref)))
        return next(filter(None, inner), None)

    return next(filter(None, (cycle(ref, ()) for ref in _local_refs(schema))), None)


def _local_refs(node: object) -> Iterator[str]:
    """The ``$ref`` s inside ``node`` pointing into the same document (``#...``) that drawing
    follows: not inside definitions until referenced, nor inside instance data (``enum`` ...)."""
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            yield ref
        for key, value in node.items():
            if key not in _NOT_FOLLOWED:
                yield from _local_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _local_refs(value)


def _resolve(schema: Mapping[str, Any], ref: str) -> object:
    """The subschema a ``#`` or ``#/a/b`` reference names, or None (none, or an anchor)."""
    from urllib.parse import unquote  # noqa: PLC0415

    pointer = unquote(ref[1:])
    if pointer and not pointer.startswith("/"):
        return None
    node: object = schema
    for part in pointer.split("/")[1:]:
        key = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping):
            node = node.get(key)
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node


def _as_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def assignments(
    names: list[str], declared: Mapping[str, Mapping[str, Any]]
) -> st.SearchStrategy[dict[str, str]]:
    """Assignments of some of ``names`` (each may be unset) to values from their spaces."""
    optional = {
        name: schema_values(declared[name]) if name in declared else default_values()
        for name in names
    }
    return st.fixed_dictionaries({}, optional=optional)
