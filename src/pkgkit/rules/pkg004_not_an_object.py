"""The top-level value of a JSON file is not an object.

package.json, dashboards, events, entities and smart alerts are each one JSON object; Instana's
API rejects an array or a scalar.

Bad::

    [{"name": "High Goroutine Count"}]

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

CODE = "PKG004"
NAME = "not-an-object"
SEVERITY = Severity.ERROR
SUMMARY = "A JSON file's top-level value is not an object"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Files whose root is an array, string, number, boolean or null."""
    return load_errors(ctx, LoadErrorKind.NOT_OBJECT)
