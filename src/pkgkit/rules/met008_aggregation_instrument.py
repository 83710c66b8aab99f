"""An aggregation that does not fit the metric's instrument.

An UpDownCounter or a gauge is a current value (memory used, goroutines): a rate
(``PER_SECOND``) or a sum over time of it means nothing. A histogram is a distribution: read it
with percentiles or the mean, not with sums or differences. Percentiles (``P25`` .. ``P99``)
exist only for histograms. The instrument is the README's, else the catalogue's (the message
then names the catalogue source that made the call: an instrumentation release may differ).

Bad (``go.goroutine.count`` is an UpDownCounter)::

    {"metric": "...runtime/go.goroutine.count", "aggregation": "PER_SECOND"}

Good::

    {"metric": "...runtime/go.goroutine.count", "aggregation": "MEAN"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import catalogue, facts, named

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "MET008"
NAME = "aggregation-instrument-mismatch"
SEVERITY = Severity.WARNING
SUMMARY = "An aggregation that does not fit the metric's instrument"

_LEVEL = "a current value"
#: Aggregations (upper-cased; dashboard and event names) that make no sense per instrument.
_UNFIT: dict[str, tuple[frozenset[str], str, str]] = {
    "updowncounter": (frozenset({"PER_SECOND", "SUM"}), _LEVEL, "MEAN, MAX or MIN (avg, max)"),
    "gauge": (frozenset({"PER_SECOND", "SUM"}), _LEVEL, "MEAN, MAX or MIN (avg, max)"),
    "histogram": (
        frozenset({"SUM", "PER_SECOND", "ABSOLUTE_DIFF", "RELATIVE_DIFF"}),
        "a distribution",
        "a percentile such as P95, or MEAN (avg, max)",
    ),
}


def unfit(instrument: str, aggregation: str) -> tuple[str, str] | None:
    """``(what the instrument is, what to use)`` when ``aggregation`` does not fit."""
    upper = aggregation.upper()
    if instrument in _UNFIT:
        bad, nature, better = _UNFIT[instrument]
        if upper in bad:
            return nature, better
    if instrument != "histogram" and _is_percentile(upper):
        better = "PER_SECOND or SUM" if instrument == "counter" else "MEAN or MAX"
        return "not a histogram, so it has no percentiles", better
    return None


def _is_percentile(aggregation: str) -> bool:
    """``P`` and two decimal digits (``P25`` .. ``P99``)."""
    return len(aggregation) == 3 and aggregation[0] == "P" and aggregation[1:].isdecimal()


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every reference whose aggregation does not fit its metric's instrument."""
    for reference in named(ctx):
        aggregation = reference.setting("aggregation")
        if not isinstance(aggregation, str):
            continue
        known = facts(ctx, reference)
        instrument = known.instrument
        found = unfit(instrument, aggregation) if instrument else None
        if found is None:
            continue
        nature, better = found
        where = ""
        if known.instrument_from_catalogue and known.emitted is not None:
            where = f" (catalogue: {catalogue(ctx).label(known.emitted)})"
        yield Problem(
            reference.file,
            f"aggregation '{aggregation}' does not fit '{reference.metric.name}', a {instrument}"
            f" ({nature}){where}",
            pointer=f"{reference.context_pointer}/aggregation",
            hint=f"use {better}",
        )
