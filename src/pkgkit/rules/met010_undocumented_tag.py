"""A tag filter, entity identifier or group-by names an attribute the README does not document.

``otel.attribute.<key>`` names a resource attribute or a metric attribute; ``metric.tag.<key>``
names a metric attribute. ``<key>`` must be in the Resource Attributes table or in the Attributes
column of a metrics table, unless the OpenTelemetry conventions or a catalogued instrumentation
define it (``telemetry.sdk.language``, ``k8s.namespace.name``, a metric's own ``direction``):
the SDK or the instrumentation sets those. The hint names a documented attribute, else a defined
one close to it (``sdk.language`` -> ``telemetry.sdk.language``). Other tags (Instana's own,
such as ``entity.type``) are not checked.

Bad::

    {"type": "TAG_FILTER", "name": "otel.attribute.service.nmae", "value": "{{ servicename }}"}

Good::

    {"type": "TAG_FILTER", "name": "otel.attribute.service.name", "value": "{{ servicename }}"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._metrics import convention_match, conventions, defined_attributes, tags
from pkgkit.util.suggest import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "MET010"
NAME = "undocumented-tag-attribute"
SEVERITY = Severity.ERROR
SUMMARY = "A tag filter or group-by names an attribute the README does not document"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every attribute-naming tag whose attribute is not documented."""
    if ctx.package.readme is None:
        return
    documented = conventions(ctx)
    metric_attributes = documented.metric_attributes
    resource = {a.key for a in documented.resource_attributes}
    for tag in tags(ctx):
        known = metric_attributes if tag.scope == "metric" else metric_attributes | resource
        if tag.attribute in known or tag.attribute in defined_attributes(ctx, tag.scope):
            continue
        kind = "metric attribute" if tag.scope == "metric" else "resource or metric attribute"
        yield Problem(
            tag.file,
            f"'{tag.tag}' names '{tag.attribute}', which is not a documented {kind}"
            " nor one the OpenTelemetry conventions define",
            pointer=tag.pointer,
            hint=did_you_mean(tag.attribute, known)
            or _convention_hint(ctx, tag.attribute, tag.scope)
            or "document it in the README (Resource Attributes table or a metric's Attributes)",
        )


def _convention_hint(ctx: RuleContext, attribute: str, scope: str) -> str | None:
    """``did you mean 'x'?`` for an attribute the conventions define under a near name."""
    match = convention_match(attribute, defined_attributes(ctx, scope))
    return f"did you mean '{match}'?" if match else None
