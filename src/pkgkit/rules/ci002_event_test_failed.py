"""An event rule test of a changed package fails, or its test file cannot be read.

``pkgkit ci`` runs the event rule tests of every changed package (``tests/*.yaml``, see the
README's "Event rule tests") and reports each failing expectation, and each format error of a
test file, at its line in the YAML: so a failing test shows in every report format (SARIF, the
GitHub annotations, JSON), not only in the log of ``pkgkit test``. ``--no-test`` skips them.

Only ``pkgkit ci`` reports this rule (``pkgkit test`` reports the same failures as failed
tests); it is a rule so that ``--select``, ``--ignore`` and severity overrides apply.

Bad (tests/events.yaml; the event fires above 1000)::

    series: [{metric: go.goroutine.count, values: "1200x10"}]
    expect: [{event: High Goroutine Count, at: 10m, fires: false}]

Good::

    series: [{metric: go.goroutine.count, values: "1200x10"}]
    expect: [{event: High Goroutine Count, at: 10m, fires: true}]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "CI002"
NAME = "event-test-failed"
SEVERITY = Severity.ERROR
SUMMARY = "An event rule test of a changed package fails or cannot be read"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Nothing: ``pkgkit ci`` runs the event rule tests (``pkgkit test`` also does)."""
    del ctx
    return iter(())
