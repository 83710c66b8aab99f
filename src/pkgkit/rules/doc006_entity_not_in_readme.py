"""An entity's label is not listed in the README's Entities table.

Every file in ``entities/`` must appear in the README's Entities table (column "Entity Name",
"Entity", "Title", "Label" or "Name") under its ``data.label``. The finding points at
``/data/label``; the hint names the closest README row.

Bad (the README has no Entities table, or no row "Go Runtime")::

    {"data": {"label": "Go Runtime", "identifiers": ["otel.attribute.service.name"]}}

Good::

    ## Entities

    | Title      |
    |------------|
    | Go Runtime |
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._listing import ENTITIES, unlisted_content

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "DOC006"
NAME = "entity-not-in-readme"
SEVERITY = Severity.ERROR
SUMMARY = "An entity's label is not listed in the README's Entities table"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Entities whose label the README does not list."""
    return unlisted_content(ctx, ENTITIES)
