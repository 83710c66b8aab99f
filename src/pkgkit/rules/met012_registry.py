"""A semantic-convention registry named in the configuration cannot be used.

``registries`` in the pkgkit configuration are YAML files in the OpenTelemetry registry format
(``groups`` of ``type: metric``) with a top-level ``scope``; they extend the catalogue of known
instrumentations. They are read from inside the package only: absolute paths and ``..`` are
refused, as are paths that resolve outside through symbolic links.

Bad::

    registries = ["../shared/semconv.yaml"]

Good::

    registries = ["semconv/app.yaml"]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.package import TextFile
from pkgkit.rules._metrics import catalogue

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "MET012"
NAME = "unusable-registry"
SEVERITY = Severity.ERROR
SUMMARY = "A configured semantic-convention registry is outside the package or unreadable"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every registry issue, at the configuration line naming the registry when known."""
    if not ctx.config.registries:
        return  # the built-in catalogue is not read for nothing
    source = ctx.config.source
    for issue in catalogue(ctx).issues:
        if source is None:
            yield Problem(ctx.package.text_file("."), issue.message)
            continue
        line = ctx.config.registry_lines.get(issue.path, 1)
        yield Problem(TextFile(source), issue.message, line=line)
