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
"""

from __future__ import annotations

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._common import json_files

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.rules import RuleContext
    from pkgkit.schemas import SchemaError

CODE = "PKG100"
NAME = "schema"
SEVERITY = Severity.ERROR
SUMMARY = "A file does not match the JSON Schema of its kind"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every schema violation of every loaded file."""
    for file in json_files(ctx.package):
        if file.ok:
            yield from _violations(file)


def _violations(file: JsonFile) -> Iterator[Problem]:
    from pkgkit.schema_validators import VALIDATORS  # noqa: PLC0415 - only when linting

    try:
        if VALIDATORS[file.kind](file.data):
            return
        from pkgkit.schemas import validate  # noqa: PLC0415 - python-jsonschema explains a failure

        for error in validate(file.kind, file.data):
            if not _left_to_manifest_rule(file, error):
                yield Problem(file, error.message, pointer=error.pointer, hint=error.hint)
    except RecursionError:
        yield Problem(
            file,
            "the document is nested too deeply to be checked against its schema",
            pointer="",
            hint="flatten the structure; Instana's own limits are far below this depth",
        )


def _left_to_manifest_rule(file: JsonFile, error: SchemaError) -> bool:
    """Missing top-level package.json fields are PKG110's findings."""
    return file.kind == "package" and error.keyword == "required" and error.pointer == ""
