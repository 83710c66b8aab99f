"""A file or folder of the package cannot be read (permissions, I/O error, or too large).

pkgkit reports the file and goes on with the others. JSON files over 16 MiB and READMEs over
1 MiB are not parsed: content files are kilobytes, and a file that size is almost certainly a
mistake (a data dump, a build artefact). Named pipes, devices and broken symbolic links are
reported and never opened.

Bad: ``chmod 000 dashboards/runtime.json``.

Good: a readable file of reasonable size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.model.jsonfile import LoadErrorKind
from pkgkit.rules._common import file_issues, load_errors

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "PKG005"
NAME = "unreadable"
SEVERITY = Severity.ERROR
SUMMARY = "A file or folder cannot be read, or is too large to lint"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Unreadable or oversized files and unreadable folders."""
    yield from load_errors(ctx, LoadErrorKind.UNREADABLE, LoadErrorKind.TOO_LARGE)
    yield from file_issues(ctx, "unreadable")
