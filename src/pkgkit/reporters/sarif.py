"""SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.

One run whose ``tool.driver`` describes pkgkit and every rule the report carries (id, name,
summary, the rule doc as full description and help, default level); each finding is a result
with its rule, level, message and a location relative to the working directory (``%SRCROOT%``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from pkgkit import __version__
from pkgkit.diagnostics import Diagnostic, Severity
from pkgkit.reporters import message_with_hint
from pkgkit.util.output import json_text

if TYPE_CHECKING:
    from typing import TextIO

    from pkgkit.lint.report import LintReport, RuleDescriptor

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pkgkit.dev"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def rule_descriptor(rule: RuleDescriptor) -> dict[str, Any]:
    """A SARIF ``reportingDescriptor`` of one rule."""
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
    }


def artifact_uri(path: str) -> str:
    """A relative URI for a path below the working directory, else a ``file:`` URI.

    A file name that is not UTF-8 (read as lone surrogates) is percent-encoded byte for byte,
    as ``Path.as_uri`` does.
    """
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix(), errors="surrogateescape")


def result(diagnostic: Diagnostic, rule_index: dict[str, int]) -> dict[str, Any]:
    """A SARIF ``result`` of one finding."""
    text = message_with_hint(diagnostic)
    location: dict[str, Any] = {"uri": artifact_uri(diagnostic.path)}
    if not Path(diagnostic.path).is_absolute():
        location["uriBaseId"] = "%SRCROOT%"
    entry: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": _LEVELS[diagnostic.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {"startLine": diagnostic.line, "startColumn": diagnostic.column},
                }
            }
        ],
    }
    if diagnostic.code in rule_index:
        entry["ruleIndex"] = rule_index[diagnostic.code]
    if diagnostic.pointer is not None:
        entry["properties"] = {"pointer": diagnostic.pointer}
    return entry


def sarif_log(report: LintReport) -> dict[str, Any]:
    """The whole SARIF log of a report (its rules are the report's rule descriptors)."""
    rules = report.rules
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    notifications = [
        {"level": "error", "message": {"text": message}} for message in report.internal_errors
    ]
    run = {
        "tool": {
            "driver": {
                "name": "pkgkit",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(rule) for rule in rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not report.internal_errors,
                "toolExecutionNotifications": notifications,
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": [result(d, rule_index) for d in report.diagnostics],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: LintReport, stream: TextIO) -> None:
    """Write the SARIF log as indented JSON."""
    stream.write(json_text(json.dumps(sarif_log(report), indent=2, ensure_ascii=False)) + "\n")
