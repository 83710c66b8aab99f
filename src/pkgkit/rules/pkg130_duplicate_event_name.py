"""Two events of one package have the same name.

Instana lists custom events by name; two with one name cannot be told apart in the event list,
in alerts or in the README's event table.

Bad: ``events/high-heap.json`` and ``events/heap-usage.json`` both with::

    {"name": "High Go Heap Usage"}

Good: one name per event::

    {"name": "High Go Heap Usage"}, {"name": "Go Heap Allocation Spike"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "PKG130"
NAME = "duplicate-event-name"
SEVERITY = Severity.ERROR
SUMMARY = "Two events of one package have the same name"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every event whose name an earlier event file (in path order) already has."""
    first_file: dict[str, str] = {}
    for file in ctx.package.documents("event"):
        name = file.data.get("name")
        if not isinstance(name, str) or not name.strip():
            continue
        key = name.strip()
        if key not in first_file:
            first_file[key] = file.relpath
            continue
        yield Problem(
            file,
            f"event name '{key}' is already used by {first_file[key]}",
            pointer="/name",
            hint="give each event its own name",
        )
