"""Two dashboards of one package have the same title.

Instana lists custom dashboards by title: two with one title cannot be told apart in the
dashboard list, and the README's Dashboards table cannot say which is which. The finding points
at the ``title`` of the later file (in path order) and names the earlier one; when the README
lists a title that no dashboard has and that is closest to this one, the hint names it (that row
is then not reported again by DOC001).

Bad: ``dashboards/go-runtime.json`` and ``dashboards/runtime.json`` both with::

    {"title": "Go Runtime Monitoring"}

Good: one title per dashboard, as the README lists them::

    {"title": "Go Runtime Monitoring"}, {"title": "Go Runtime Metrics"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._listing import DASHBOARDS, duplicate_names

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "PKG123"
NAME = "duplicate-dashboard-title"
SEVERITY = Severity.WARNING
SUMMARY = "Two dashboards of one package have the same title"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every dashboard whose title an earlier dashboard file already has."""
    return duplicate_names(ctx, DASHBOARDS)
