"""The package has no README.md.

The README is the package's page on npm and the only documentation an importer sees: which
dashboards and events it brings, which metrics and resource attributes they need.

Bad: a package folder with ``package.json`` and ``dashboards/`` only.

Good: a ``README.md`` next to ``package.json`` (``pkgkit init`` writes a skeleton).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._common import file_issues

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "PKG101"
NAME = "missing-readme"
SEVERITY = Severity.WARNING
SUMMARY = "The package has no README.md"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """A missing README.md (an unreadable one is PKG005)."""
    return file_issues(ctx, "missing-readme", hint="create README.md (see `pkgkit init`)")
