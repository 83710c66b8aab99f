"""Human-readable report: findings grouped by package, then a summary line.

Written from plain data (:meth:`~pkgkit.diagnostics.Diagnostic.as_dict` and
:func:`~pkgkit.lint.report.result_as_data` shapes), so a report answered from the result cache is
printed by the same code without building diagnostics; this module imports nothing at run time.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, TextIO

    from pkgkit.diagnostics import Diagnostic
    from pkgkit.lint.report import LintReport


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """``path:line:col: CODE message``, warnings marked, the hint on its own line."""
    return format_item(diagnostic.as_dict())


def format_item(item: dict[str, Any]) -> str:
    """:func:`format_diagnostic` of a diagnostic's ``as_dict()``."""
    marker = " [warning]" if item["severity"] == "warning" else ""
    where = f"{item['path']}:{item['line']}:{item['column']}"
    text = f"{where}: {item['rule']}{marker} {item['message']}"
    if item["hint"]:
        text += f"\n    hint: {item['hint']}"
    return text


def summary(report: LintReport) -> str:
    """One line: counts of errors, warnings and packages."""
    severities = [str(d.severity) for d in report.diagnostics]
    skipped = sum(result.skipped is not None for result in report.packages)
    return summary_of(severities, len(report.packages) - skipped, skipped)


def summary_of(severities: Iterable[str], checked: int, skipped: int) -> str:
    """The summary line from the severities of all findings and the package counts."""
    listed = list(severities)
    errors, warnings = listed.count("error"), listed.count("warning")
    parts = [
        f"{errors} error{'s' * (errors != 1)}",
        f"{warnings} warning{'s' * (warnings != 1)}",
        f"{checked} package{'s' * (checked != 1)} checked",
    ]
    if skipped:
        parts.append(f"{skipped} private skipped")
    return ", ".join(parts) + "."


def render(report: LintReport, stream: TextIO) -> None:
    """Write the grouped findings and the summary."""
    from pkgkit.lint.report import result_as_data  # noqa: PLC0415

    render_data([result_as_data(result) for result in report.packages], stream)


def render_data(results: list[dict[str, Any]], stream: TextIO) -> None:
    """:func:`render` of package results as :func:`~pkgkit.lint.report.result_as_data`
    writes them."""
    for result in results:
        if not result["diagnostics"]:
            continue
        stream.write(f"{result['name']} ({result['root']})\n")
        for item in result["diagnostics"]:
            stream.write(format_item(item) + "\n")
        stream.write("\n")
    severities = [item["severity"] for result in results for item in result["diagnostics"]]
    skipped = sum(result["skipped"] is not None for result in results)
    stream.write(summary_of(severities, len(results) - skipped, skipped) + "\n")
