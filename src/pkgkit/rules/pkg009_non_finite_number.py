"""A JSON file uses ``NaN``, ``Infinity`` or ``-Infinity``.

These are not JSON (RFC 8259); Python reads them, JavaScript's ``JSON.parse`` does not.

Bad::

    {"conditionValue": NaN}

Good::

    {"conditionValue": 0}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._common import scanned_sites

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.rules import RuleContext

CODE = "PKG009"
NAME = "non-finite-number"
SEVERITY = Severity.ERROR
SUMMARY = "NaN or Infinity literal, which is not JSON"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every non-finite literal."""
    for file, pointer, line, column in scanned_sites(ctx.package, _constants):
        yield Problem(
            file,
            "NaN and Infinity are not JSON; JSON.parse rejects them",
            pointer=pointer,
            hint="use a finite number",
            line=line,
            column=column,
        )


def _constants(file: JsonFile) -> list[tuple[str, int]]:
    return file.scan.constants if file.has_nonfinite else []
