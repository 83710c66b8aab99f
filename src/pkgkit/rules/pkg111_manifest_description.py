"""package.json has no ``description`` (or a blank one).

The description is what the package list of Instana's CLI and npm show next to the name.

Bad::

    {"name": "@instana-integration/go", "version": "1.0.0", "author": "IBM", "license": "MIT"}

Good::

    {"name": "@instana-integration/go", "version": "1.0.0", "author": "IBM", "license": "MIT",
     "description": "The Instana integration package for Go monitoring"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._common import manifest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "PKG111"
NAME = "manifest-description"
SEVERITY = Severity.WARNING
SUMMARY = "package.json has no description"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """A missing or blank description (a non-string one is a schema finding, PKG100)."""
    file = manifest(ctx.package)
    if file is None:
        return
    description = file.data.get("description")
    if description is None:
        yield Problem(
            file,
            "package.json has no 'description'",
            pointer="",
            hint='add "description": "The Instana integration package for ..."',
        )
    elif isinstance(description, str) and not description.strip():
        yield Problem(
            file,
            "package.json 'description' is blank",
            pointer="/description",
            hint="say in one sentence what the package monitors",
        )
