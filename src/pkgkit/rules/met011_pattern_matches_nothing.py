"""A metric pattern matches no documented metric.

A widget with ``"regex": true``, a metric id written as a regular expression
(``go\\.memory\\..*``) or an event rule's ``metricPattern`` is matched against the documented
metric names and their ``metrics.<kind>.<scope>/<name>`` ids. A pattern that matches nothing (or
does not compile) shows an empty chart or never fires. One finding per pattern, at its first use;
a README that documents no metrics at all is MET001's finding. A "regular expression" without
regular-expression syntax (escaped dots only) names one metric, which MET001 checks. A pattern
that repeats a repetition (``(a+)+``) is reported and not matched: matching it can take
exponential time.

Bad::

    {"metric": "go\\\\.memroy\\\\..*", "regex": true}

Good::

    {"metric": "go\\\\.memory\\\\..*", "regex": true}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.metrics import compile_pattern, nests_repetitions, pattern_matches
from pkgkit.rules._metrics import conventions, references, uses

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.metrics import MetricReference
    from pkgkit.rules import RuleContext

CODE = "MET011"
NAME = "pattern-matches-nothing"
SEVERITY = Severity.WARNING
SUMMARY = "A metric pattern matches no documented metric"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every pattern that does not compile or matches no documented name, once, at its first use.

    A README that documents no metrics is MET001's one finding: no pattern could match.
    """
    if ctx.package.readme is None:
        return
    documented = conventions(ctx).metrics
    pairs = [(m.name, m.scope) for m in documented]
    patterns: dict[str, list[MetricReference]] = {}
    for reference in references(ctx):
        if reference.metric.pattern:
            patterns.setdefault(reference.metric.name, []).append(reference)
    for pattern, found in patterns.items():
        metric = found[0].metric
        if compile_pattern(metric) is None:
            message = f"metric pattern '{pattern}' is not a valid regular expression"
        elif nests_repetitions(metric):
            message = (
                f"metric pattern '{pattern}' repeats a repetition, which can take exponential"
                " time to match; pkgkit does not match it"
            )
        elif not documented:
            continue
        elif not pattern_matches(metric, pairs):
            message = f"metric pattern '{pattern}' matches no documented metric"
        else:
            continue
        yield Problem(
            found[0].file,
            message + uses(found),
            pointer=found[0].pointer,
            hint="patterns must match a documented name or its metrics.<kind>.<scope>/<name> id",
        )
