"""An event listed in the README has no event file with that name.

The README's Events table (under ``## Events`` or another heading with the word, column "Event
Name", "Name", "Event", "Title" or one with the word) lists the events the import creates by the
``name`` users see in Instana. A row that names no file in ``events/`` documents an event that
does not exist. A row and an unlisted event whose names are each other's closest match are one
finding, here, naming both (DOC004 then does not report the file). The finding points at the
README cell. Not reported while an event file does not load (it may hold the name).

Bad, when the event is named "High Goroutine Count"::

    | Event Name            | Description |
    |-----------------------|-------------|
    | High Goroutines Count | ...         |

Good::

    | Event Name            | Description |
    |-----------------------|-------------|
    | High Goroutine Count  | ...         |

Fix (unsafe): the row's name is rewritten to the event name it pairs with (a
finding naming both sides): a guess, as the README's name may be the right one. None when the
two differ only in look-alike characters (``S3-IO`` and ``S3-I0``: letter O, digit zero): the
finding names the characters, and either side may be the typo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._listing import EVENTS, unmatched_rows

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "DOC003"
NAME = "readme-event-missing"
SEVERITY = Severity.WARNING
SUMMARY = "An event listed in the README has no event file with that name"
FIX = "rewrites the row's name to the event name it likely means (unsafe)"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """README event rows without an event of that name."""
    return unmatched_rows(ctx, EVENTS)
