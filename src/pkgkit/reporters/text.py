"""Human-readable report: findings grouped by package, how many each package has, a summary.

Text from packages (file names, messages quoting titles and names) is escaped
(:func:`~pkgkit.util.output.display_text`): a finding is one line, and a dashboard title cannot
write terminal escapes or workflow commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Severity
from pkgkit.util.output import display_text

if TYPE_CHECKING:
    from typing import TextIO

    from pkgkit.diagnostics import Diagnostic
    from pkgkit.lint.report import LintReport


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """``path:line:col: CODE message``, warnings marked, the hint on its own line."""
    marker = " [warning]" if diagnostic.severity is Severity.WARNING else ""
    where = f"{display_text(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}"
    text = f"{where}: {diagnostic.code}{marker} {display_text(diagnostic.message)}"
    if diagnostic.hint:
        text += f"\n    hint: {display_text(diagnostic.hint)}"
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


def per_package(report: LintReport) -> str | None:
    """``Findings per package: b 12, a 3, 2 clean.``: the packages checked, most findings first;
    None for fewer than two. A scope every name has (``@instana-integration/``) is said once."""
    checked = [result for result in report.packages if result.skipped is None]
    if len(checked) < 2:
        return None
    scopes = {result.name.partition("/")[0] for result in checked}
    scope = scopes.pop() + "/" if len(scopes) == 1 and checked[0].name.startswith("@") else ""
    counts = sorted(
        (-len(result.diagnostics), result.name.removeprefix(scope))
        for result in checked
        if result.diagnostics
    )
    parts = [f"{name} {-count}" for count, name in counts]
    clean = len(checked) - len(counts)
    if clean:
        parts.append(f"{clean} clean")
    kind = f"{scope} package" if scope else "package"
    return f"Findings per {kind}: {', '.join(parts)}."


def render(report: LintReport, stream: TextIO) -> None:
    """Write the grouped findings, the findings per package and the summary."""
    for result in report.packages:
        if not result.diagnostics:
            continue
        stream.write(f"{display_text(result.name)} ({display_text(result.root)})\n")
        for diagnostic in result.diagnostics:
            stream.write(format_diagnostic(diagnostic) + "\n")
        stream.write("\n")
    line = per_package(report)
    if line:
        stream.write(line + "\n")
    stream.write(summary(report) + "\n")
