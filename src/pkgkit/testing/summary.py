"""The "pkgkit warnings" section of pytest's summary: items record lines, the plugin prints them.

Apart from both so that neither imports the other for it (:mod:`pkgkit.testing.plugin` loads in
every pytest run and imports :mod:`pkgkit.testing.nodes` only when it collects a package).
"""

from __future__ import annotations

import pytest

#: Warnings items record for the summary (rendered lines).
WARNINGS = pytest.StashKey[list[str]]()


def warn(config: pytest.Config, text: str) -> None:
    """Record one line for the summary."""
    config.stash.setdefault(WARNINGS, []).append(text)


def write_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The section, when any warning was recorded."""
    warnings = terminalreporter.config.stash.get(WARNINGS, [])
    if not warnings:
        return
    terminalreporter.section("pkgkit warnings", yellow=True)
    for text in warnings:
        terminalreporter.line(text)
    terminalreporter.line(f"{len(warnings)} warning(s)")
