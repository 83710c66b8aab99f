"""A dashboard of its own lacks the global read-write access rule.

A dashboard that no custom entity type references is imported as a custom dashboard; without
``{"accessType": "READ_WRITE", "relationType": "GLOBAL"}`` only the importing API token's user can
see it. Dashboards referenced by an entity (``data.dashboards[].reference`` in
``entities/*.json``) belong to the entity type and need no access rules.

Bad::

    {"title": "Go Runtime Metrics", "accessRules": [], "widgets": []}

Good::

    {"title": "Go Runtime Metrics", "widgets": [],
     "accessRules": [{"accessType": "READ_WRITE", "relationType": "GLOBAL", "relatedId": ""}]}

Fix (safe): the rule is added at the end of ``accessRules`` (created when missing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Fix, Problem, Severity
from pkgkit.model.jsonedit import add_member, append_item
from pkgkit.rules._common import (
    DASHBOARDS_FOLDER,
    dashboard_references,
    resolve_dashboard_reference,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.model.package import Package
    from pkgkit.rules import RuleContext

CODE = "PKG120"
NAME = "dashboard-global-access"
SEVERITY = Severity.ERROR
SUMMARY = "A dashboard not referenced by an entity lacks the global READ_WRITE access rule"
FIX = "adds the global READ_WRITE rule at the end of accessRules (created when missing)"

_HINT = 'add {"accessType": "READ_WRITE", "relationType": "GLOBAL", "relatedId": ""} to accessRules'
_GLOBAL_RULE = {"accessType": "READ_WRITE", "relationType": "GLOBAL", "relatedId": ""}
_FOLDER = DASHBOARDS_FOLDER + "/"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Stand-alone dashboards whose accessRules lack the global read-write rule."""
    referenced = entity_dashboards(ctx.package)
    for file in ctx.package.documents("dashboard"):
        if file.relpath.removeprefix(_FOLDER) in referenced:
            continue
        rules = file.data.get("accessRules")
        if not isinstance(rules, list) or not any(map(_is_global_read_write, rules)):
            pointer = "/accessRules" if "accessRules" in file.data else ""
            yield Problem(
                file,
                "dashboard has no global READ_WRITE access rule, so only its importer can see it",
                pointer=pointer,
                hint=_HINT,
                fix=_fix(file, rules),
            )


def _fix(file: JsonFile, rules: object) -> Fix | None:
    """The global rule appended to accessRules, or accessRules added with it."""
    if isinstance(rules, list):
        edit = append_item(file, "/accessRules", _GLOBAL_RULE)
    elif "accessRules" not in file.data:
        edit = add_member(file, "", "accessRules", [_GLOBAL_RULE])
    else:
        return None  # accessRules of another type: PKG100 reports it
    return None if edit is None else Fix("add the global READ_WRITE access rule", (edit,))


def entity_dashboards(package: Package) -> set[str]:
    """Dashboards referenced by entities, as paths relative to dashboards/."""
    return {
        resolved
        for entity in package.documents("entity")
        for _, reference in dashboard_references(entity)
        if (resolved := resolve_dashboard_reference(reference)) is not None
    }


def _is_global_read_write(rule: object) -> bool:
    return (
        isinstance(rule, dict)
        and rule.get("accessType") == "READ_WRITE"
        and rule.get("relationType") == "GLOBAL"
    )
