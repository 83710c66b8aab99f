"""``pkgkit lint --statistics``: how many findings each rule has, as ``ruff --statistics`` prints.

Text: one line per rule, most findings first (count, code, severity, name), then the findings per
package and the summary line of the text report. With ``--format json``: a JSON array of
``{"code", "name", "severity", "count"}``. Rule names come from the report's rule descriptors
(the command fills them). A rule whose findings have both severities (a configured override,
``--strict``) shows ``error+warning``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pkgkit.reporters.text import per_package, summary

if TYPE_CHECKING:
    from typing import TextIO

    from pkgkit.lint.report import LintReport


def rule_counts(report: LintReport) -> list[dict[str, object]]:
    """One entry per rule with findings (code, name, severity, count), most findings first."""
    names = {rule.code: rule.name for rule in report.rules}
    counts: dict[str, int] = {}
    severities: dict[str, set[str]] = {}
    for diagnostic in report.diagnostics:
        counts[diagnostic.code] = counts.get(diagnostic.code, 0) + 1
        severities.setdefault(diagnostic.code, set()).add(diagnostic.severity.value)
    return [
        {
            "code": code,
            "name": names.get(code, ""),
            "severity": "+".join(sorted(severities[code])),
            "count": counts[code],
        }
        for code in sorted(counts, key=lambda code: (-counts[code], code))
    ]


def render(report: LintReport, stream: TextIO) -> None:
    """The counts per rule, the findings per package and the summary line."""
    counts = rule_counts(report)
    width = len(str(counts[0]["count"])) if counts else 1
    for entry in counts:
        count = str(entry["count"]).rjust(width)
        stream.write(f"{count}\t{entry['code']}\t{entry['severity']}\t{entry['name']}\n")
    line = per_package(report)
    if line:
        stream.write(line + "\n")
    stream.write(summary(report) + "\n")


def render_json(report: LintReport, stream: TextIO) -> None:
    """The counts per rule as a JSON array."""
    stream.write(json.dumps(rule_counts(report), indent=2) + "\n")
