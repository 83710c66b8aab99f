"""The package name is not ``@instana-integration/<name>``.

Instana's CLI downloads integration packages from the ``@instana-integration`` npm scope; a
package named otherwise cannot be found by ``stanctl-integration download``. A warning, or an
error with ``--strict``.

Bad::

    {"name": "go-integration"}

Good::

    {"name": "@instana-integration/go"}
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.names import NAME_CHARS, SCOPE, is_scoped_name
from pkgkit.rules._common import manifest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "PKG112"
NAME = "manifest-name-scope"
SEVERITY = Severity.WARNING
SUMMARY = "The package name is not @instana-integration/<name>"

_UNSCOPED = rf"[^{NAME_CHARS}]+"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """A non-blank string name outside the scope (other values are schema findings)."""
    file = manifest(ctx.package)
    if file is None:
        return
    name = file.data.get("name")
    if not isinstance(name, str) or not name.strip() or is_scoped_name(name):
        return
    yield Problem(
        file,
        f"package name '{name}' is not of the form '{SCOPE}<name>'",
        pointer="/name",
        hint=f'use "{SCOPE}{_suggested(name, ctx.package.root)}"',
        severity=Severity.ERROR if ctx.config.strict else None,
    )


def _suggested(name: str, root: str) -> str:
    """The unscoped part of ``name`` in npm's lower-case alphabet (the folder name if empty)."""
    bare = name.rsplit("/", 1)[-1].lower()
    bare = re.sub(_UNSCOPED, "-", bare).strip("-._")
    if not bare:
        folder = os.path.basename(os.path.realpath(root))  # noqa: PTH119 - pathlib is off the lint path
        bare = re.sub(_UNSCOPED, "-", folder.lower()).strip("-._")
    return bare or "<name>"
