"""A metric pattern matches no documented metric.

A widget with ``"regex": true``, a metric id written as a regular expression
(``go\\.memory\\..*``) or an event rule's ``metricPattern`` is matched against the documented
metric names and their ``metrics.<kind>.<scope>/<name>`` ids. A pattern that matches nothing (or
does not compile) shows an empty chart or never fires.

Bad::

    {"metric": "go\\\\.memroy\\\\..*", "regex": true}

Good::

    {"metric": "go\\\\.memory\\\\..*", "regex": true}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.metrics import compile_pattern, pattern_matches
from pkgkit.rules._metrics import conventions, references

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "MET011"
NAME = "pattern-matches-nothing"
SEVERITY = Severity.ERROR
SUMMARY = "A metric pattern matches no documented metric"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every pattern reference that does not compile or matches no documented name."""
    if ctx.package.readme is None:
        return
    pairs = [(m.name, m.scope) for m in conventions(ctx).metrics]
    for reference in references(ctx):
        metric = reference.metric
        if not metric.pattern:
            continue
        if compile_pattern(metric) is None:
            message = f"metric pattern '{metric.name}' is not a valid regular expression"
        elif not pattern_matches(metric, pairs):
            message = f"metric pattern '{metric.name}' matches no documented metric"
        else:
            continue
        yield Problem(
            reference.file,
            message,
            pointer=reference.pointer,
            hint="patterns must match a documented name or its metrics.<kind>.<scope>/<name> id",
        )
