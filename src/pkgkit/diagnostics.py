"""The values that flow from rules to reporters.

A rule yields :class:`Problem` values: *what* is wrong and *where*, relative to one file of the
package. The engine stamps each surviving problem into a :class:`Diagnostic` (rule code, severity,
path relative to the working directory, line and column). Reporters only ever see diagnostics.
"""

# No `from __future__ import annotations` here: typing.NamedTuple checks each field's
# annotation when the class is made, and one held as text is compiled (docs/architecture.md,
# "Start-up and the per-package budget").

import enum
from typing import NamedTuple, Protocol


class Source(Protocol):
    """A file of a package that problems point into."""

    @property
    def path(self) -> str:
        """Filesystem path of the file (absolute or relative to the working directory)."""
        ...

    def locate(self, pointer: str) -> tuple[int, int]:
        """1-based ``(line, column)`` of the value at ``pointer`` (``(1, 1)`` when unknown)."""
        ...


class Severity(enum.StrEnum):
    """How bad a finding is; errors decide the exit code."""

    ERROR = "error"
    WARNING = "warning"


class TextEdit(NamedTuple):
    """Characters ``start`` to ``end`` of a file's text (as the model holds it: a JSON file's
    text without its byte-order mark, a README's with its line ends as LF) replaced by
    ``text``; ``start == end`` inserts."""

    start: int
    end: int
    text: str


class Fix(NamedTuple):
    """How a problem is fixed: edits of one file, and what they do.

    ``safe``: the edit has one right answer (``lint --fix`` applies it); else it is a guess,
    applied only with ``--unsafe-fixes``. ``source``: the file edited, when it is not the
    problem's (a metric a dashboard charts is documented in the README).
    """

    description: str
    edits: tuple[TextEdit, ...]
    safe: bool = True
    source: Source | None = None


class Problem(NamedTuple):
    """What a rule found, located relative to ``source``.

    ``pointer`` is a JSON pointer into ``source`` (``""`` for the whole document, None where
    pointers do not apply, as in the README). ``line`` and
    ``column`` override the pointer when a rule knows the exact position (README tables, syntax
    errors, placeholders inside a string). ``severity`` overrides the rule's default severity for
    this one problem (a rule whose severity depends on the configuration, such as ``--strict``);
    severities set in the configuration still win. ``fix``: how ``lint --fix`` fixes it, when
    the rule knows (the rule's ``FIX`` says what its fixes do).
    """

    source: Source
    message: str
    pointer: str | None = None
    hint: str | None = None
    line: int | None = None
    column: int | None = None
    severity: Severity | None = None
    fix: Fix | None = None


class Diagnostic(NamedTuple):
    """One located finding. Sorts by path, line, column, then code (then the other fields)."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    pointer: str | None = None
    hint: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The JSON report shape: exactly these keys."""
        return {
            "rule": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "pointer": self.pointer,
            "message": self.message,
            "hint": self.hint,
        }
