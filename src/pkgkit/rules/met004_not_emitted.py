"""A metric of a known instrumentation that the instrumentation does not emit.

When a README metrics table is introduced by an instrumentation scope the catalogue lists in
full (the OpenTelemetry Go runtime instrumentation, Python's system metrics, the collector's
Kubernetes cluster receiver, or a registry from the configuration), or a metric id names such a
scope, the metric name must be one the instrumentation reports. A metric id without a scope is
identified by its name: a name in a namespace only one such instrumentation uses
(``process.runtime.go.*``) is judged against it. The message names the catalogue version that
made the call: an instrumentation release may differ. The older Go names use underscores
(``heap_alloc``), the current ones dots (``go.memory.used``); nothing in the runtime
instrumentation reports CPU time, context deadlines or HTTP connection pools. A metric id is
reported once per file, at its first use, with the number of uses (an entity charting three
generations of one missing metric is one finding). The message tells the author which mistake
it is: a name the conventions gave a metric the instrumentation still emits under its former name
(the Kubernetes cluster receiver's ``k8s.deployment.desired``, which the conventions renamed
``k8s.deployment.pod.desired``: the fix is that name, or a rename in the collector pipeline),
or a name the conventions do not define either (``k8s.hpa.max``, where the receiver emits
``k8s.hpa.max_replicas``). A name nobody defines in a dashboard, event or entity is an error
(the widget shows no data, the event can never fire); the conventions' current name is a
warning (an instrumentation release that follows the conventions, or a pipeline that renames,
sends it), and so is a README row (the documentation is wrong, not what the package shows).

Bad::

    {"metricName": "metrics.sums.<runtime scope>/process.runtime.go.cpu.time"}

Good: a metric the instrumentation emits, or one of another, documented, instrumentation::

    {"metricName": "metrics.sums.<host scope>/process.cpu.time"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import catalogue, conventions, first_uses, metric_hint, named
from pkgkit.util.suggest import normalize_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.conventions.catalogue import Catalogue, CatalogueMetric
    from pkgkit.model.metrics import MetricReference
    from pkgkit.rules import RuleContext

CODE = "MET004"
NAME = "metric-not-emitted"
SEVERITY = Severity.ERROR
SUMMARY = "A metric of a known instrumentation that the instrumentation does not emit"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """README rows of known scopes, then metric ids of known scopes (once per metric and file)."""
    readme = ctx.package.readme
    known = catalogue(ctx)
    if readme is not None:
        for metric in conventions(ctx).metrics:
            scope = _missing_from(known, metric.name, metric.scope)
            if scope is not None:
                message, hint, _ = _finding(known, metric.name, scope)
                yield Problem(
                    readme,
                    message,
                    hint=hint,
                    line=metric.line,
                    column=metric.column,
                    severity=Severity.WARNING,
                )
    missing = [r for r in named(ctx) if _missing_from(known, r.metric.name, _scope(r))]
    for reference, count in first_uses(missing):
        scope = _missing_from(known, reference.metric.name, _scope(reference))
        if scope is not None:
            message, hint, severity = _finding(known, reference.metric.name, scope)
            uses = f"; {count} uses in this file" if count > 1 else ""
            yield Problem(
                reference.file,
                message + uses,
                pointer=reference.pointer,
                hint=hint,
                severity=severity,
            )


def _scope(reference: MetricReference) -> str | None:
    """The id's instrumentation scope: written in it, or its ``scope`` selector's value."""
    return reference.metric.instrumentation_scope


def _missing_from(known: Catalogue, name: str, scope: str | None) -> str | None:
    """The complete instrumentation scope that should emit ``name`` and does not, or None.

    A metric without a scope is identified by its name: the complete instrumentation whose
    namespace it is in, when no other source uses that namespace.
    """
    if scope is None:
        scope = known.owner(name)
    if scope is None or scope not in known.complete or name in known.scopes[scope]:
        return None
    return scope


def _finding(known: Catalogue, name: str, scope: str) -> tuple[str, str, Severity | None]:
    """``(message, hint, severity)`` for ``name`` missing from the complete ``scope``: a
    warning for the conventions' current name of a metric it emits under another (a later
    release may send it), else the rule's severity (None)."""
    emitted = known.scopes[scope]
    catalogue_label = f"(catalogue: {known.scope_label(scope)})"
    former = _emitted_as(known, name, emitted)
    if former is not None:
        message = (
            f"'{name}' is the OpenTelemetry conventions' name for '{former}', as instrumentation"
            f" '{scope}' emits it {catalogue_label}: this version sends no data under the"
            " conventions' name unless the collector pipeline renames it"
        )
        hint = f"use '{former}', or rename it in the collector pipeline and say so in the README"
        return message, hint, Severity.WARNING
    hint = (
        _renamed(known, name, emitted)
        or metric_hint(name, emitted)
        or _extended(name, emitted)
        or _elsewhere(known, name, scope)
        or "use a metric it emits, or document the instrumentation that reports this one"
    )
    nowhere = "" if known.convention(name) else ", nor do the OpenTelemetry conventions define it"
    message = f"instrumentation '{scope}' does not emit a metric '{name}' {catalogue_label}"
    return message + nowhere, hint, None


def _emitted_as(known: Catalogue, name: str, emitted: dict[str, CatalogueMetric]) -> str | None:
    """The name the instrumentation emits the conventions' current metric ``name`` under.

    That is a metric the conventions renamed to ``name``, spelt as the conventions spelt it
    (``k8s.job.active_pods`` -> ``k8s.job.pod.active``) or without the unit they appended to it
    (the receiver's ``k8s.deployment.desired`` is their ``k8s.deployment.desired_pods``, now
    ``k8s.deployment.pod.desired``).
    """
    current = known.convention(name)
    if current is None or current.deprecation is not None:
        return None
    unit = current.unit or ""
    appended = f"_{unit[1:-1]}s" if unit.startswith("{") and unit.endswith("}") else ""
    for old in emitted:
        for spelling in {old, old + appended}:
            former = known.convention(spelling)
            if former is not None and former.renamed_to == name:
                return old
    return None


def _extended(name: str, emitted: dict[str, CatalogueMetric]) -> str | None:
    """A hint naming the one emitted metric that is ``name`` with a suffix (``k8s.hpa.max``
    -> ``k8s.hpa.max_replicas``), which a did-you-mean misses when the suffix is long."""
    longer = [metric for metric in emitted if metric.startswith(f"{name}_")]
    return f"did you mean '{longer[0]}'?" if len(longer) == 1 else None


def _renamed(known: Catalogue, name: str, emitted: dict[str, CatalogueMetric]) -> str | None:
    """A hint when the conventions renamed ``name`` to a metric the instrumentation emits."""
    convention = known.convention(name)
    if convention is None or convention.renamed_to not in emitted:
        return None
    return f"the conventions renamed it to '{convention.renamed_to}', which it emits"


def _elsewhere(known: Catalogue, name: str, scope: str) -> str | None:
    """A hint naming another known scope that emits a metric ending like ``name``.

    Scopes that share more of their name with ``scope`` (another Go instrumentation for a Go
    one) are tried first.
    """
    ending = normalize_name(name).split(".")[-2:]
    others = sorted((o for o in known.scopes if o != scope), key=lambda o: -_shared(o, scope))
    for other in others:
        for candidate in known.scopes[other]:
            if normalize_name(candidate).split(".")[-2:] == ending:
                return f"'{candidate}' is emitted by instrumentation '{other}'"
    return None


def _shared(one: str, other: str) -> int:
    """How many characters ``one`` and ``other`` share at the start."""
    count = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        count += 1
    return count
