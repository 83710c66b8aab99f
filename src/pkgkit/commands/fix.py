"""``pkgkit lint --fix [--diff] [--unsafe-fixes]``: apply the fixes the rules offer, then report
what remains as ``lint`` does (same formats; exit codes of what remains, or with ``--diff`` of
the files as they are).

Each package is fixed by :func:`pkgkit.lint.engine.fix_package` in a scratch copy (a fix is kept
only when its file still loads and its finding is gone); this module writes the changed files (or,
with ``--diff``, prints them) and says how many findings were fixed and how many remain.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pkgkit.commands._linting import Arguments
    from pkgkit.lint.config import ConfigResolver
    from pkgkit.lint.engine import FixOutcome


def run_fix(args: Arguments, roots: list[str]) -> int:
    """Fix (or show the fixes of) every package under ``roots``."""
    from pkgkit.commands import UsageError  # noqa: PLC0415
    from pkgkit.commands._linting import (  # noqa: PLC0415
        emit,
        read_baseline,
        resolver_from_args,
        usage_errors,
        without_baselined,
    )
    from pkgkit.model.package import discover_packages  # noqa: PLC0415

    if args.write_baseline:
        raise UsageError("--fix and --diff do not go with --write-baseline")
    with usage_errors():
        resolver = resolver_from_args(args)
    packages = list(dict.fromkeys(pkg for root in roots for pkg in discover_packages(root)))
    run = _FixRun(args)
    for root in packages:
        run.package(root, resolver)
    if not run.report.packages:
        sys.stderr.write(f"pkgkit: no packages found under {', '.join(args.paths)}\n")
        return 2
    report = run.report
    if args.baseline:
        report = without_baselined(report, args.baseline, read_baseline(args.baseline))
    if not args.diff:
        run.remaining = len(report.diagnostics)  # what the baseline leaves
    sys.stderr.write(run.summary())
    if args.diff:  # nothing was written: the exit code of the files as they are
        return report.exit_code
    code = emit(args, report)
    return max(code, 1) if run.unwritten else code


class _FixRun:
    """The report and the counts of a ``--fix`` run, one package at a time."""

    def __init__(self, args: Arguments) -> None:
        from pkgkit.lint.report import LintReport  # noqa: PLC0415

        self.args = args
        self.report = LintReport()
        self.fixes = self.fixed = self.files = self.remaining = 0
        self.unwritten = False

    def package(self, root: str, resolver: ConfigResolver) -> None:
        """Fix one package (private ones are skipped, as lint skips them)."""
        from pkgkit.commands._linting import usage_errors  # noqa: PLC0415
        from pkgkit.lint.engine import fix_package  # noqa: PLC0415
        from pkgkit.lint.report import PackageResult  # noqa: PLC0415
        from pkgkit.model.package import load_package  # noqa: PLC0415

        package = load_package(root)
        if package.is_private:
            self.report.packages.append(PackageResult(package.name, root, [], skipped="private"))
            return
        with usage_errors():
            config = resolver.for_package(root)
        outcome = fix_package(root, config, unsafe=self.args.unsafe_fixes)
        self._show(outcome)
        self.fixes += len(outcome.applied)
        self.fixed += outcome.fixed
        self.files += len(outcome.changes)
        self.remaining += len(outcome.remaining)
        found = outcome.before if self.args.diff else outcome.remaining
        self.report.packages.append(PackageResult(package.name, root, sorted(found)))
        self.report.internal_errors.extend(outcome.crashes)

    def _show(self, outcome: FixOutcome) -> None:
        """Fixes not applied (stderr), then each changed file written or shown as a diff."""
        from pkgkit.fix.changes import Change, unified_diff, write_change  # noqa: PLC0415
        from pkgkit.util.output import display_text  # noqa: PLC0415
        from pkgkit.util.paths import display_path  # noqa: PLC0415

        for diagnostic, reason in outcome.failed:
            sys.stderr.write(
                f"{display_text(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}: "
                f"{diagnostic.code} not fixed: {display_text(reason)}\n"
            )
        for path, (before, after) in sorted(outcome.changes.items()):
            change = Change(path, before, after)
            if self.args.diff:
                sys.stdout.write(unified_diff(change))
                continue
            try:
                write_change(change)
            except (OSError, UnicodeEncodeError) as error:
                shown = display_text(display_path(path))
                why = str(getattr(error, "strerror", None) or error)
                sys.stderr.write(f"{shown}: cannot write: {why}; not fixed\n")
                self.unwritten = True

    def summary(self) -> str:
        """``N findings fixed (M fixes in K files), R remaining``."""
        diff = self.args.diff
        verb, left = ("would be fixed", "would remain") if diff else ("fixed", "remaining")
        return (
            f"pkgkit: {_count(self.fixed, 'finding')} {verb} ({_count(self.fixes, 'fix', 'fixes')}"
            f" in {_count(self.files, 'file')}), {self.remaining} {left}\n"
        )


def _count(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
