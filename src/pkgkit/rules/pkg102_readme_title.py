"""README.md does not start with a level-1 heading naming the package.

Readers (and npm) take the first ``#`` heading as the page title; it should be the package
name from package.json, so the page says which package it documents.

Bad::

    # Go monitoring

Good::

    # @instana-integration/go
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.readme import normalize_heading
from pkgkit.rules._common import manifest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "PKG102"
NAME = "readme-title"
SEVERITY = Severity.WARNING
SUMMARY = "README.md has no level-1 heading with the package name"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """No level-1 heading, or one that is not the package.json name."""
    readme = ctx.package.readme
    if readme is None:
        return
    name = _manifest_name(ctx)
    title = readme.title
    if title is None:
        yield Problem(
            readme,
            "README.md has no level-1 heading",
            hint=f"start the README with `# {name or '<package name>'}`",
            line=1,
            column=1,
        )
    elif name is not None and normalize_heading(title.title) != normalize_heading(name):
        yield Problem(
            readme,
            f"README title '{title.title}' is not the package name '{name}'",
            hint=f"change the heading to `# {name}`",
            line=title.line,
            column=1,
        )


def _manifest_name(ctx: RuleContext) -> str | None:
    file = manifest(ctx.package)
    name = file.data.get("name") if file is not None else None
    return name if isinstance(name, str) and name.strip() else None
