"""Two events of one package have the same name.

Instana lists custom events by name; two with one name cannot be told apart in the event list,
in alerts or in the README's event table. The finding points at the ``name`` of the later file
(in path order) and names the earlier one; when the README lists a name that no event has and
that is closest to this one, the hint names it (that row is then not reported again by DOC003).

Bad: ``events/high-heap.json`` and ``events/heap-usage.json`` both with::

    {"name": "High Go Heap Usage"}

Good: one name per event::

    {"name": "High Go Heap Usage"}, {"name": "Go Heap Allocation Spike"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._listing import EVENTS, duplicate_names

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "PKG130"
NAME = "duplicate-event-name"
SEVERITY = Severity.WARNING
SUMMARY = "Two events of one package have the same name"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every event whose name an earlier event file (in path order) already has."""
    return duplicate_names(ctx, EVENTS)
