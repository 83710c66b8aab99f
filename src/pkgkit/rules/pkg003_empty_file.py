"""A JSON file is empty (or only whitespace).

An empty file is not JSON; Instana's CLI fails on it.

Bad: ``events/high-goroutine-count.json`` with no content.

Good: delete the file, or give it its JSON object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.model.jsonfile import LoadErrorKind
from pkgkit.rules._common import load_errors

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "PKG003"
NAME = "empty-file"
SEVERITY = Severity.ERROR
SUMMARY = "A JSON file is empty"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Empty files."""
    return load_errors(ctx, LoadErrorKind.EMPTY)
