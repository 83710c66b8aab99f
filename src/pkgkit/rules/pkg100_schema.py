"""A package.json or content file does not match the JSON Schema of its kind.

Every file that parsed into an object is validated against ``schemas/<kind>.schema.json``
(package, dashboard, event, entity, smart-alert): the fields Instana's API requires, their types,
the enumerations it accepts and the limits it enforces. Each violation is reported at the value
it is about, with the schema's description as the hint. Missing name, version, author and license
in package.json are left to PKG110, which says the same thing with a better hint.

Bad (events/high-goroutine-count.json)::

    {"name": "High Goroutine Count", "rules": [{"ruleType": "treshold"}]}

Good::

    {"name": "High Goroutine Count", "entityType": "openTelemetry",
     "rules": [{"ruleType": "threshold", "metricName": "...", "conditionOperator": ">"}]}

Fix (safe): a value outside an enumeration that has one valid spelling is rewritten to it: the
one allowed value equal to it but for case (``"AVG"`` -> ``"avg"``), or an operator's other
spelling (``"=="`` -> ``"="``, ``"=>"`` -> ``">="``, ``"=<"`` -> ``"<="``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Fix, Problem, Severity
from pkgkit.model.jsonedit import replace_value
from pkgkit.rules._common import json_files

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.rules import RuleContext
    from pkgkit.schemas.validation import SchemaError

CODE = "PKG100"
NAME = "schema"
SEVERITY = Severity.ERROR
SUMMARY = "A file does not match the JSON Schema of its kind"
FIX = "rewrites a value outside an enumeration to its one valid spelling ('AVG' -> 'avg')"

#: Operators written as other languages write them -> the spelling Instana's API accepts.
_OPERATOR_SPELLINGS = {"==": "=", "=>": ">=", "=<": "<="}


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every schema violation of every loaded file."""
    for file in json_files(ctx.package):
        if file.ok:
            yield from _violations(file)


def _violations(file: JsonFile) -> Iterator[Problem]:
    from pkgkit.schemas.validators import VALIDATORS  # noqa: PLC0415 - only when linting

    try:
        if VALIDATORS[file.kind](file.data):
            return
        from pkgkit.schemas.validation import validate  # noqa: PLC0415 - explains a failure

        for error in validate(file.kind, file.data):
            if not _left_to_manifest_rule(file, error):
                fix = _fix(file, error) if error.keyword == "enum" else None
                yield Problem(file, error.message, pointer=error.pointer, hint=error.hint, fix=fix)
    except RecursionError:
        yield Problem(
            file,
            "the document is nested too deeply to be checked against its schema",
            pointer="",
            hint="flatten the structure; Instana's own limits are far below this depth",
        )


def _fix(file: JsonFile, error: SchemaError) -> Fix | None:
    """The one allowed value the file's value spells differently, written in its place."""
    value = file.get(error.pointer)
    if not isinstance(value, str):
        return None
    allowed = [option for option in error.options if isinstance(option, str)]
    alike = [option for option in allowed if option.casefold() == value.strip().casefold()]
    spelled = _OPERATOR_SPELLINGS.get(value.strip())
    if len(alike) != 1 and spelled in allowed:
        alike = [spelled]
    if len(alike) != 1:
        return None
    edit = replace_value(file, error.pointer, alike[0])
    return None if edit is None else Fix(f"write '{alike[0]}'", (edit,))


def _left_to_manifest_rule(file: JsonFile, error: SchemaError) -> bool:
    """Missing top-level package.json fields are PKG110's findings."""
    return file.kind == "package" and error.keyword == "required" and error.pointer == ""
