"""Human-readable report: findings grouped by package, then a summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity

if TYPE_CHECKING:
    from typing import TextIO

    from pkgkit.diagnostics import Diagnostic
    from pkgkit.lint.report import LintReport


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """``path:line:col: CODE message``, warnings marked, the hint on its own line."""
    marker = " [warning]" if diagnostic.severity is Severity.WARNING else ""
    where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}"
    text = f"{where}: {diagnostic.code}{marker} {diagnostic.message}"
    if diagnostic.hint:
        text += f"\n    hint: {diagnostic.hint}"
    return text


def summary(report: LintReport) -> str:
    """One line: counts of errors, warnings and packages."""
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    skipped = sum(result.skipped is not None for result in report.packages)
    checked = len(report.packages) - skipped
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
    for result in report.packages:
        if not result.diagnostics:
            continue
        stream.write(f"{result.name} ({result.root})\n")
        for diagnostic in result.diagnostics:
            stream.write(format_diagnostic(diagnostic) + "\n")
        stream.write("\n")
    stream.write(summary(report) + "\n")
