"""An event's name is not listed in the README's Events table.

Every file in ``events/`` must appear in the README's Events table (column "Event Name", "Name",
"Event" or "Title") under its ``name``, so users know which events the package creates and
what their thresholds mean. The finding points at the event's ``name``. An event whose name is
the closest match of an unmatched README row is reported once, by DOC003, naming both; an Events
section without a table of names is one finding at its heading.

Bad, when the README has no row "Go Memory Leak Detection"::

    {"name": "Go Memory Leak Detection", "entityType": "openTelemetry", "rules": []}

Good (a README row for it)::

    | Event Name               | Description                 |
    |--------------------------|-----------------------------|
    | Go Memory Leak Detection | Detects potential leaks ... |
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._listing import EVENTS, unlisted_content

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "DOC004"
NAME = "event-not-in-readme"
SEVERITY = Severity.WARNING
SUMMARY = "An event's name is not listed in the README's Events table"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Events whose name the README does not list."""
    return unlisted_content(ctx, EVENTS)
