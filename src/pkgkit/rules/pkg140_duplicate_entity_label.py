"""Two entities of one package have the same label.

Instana shows custom entity types by their ``data.label``: two with one label cannot be told
apart in the infrastructure views, and the README's Entities table cannot say which is which.
The finding points at the ``data.label`` of the later file (in path order) and names the earlier
one; when the README lists a label that no entity has and that is closest to this one, the hint
names it (that row is then not reported again by DOC005).

Bad: ``entities/go-runtime.json`` and ``entities/go-process.json`` both with::

    {"data": {"label": "Go Runtime"}}

Good: one label per entity::

    {"data": {"label": "Go Runtime"}}, {"data": {"label": "Go Process"}}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._listing import ENTITIES, duplicate_names

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "PKG140"
NAME = "duplicate-entity-label"
SEVERITY = Severity.WARNING
SUMMARY = "Two entities of one package have the same label"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every entity whose label an earlier entity file already has."""
    return duplicate_names(ctx, ENTITIES)
