"""An object has the same key twice.

JSON parsers keep the last value silently, so the first one is dead text that readers still
believe in.

Bad::

    {"conditionValue": 100, "conditionValue": 1000}

Good::

    {"conditionValue": 1000}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.positions import parent_pointer, pointer_tokens
from pkgkit.rules._common import scanned_sites

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.rules import RuleContext

CODE = "PKG008"
NAME = "duplicate-key"
SEVERITY = Severity.ERROR
SUMMARY = "An object has the same key twice"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every repeated key, at the repetition."""
    for file, pointer, line, column in scanned_sites(ctx.package, _duplicate_keys):
        key = pointer_tokens(pointer)[-1]
        first_line, _ = file.locate_key(pointer)
        yield Problem(
            file,
            f"duplicate key '{key}' in object {parent_pointer(pointer) or '/'}"
            f" (first at line {first_line}); parsers keep only the last",
            pointer=pointer,
            hint="remove one of the two",
            line=line,
            column=column,
        )


def _duplicate_keys(file: JsonFile) -> list[tuple[str, int]]:
    return file.scan.duplicate_keys if file.has_duplicate_keys else []
