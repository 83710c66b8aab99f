"""What a lint run found: per-package results and the report reporters format.

Kept apart from :mod:`pkgkit.lint.engine` (which imports the model and the rules) so that a report
can be rebuilt from cached plain data without loading them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from typing import Any


class PackageResult:
    """The findings of one package (``lint --jobs`` workers pickle it to the reporting process)."""

    __slots__ = ("diagnostics", "name", "root", "skipped")

    def __init__(
        self, name: str, root: str, diagnostics: list[Diagnostic], skipped: str | None = None
    ) -> None:
        self.name = name
        self.root = root
        self.diagnostics = diagnostics
        self.skipped = skipped


class RuleDescriptor:
    """One rule as plain report data, for reporters that describe every rule (SARIF)."""

    __slots__ = ("code", "doc", "name", "severity", "summary")

    def __init__(
        self, code: str, name: str, severity: Severity, summary: str, doc: str
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
        self.doc = doc


class LintReport:
    """Everything a reporter needs, and the exit code it implies.

    ``rules`` is empty unless the chosen format describes the rules (see
    :func:`pkgkit.lint.engine.describe_rules`): building it imports every rule.
    """

    __slots__ = ("internal_errors", "packages", "rules")

    def __init__(
        self,
        packages: list[PackageResult] | None = None,
        internal_errors: list[str] | None = None,
        rules: tuple[RuleDescriptor, ...] = (),
    ) -> None:
        self.packages = [] if packages is None else packages
        self.internal_errors = [] if internal_errors is None else internal_errors
        self.rules = rules

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """All findings, in package order."""
        return [d for result in self.packages for d in result.diagnostics]

    def count(self, severity: Severity) -> int:
        """Number of findings of one severity."""
        return sum(d.severity is severity for d in self.diagnostics)

    @property
    def exit_code(self) -> int:
        """0 clean (warnings allowed), 1 errors, 2 internal error."""
        if self.internal_errors:
            return 2
        return 1 if self.count(Severity.ERROR) else 0


def result_as_data(result: PackageResult) -> dict[str, Any]:
    """A package result as JSON-ready plain data (:func:`result_from_data` reverses it)."""
    return {
        "name": result.name,
        "root": result.root,
        "skipped": result.skipped,
        "diagnostics": [d.as_dict() for d in result.diagnostics],
    }


def result_from_data(data: dict[str, Any]) -> PackageResult:
    """The package result :func:`result_as_data` wrote."""
    return PackageResult(
        name=data["name"],
        root=data["root"],
        diagnostics=[_diagnostic(item) for item in data["diagnostics"]],
        skipped=data["skipped"],
    )


def _diagnostic(item: dict[str, Any]) -> Diagnostic:
    return Diagnostic(
        path=item["path"],
        line=item["line"],
        column=item["column"],
        code=item["rule"],
        severity=Severity(item["severity"]),
        message=item["message"],
        pointer=item["pointer"],
        hint=item["hint"],
    )
