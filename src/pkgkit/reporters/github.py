"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=PATH,line=L,col=C,title=CODE::message`` (``::warning`` for warnings), escaped as
the Actions runner expects: ``%``, ``\\r`` and ``\\n`` everywhere, and ``:`` and ``,`` inside
property values. Control characters from package content are shown as escapes first
(:func:`~pkgkit.util.output.display_text`), so only the hint's own line break is a line break: no
text of a package can end the command and start another. The summary line follows as plain
log text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Diagnostic, Severity
from pkgkit.reporters.text import summary
from pkgkit.util.output import display_text

if TYPE_CHECKING:
    from typing import TextIO

    from pkgkit.lint.report import LintReport


def escape_data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(diagnostic: Diagnostic) -> str:
    """The workflow command of one finding."""
    kind = "error" if diagnostic.severity is Severity.ERROR else "warning"
    message = display_text(diagnostic.message)
    if diagnostic.hint:
        message += f"\nhint: {display_text(diagnostic.hint)}"
    properties = ",".join(
        [
            f"file={escape_property(display_text(diagnostic.path))}",
            f"line={diagnostic.line}",
            f"col={diagnostic.column}",
            f"title={escape_property(diagnostic.code)}",
        ]
    )
    return f"::{kind} {properties}::{escape_data(message)}"


def render(report: LintReport, stream: TextIO) -> None:
    """One command per finding, then the summary line."""
    for diagnostic in report.diagnostics:
        stream.write(command(diagnostic) + "\n")
    stream.write(summary(report) + "\n")
