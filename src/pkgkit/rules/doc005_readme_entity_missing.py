"""An entity listed in the README has no entity file with that label.

The README's Entities table (column "Entity Name", "Entity", "Title", "Label" or "Name") lists the
custom entity types the import creates by their ``data.label``. A row that is the label of no file
in ``entities/`` documents an entity type that does not exist. A row and an unlisted entity whose
labels are each other's closest match (``Cron Job`` and ``Kubernetes CronJob``) are one finding,
here, naming both (DOC006 then does not report the file). The finding points at the README cell.
Not reported while an entity file does not load (it may hold the name).

Bad, when the entity is labelled "Go Runtime"::

    | Title          |
    |----------------|
    | Golang Runtime |

Good::

    | Title      |
    |------------|
    | Go Runtime |

Fix (unsafe): the row's name is rewritten to the entity label it pairs with (a
finding naming both sides): a guess, as the README's name may be the right one. None when the
two differ only in look-alike characters (``S3-IO`` and ``S3-I0``: letter O, digit zero): the
finding names the characters, and either side may be the typo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._listing import ENTITIES, unmatched_rows

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "DOC005"
NAME = "readme-entity-missing"
SEVERITY = Severity.WARNING
SUMMARY = "An entity listed in the README has no entity file with that label"
FIX = "rewrites the row's name to the entity label it likely means (unsafe)"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """README entity rows without an entity of that label."""
    return unmatched_rows(ctx, ENTITIES)
