"""A placeholder stands outside a JSON string, so the file is not JSON until it is rendered.

Instana's CLI substitutes placeholders in the raw text, so ``"conditionValue": {{ threshold }}``
becomes valid JSON only after ``--set threshold=...``. Until then every JSON tool rejects the file
(pkgkit reports PKG001 for it and cannot check its content), and when the variable is not set the
CLI itself leaves ``{{ threshold }}`` in place and ``JSON.parse`` fails at import. Placeholders
belong inside JSON strings; a field that must be a number or a boolean cannot be templated.
Located at the placeholder.

Bad::

    {"tagFilterExpression": {"name": "otel.attribute.service.name", "value": {{ servicename }}}}

Good::

    {"tagFilterExpression": {"name": "otel.attribute.service.name", "value": "{{ servicename }}"}}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._templates import OUTSIDE, at_offset, uses

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "TPL004"
NAME = "placeholder-outside-string"
SEVERITY = Severity.ERROR
SUMMARY = "A {{ placeholder }} outside a JSON string makes the file invalid JSON until rendered"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every placeholder that no JSON string token encloses."""
    for use in uses(ctx):
        if use.where != OUTSIDE:
            continue
        raw = use.raw
        yield at_offset(
            use.file,
            use.start,
            f"placeholder '{raw}' is outside a JSON string: the file is not valid JSON before "
            "rendering, and stays invalid when the variable is not set",
            f'put it inside a string ("{raw}"); a number or boolean field cannot be templated',
        )
