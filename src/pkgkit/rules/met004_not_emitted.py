"""A metric of a known instrumentation that the instrumentation does not emit.

When a README metrics table is introduced by an instrumentation scope pkgkit knows (the
OpenTelemetry Go runtime instrumentation, or a registry from the configuration), or a metric id
names such a scope, the metric name must be one the instrumentation reports. The older Go names
use underscores (``heap_alloc``), the current ones dots (``go.memory.used``); nothing in the
runtime instrumentation reports CPU time, context deadlines or HTTP connection pools.

Bad::

    {"metricName": "metrics.sums.<runtime scope>/process.runtime.go.cpu.time"}

Good: a metric the instrumentation emits, or one of another, documented, instrumentation::

    {"metricName": "metrics.sums.<host scope>/process.cpu.time"}
"""

from __future__ import annotations

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import catalogue, conventions, metric_hint, named
from pkgkit.suggest import normalize_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.conventions import Catalogue
    from pkgkit.rules import RuleContext

CODE = "MET004"
NAME = "metric-not-emitted"
SEVERITY = Severity.WARNING
SUMMARY = "A metric of a known instrumentation that the instrumentation does not emit"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """README rows of known scopes, then metric ids of known scopes."""
    readme = ctx.package.readme
    known = catalogue(ctx)
    if readme is not None:
        for metric in conventions(ctx).metrics:
            found = _not_emitted(known, metric.name, metric.scope)
            if found is not None:
                message, hint = found
                yield Problem(readme, message, hint=hint, line=metric.line, column=metric.column)
    for reference in named(ctx):
        found = _not_emitted(known, reference.metric.name, reference.metric.scope)
        if found is not None:
            message, hint = found
            yield Problem(reference.file, message, pointer=reference.pointer, hint=hint)


def _not_emitted(known: Catalogue, name: str, scope: str | None) -> tuple[str, str] | None:
    """``(message, hint)`` when ``scope`` is fully known and does not emit ``name``."""
    if scope is None or scope not in known.complete or name in known.scopes[scope]:
        return None
    hint = metric_hint(name, known.scopes[scope]) or _elsewhere(known, name, scope) or (
        "use a metric it emits, or document the instrumentation that reports this one"
    )
    return f"instrumentation '{scope}' does not emit a metric '{name}'", hint


def _elsewhere(known: Catalogue, name: str, scope: str) -> str | None:
    """A hint naming another known scope that emits a metric ending like ``name``."""
    ending = normalize_name(name).split(".")[-2:]
    for other, metrics in known.scopes.items():
        for candidate in metrics if other != scope else ():
            if normalize_name(candidate).split(".")[-2:] == ending:
                return f"'{candidate}' is emitted by instrumentation '{other}'"
    return None
