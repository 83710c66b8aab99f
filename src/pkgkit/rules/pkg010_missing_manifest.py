"""The package has no package.json.

Instana's CLI reads the package name and version from package.json; without it the folder is not
a package.

Bad: a folder with ``dashboards/`` and ``README.md`` only.

Good::

    {"name": "@instana-integration/go", "version": "1.0.0", "author": "IBM", "license": "MIT"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.rules._common import file_issues

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "PKG010"
NAME = "missing-manifest"
SEVERITY = Severity.ERROR
SUMMARY = "The package has no package.json"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """A missing package.json."""
    return file_issues(ctx, "missing-manifest", hint="create package.json (see `pkgkit init`)")
