"""package.json lacks one of ``name``, ``version``, ``author`` or ``license``.

Instana's CLI and npm identify a package by name and version: without them it cannot be
published or imported (an error). The author and the license tell an importer who made it and on
what terms; npm publishes without them (a warning).

Bad::

    {"name": "@instana-integration/go", "version": "1.0.0"}

Good::

    {"name": "@instana-integration/go", "version": "1.0.0", "author": "IBM", "license": "MIT"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._common import manifest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "PKG110"
NAME = "manifest-required-field"
SEVERITY = Severity.ERROR
SUMMARY = "package.json lacks name, version, author or license"

#: The fields without which the package cannot be published or imported.
IDENTIFYING = frozenset({"name", "version"})
#: Required fields and an example value for the hint.
REQUIRED: dict[str, str] = {
    "name": '"@instana-integration/<name>"',
    "version": '"1.0.0"',
    "author": '"IBM"',
    "license": '"MIT"',
}


def check(ctx: RuleContext) -> Iterator[Problem]:
    """One problem per missing field, at the top of package.json."""
    file = manifest(ctx.package)
    if file is None:
        return
    for field, example in REQUIRED.items():
        if field not in file.data:
            yield Problem(
                file,
                f"package.json has no '{field}'",
                pointer="",
                hint=f'add "{field}": {example}',
                severity=None if field in IDENTIFYING else Severity.WARNING,
            )
