"""A dashboard's title is not listed in the README's Dashboards table.

Users learn what a package installs from its README. Every file in ``dashboards/`` must appear
in the Dashboards table (column "Dashboard Title", "Title", "Dashboard", "Name" or one with the
word) under its ``title``. The finding points at the ``title`` of the dashboard. A dashboard
whose title is the closest match of an unmatched README row is reported once, by DOC001, naming
both. A README with a Dashboards section but no table of titles is one finding at the section's
heading, for all dashboards; a README with no Dashboards section is PKG103's.

Bad, when the README lists only "Go Runtime Metrics"::

    {"title": "Go Runtime Monitoring", "widgets": []}

Good (a README row for it)::

    | Dashboard Title       |
    |-----------------------|
    | Go Runtime Metrics    |
    | Go Runtime Monitoring |
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._listing import DASHBOARDS, unlisted_content

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "DOC002"
NAME = "dashboard-not-in-readme"
SEVERITY = Severity.WARNING
SUMMARY = "A dashboard's title is not listed in the README's Dashboards table"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Dashboards whose title the README does not list."""
    return unlisted_content(ctx, DASHBOARDS)
