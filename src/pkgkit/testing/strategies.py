"""Hypothesis strategies for the values of template variables.

A variable with no declared schema ranges over any Unicode text, biased towards what breaks
templates: quotes, backslashes, control characters, Handlebars' HTML-escaped characters,
``{{``/``}}`` and whole placeholders, line separators, emoji, and very long strings. A variable
with a JSON Schema in the package's pkgkit configuration (``variables``) ranges over that
schema's instances (hypothesis-jsonschema ``from_schema``), plus the tricky fragments the schema
admits; an instance that is not a string is
passed as its JSON text (``--set port=8080`` gives the string ``8080``).

Every variable may also be unset: a drawn assignment omits it (and shrinks towards omitting).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Mapping
from typing import Any, Final

from hypothesis import strategies as st

#: Fragments that break naive rendering, mixed with arbitrary characters.
TRICKY: Final = (
    '"', "\\", "\\u0000", "\n", "\t", "\x00", "\x1f", "&", "<", ">", "'", "`", "=",
    "{{", "}}", "{{ x }}", "{{{", "\\{{", '", "injected": "', "]", "}", "\u2028", "\ufeff",
    "\U0001f600", "\u00e9",
)


def default_values() -> st.SearchStrategy[str]:
    """Any text, with tricky fragments and very long strings drawn often."""
    tricky = st.lists(st.sampled_from(TRICKY) | st.characters(), max_size=8).map("".join)
    long = st.builds(operator.mul, st.text(min_size=1, max_size=3), st.integers(300, 5000))
    return st.text() | tricky | long


def schema_values(schema: Mapping[str, Any]) -> st.SearchStrategy[str]:
    """Instances of a declared JSON Schema, as the strings ``--set`` would pass.

    The tricky fragments the schema admits are drawn first (a pattern that allows a backslash
    yields one at once, not by chance), then any instance (hypothesis-jsonschema).
    """
    from hypothesis_jsonschema import from_schema  # noqa: PLC0415 - slow import
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    validator = Draft202012Validator(dict(schema))
    admitted = [fragment for fragment in TRICKY if validator.is_valid(fragment)]
    instances = from_schema(dict(schema)).map(_as_text)
    return st.sampled_from(admitted) | instances if admitted else instances


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
