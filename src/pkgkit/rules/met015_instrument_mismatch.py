"""A documented instrument, or the kind of a metric id, contradicts the catalogue's instrument.

A README row's instrument (``Counter``, ``UpDownCounter``, ``Gauge``, ``Histogram``, or the
OTLP kind ``Sum``) must be the instrument the catalogue gives for the metric (identified by the
table's scope, else by the exact name; counters and up-down counters are sums; where only the
conventions know the metric, a gauge is accepted for their up-down counter, as instrumentations
report either for a current value). A metric id
names the kind Instana stores the metric under (``metrics.sums.``, ``metrics.gauges.``,
``metrics.histograms.``): for a metric of a catalogued instrumentation it must be the kind that
instrumentation reports, or the chart shows nothing. (The conventions alone do not decide the
kind of an id: an instrumentation may report an up-down counter of the conventions as a gauge.)
The message names the catalogue version that made the call.

Bad (``go.memory.used`` is an UpDownCounter, a sum)::

    {"metric": "metrics.gauges.go.opentelemetry.io/contrib/instrumentation/runtime/go.memory.used"}

Good::

    {"metric": "metrics.sums.go.opentelemetry.io/contrib/instrumentation/runtime/go.memory.used"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.conventions.catalogue import SEMCONV
from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.conventions import instrument_letters, normalize_instrument
from pkgkit.rules._metrics import catalogue, conventions, first_uses, named

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "MET015"
NAME = "instrument-mismatch"
SEVERITY = Severity.WARNING
SUMMARY = "A documented instrument or a metric id's kind contradicts the catalogue's instrument"

#: Instrument -> the kind Instana stores it under (the ``<kind>`` of its metric ids).
KINDS = {"counter": "sums", "updowncounter": "sums", "gauge": "gauges", "histogram": "histograms"}
_WRITTEN = {
    "counter": "Counter",
    "updowncounter": "UpDownCounter",
    "gauge": "Gauge",
    "histogram": "Histogram",
}


def documented_instrument(text: str) -> tuple[str | None, str | None]:
    """``(instrument, kind)`` of a README instrument cell; ``Sum`` gives ``(None, "sums")``."""
    instrument = normalize_instrument(text)
    if instrument is not None:
        return instrument, KINDS[instrument]
    if instrument_letters(text.casefold()).endswith("sum"):
        return None, "sums"
    return None, None


def check(ctx: RuleContext) -> Iterator[Problem]:
    """README rows, then metric ids of catalogued instrumentations (once per metric and file)."""
    known = catalogue(ctx)
    readme = ctx.package.readme
    if readme is not None:
        for row in conventions(ctx).metrics:
            entry = known.identify(row.name, row.scope)
            if row.instrument is None or entry is None or entry.instrument not in KINDS:
                continue
            instrument, kind = documented_instrument(row.instrument)
            if kind is None or _agrees(instrument, kind, entry.instrument, entry.source):
                continue
            yield Problem(
                readme,
                f"'{row.name}' is documented as '{row.instrument}', but '{entry.name}' is"
                f" {_a(entry.instrument)} (catalogue: {known.label(entry)})",
                hint=f"document the instrument as '{_WRITTEN[entry.instrument]}'",
                line=row.line,
                column=row.column,
            )
    wrong = []
    for reference in named(ctx):
        metric = reference.metric
        entry = known.identify(metric.name, metric.scope)
        if metric.kind is None or entry is None or entry.source == SEMCONV:
            continue
        if entry.instrument in KINDS and KINDS[entry.instrument] != metric.kind:
            wrong.append(reference)
    for reference, count in first_uses(wrong):
        metric = reference.metric
        entry = known.identify(metric.name, metric.scope)
        if entry is None or entry.instrument not in KINDS:
            continue
        uses = f"; {count} uses in this file" if count > 1 else ""
        yield Problem(
            reference.file,
            f"'{metric.name}' is charted as metrics.{metric.kind}, but it is"
            f" {_a(entry.instrument)}, stored as metrics.{KINDS[entry.instrument]}"
            f" (catalogue: {known.label(entry)}){uses}",
            pointer=reference.pointer,
            hint=f"write the id as metrics.{KINDS[entry.instrument]}.{metric.scope}/{metric.name}"
            if metric.scope
            else f"write the id as metrics.{KINDS[entry.instrument]}.{metric.name}",
        )


#: What an instrumentation may report for an UpDownCounter of the conventions: the conventions
#: alone do not tell a gauge from an up-down counter (both a current value).
_CURRENT_VALUE = frozenset({"updowncounter", "gauge", "sums", "gauges"})


def _agrees(instrument: str | None, kind: str, expected: str, source: str) -> bool:
    """The documented instrument (or only its kind) fits the catalogue's ``expected``."""
    if source == SEMCONV and expected == "updowncounter":
        return (instrument or kind) in _CURRENT_VALUE
    if instrument is not None:
        return instrument == expected
    return kind == KINDS[expected]


def _a(instrument: str | None) -> str:
    written = _WRITTEN.get(instrument or "", instrument or "unknown instrument")
    return f"an {written}" if written[0] in "AEIOUaeiou" else f"a {written}"
