"""A symbolic link in the package points outside it.

A package is imported as a self-contained folder; a link out of it makes its content depend on
the machine it is built on, and may leak files. pkgkit never follows such a link.

Bad: ``dashboards/runtime.json -> /home/me/drafts/runtime.json``.

Good: the file itself, inside the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._common import file_issues

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "PKG006"
NAME = "symlink-outside-package"
SEVERITY = Severity.ERROR
SUMMARY = "A symbolic link points outside the package"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Links that leave the package."""
    return file_issues(ctx, "symlink-escapes", hint="copy the file into the package")
