"""A JSON file does not parse.

Instana's CLI ``JSON.parse``s every file; one syntax error aborts the import. The finding points
at the line and column where the parser stopped. Documents nested so deeply that no parser should
be asked to read them are reported here too.

Bad::

    {"name": "High Goroutine Count",}

Good::

    {"name": "High Goroutine Count"}
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

CODE = "PKG001"
NAME = "json-syntax"
SEVERITY = Severity.ERROR
SUMMARY = "A JSON file is not valid JSON"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Files that failed to parse."""
    return load_errors(ctx, LoadErrorKind.SYNTAX, LoadErrorKind.TOO_DEEP)
