"""A placeholder is malformed, so Instana's CLI does not substitute it.

The CLI rewrites exactly ``{{ name }}`` (a name of ASCII letters, digits and ``_``) before
Handlebars renders the file. Anything close to it is a bug: ``{{ name }`` and ``{{name}}}``
(unbalanced braces) and ``{{ }}`` make the import fail; ``{{ service-name }}`` and
``{{ service.name }}`` are evaluated by Handlebars as expressions and render nothing; a
backslash before ``{{`` escapes it; ``{{ true }}`` and ``{{ 42 }}`` are literals ``--set`` cannot
fill. Located at the opening braces.

Bad::

    {"value": "{{ servicename }"}

Good::

    {"value": "{{ servicename }}"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._templates import at_offset, malformed, uses

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "TPL003"
NAME = "malformed-placeholder"
SEVERITY = Severity.ERROR
SUMMARY = "A {{ placeholder }} is malformed, so the CLI fails or does not substitute it"

_HINT = "write '{{ name }}' with a name of ASCII letters, digits and '_'"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Malformed placeholders, and placeholders whose name Handlebars reads as a literal."""
    for found in malformed(ctx):
        site = found.site
        yield at_offset(
            found.file, site.start, f"malformed placeholder '{site.raw}': {site.reason}", _HINT
        )
    for use in uses(ctx):
        if use.cli_literal:
            yield at_offset(
                use.file,
                use.start,
                f"'{use.raw}' is not a variable: Handlebars reads "
                f"'{use.name}' as a literal, so --set cannot fill it",
                _HINT,
            )
