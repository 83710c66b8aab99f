"""A dashboard listed in the README has no dashboard file with that title.

The README's Dashboards table (under ``## Dashboards`` or another heading with the word, column
"Dashboard Title", "Title", "Dashboard", "Name" or one with the word) promises dashboards by the
title users will see in Instana. A row whose title is the ``title`` of no file in ``dashboards/``
promises a dashboard the import does not create: a typo, or a title changed on one side only. A
row and an unlisted dashboard whose titles are each other's closest match (``Cron Job
Monitoring`` and ``Kubernetes CronJob Monitoring``) are one finding, here, naming both (DOC002
then does not report the file); a row closest to a second dashboard with an already listed title
is left to PKG123. The finding points at the README cell. Not reported while a dashboard file
does not load (it may hold the name).

Bad, when ``dashboards/runtime.json`` is titled "Go Runtime Metrics"::

    | Dashboard Title     |
    |---------------------|
    | Go Runtime Metric   |

Good::

    | Dashboard Title     |
    |---------------------|
    | Go Runtime Metrics  |

Fix (unsafe): the row's name is rewritten to the dashboard title it pairs with (a
finding naming both sides): a guess, as the README's name may be the right one. None when the
two differ only in look-alike characters (``S3-IO`` and ``S3-I0``: letter O, digit zero): the
finding names the characters, and either side may be the typo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._listing import DASHBOARDS, unmatched_rows

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "DOC001"
NAME = "readme-dashboard-missing"
SEVERITY = Severity.WARNING
SUMMARY = "A dashboard listed in the README has no dashboard file with that title"
FIX = "rewrites the row's name to the dashboard title it likely means (unsafe)"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """README dashboard rows without a dashboard of that title."""
    return unmatched_rows(ctx, DASHBOARDS)
