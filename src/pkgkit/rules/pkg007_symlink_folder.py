"""A symbolic link to a folder inside a content folder is not followed.

Links to folders can form cycles and make one file appear twice; pkgkit does not follow them, so
the files behind the link are not checked.

Bad: ``dashboards/shared -> ../common``.

Good: the folder itself, or links to single files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._common import file_issues

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "PKG007"
NAME = "symlink-to-folder"
SEVERITY = Severity.WARNING
SUMMARY = "A symbolic link to a folder is not followed"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Links to folders."""
    return file_issues(ctx, "symlink-dir")
