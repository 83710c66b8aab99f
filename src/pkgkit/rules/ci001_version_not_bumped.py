"""A package changed since the base revision but its version was not raised.

Instana's CLI and the registry identify a package release by its ``version``; publishing changed
content under an old version either fails or silently ships two different packages with one
number. ``pkgkit ci`` compares each changed package's package.json ``version`` with the one at
the base revision (semantic-version precedence: ``1.0.0-rc.1`` < ``1.0.0`` < ``1.0.1``). Any
changed file counts, the README too. New packages and deleted packages are not checked.

Only ``pkgkit ci`` reports this rule, because only it knows the base revision; ``pkgkit lint``
never does. It is a rule so that ``--select``, ``--ignore``, severity overrides and ``pkgkit
rules`` treat it like every other finding.

Bad (version at the base: ``1.0.0``, dashboards changed)::

    {"name": "@instana-integration/go", "version": "1.0.0"}

Good::

    {"name": "@instana-integration/go", "version": "1.0.1"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "CI001"
NAME = "version-not-bumped"
SEVERITY = Severity.ERROR
SUMMARY = "A package changed since the base revision without raising its version"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Nothing: a single package has no base revision (``pkgkit ci`` reports this rule)."""
    del ctx
    return iter(())
