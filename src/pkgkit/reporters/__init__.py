"""Reporters turn a :class:`~pkgkit.lint.report.LintReport` into text, JSON, SARIF or GitHub
commands.

They see diagnostics and plain report data only (the SARIF reporter's rule descriptors are
built by the command, from the registry). Each lives in its own module, imported when chosen.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Protocol, TextIO

    from pkgkit.diagnostics import Diagnostic
    from pkgkit.lint.report import LintReport

    class Reporter(Protocol):
        """A reporter module: ``render(report, stream)``."""

        def render(self, report: LintReport, stream: TextIO) -> None:
            """Write the whole report to ``stream``."""
            ...


#: Format name -> module defining ``render(report, stream)``.
REPORTERS: dict[str, str] = {
    "text": "pkgkit.reporters.text",
    "json": "pkgkit.reporters.json_reporter",
    "sarif": "pkgkit.reporters.sarif",
    "github": "pkgkit.reporters.github",
}

#: Formats whose reporter describes every rule: their report carries rule descriptors.
RULE_FORMATS = frozenset({"sarif"})


def get_reporter(name: str) -> Reporter:
    """The reporter module for a format name (a key of :data:`REPORTERS`)."""
    module: Reporter = importlib.import_module(REPORTERS[name])
    return module


def message_with_hint(diagnostic: Diagnostic) -> str:
    """The finding's message, then ``hint: ...`` on its own line when it has one."""
    return diagnostic.message + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")
