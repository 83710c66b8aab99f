"""A placeholder is part of a member name, so the document's shape depends on ``--set``.

Instana's dashboards, events, entities and smart alerts have fixed member names; a variable
belongs in a value. A templated key is checked by every rule (and the schema) under its
unrendered name, so a misspelt field slips through; two keys may collide after rendering, and the
parser then silently keeps the last one; and an unset variable leaves a key named
``{{ name }}`` in Instana. Located at the placeholder.

Bad::

    {"{{ attribute }}": "{{ servicename }}"}

Good::

    {"name": "otel.attribute.service.name", "value": "{{ servicename }}"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._templates import KEY, at_offset, uses

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "TPL005"
NAME = "placeholder-in-key"
SEVERITY = Severity.WARNING
SUMMARY = "A {{ placeholder }} in a JSON member name makes the document's fields depend on --set"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every placeholder inside a member name."""
    for use in uses(ctx):
        if use.where != KEY:
            continue
        yield at_offset(
            use.file,
            use.start,
            f"placeholder '{use.raw}' is in a member name: rules and the schema see "
            "the unrendered key, and rendered keys may collide",
            "use fixed member names and put the variable in a value",
        )
