"""An entity's label is not listed in the README's Entities table.

Every file in ``entities/`` must appear in the README's Entities table (column "Entity Name",
"Entity", "Title", "Label", "Name" or one with the word) under its ``data.label``. The finding
points at ``/data/label``. An entity whose label is the closest match of an unmatched README row
is reported once, by DOC005, naming both; an Entities section without a table of labels is one
finding at its heading; no Entities section at all is PKG103's.

Bad (no row "Go Runtime" in the Entities table)::

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
SEVERITY = Severity.WARNING
SUMMARY = "An entity's label is not listed in the README's Entities table"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Entities whose label the README does not list."""
    return unlisted_content(ctx, ENTITIES)
