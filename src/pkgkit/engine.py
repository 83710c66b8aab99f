"""Run rules over packages and stamp what they find.

A rule yields :class:`~pkgkit.diagnostics.Problem` values (what and where, relative to a file);
the engine filters them through the configuration, then adds the rule code, the effective
severity, the path relative to the working directory, and the line and column resolved from the
JSON pointer. Positions are resolved only for problems that survive filtering.
"""

from __future__ import annotations

import functools
import gc
import os

from pkgkit.config import Config
from pkgkit.diagnostics import Diagnostic
from pkgkit.model.package import discover_packages, load_package
from pkgkit.paths import display_path
from pkgkit.report import LintReport, PackageResult, RuleDescriptor
from pkgkit.rules import RuleContext, all_rules, rule_doc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.model.package import Package
    from pkgkit.rules import RuleModule

__all__ = [
    "LintReport", "PackageResult", "check_package", "describe_rules", "display_path", "lint_paths",
]


def stamp(
    rule: RuleModule, problem: Problem, config: Config, package: Package
) -> Diagnostic | None:
    """Turn a problem into a diagnostic, or None when configuration silences it."""
    source_path = problem.source.path
    if config.per_file_ignores:
        relpath = os.path.relpath(source_path, package.root).replace(os.sep, "/")
        if config.is_ignored_in(rule.CODE, relpath):
            return None
    if problem.line is not None:
        line, column = problem.line, problem.column or 1
    else:
        line, column = problem.source.locate(problem.pointer or "")
    return Diagnostic(
        path=display_path(source_path),
        line=line,
        column=column,
        code=rule.CODE,
        severity=config.severity_of(rule.CODE, problem.severity or rule.SEVERITY),
        message=problem.message,
        pointer=problem.pointer,
        hint=problem.hint,
    )


def check_package(
    package: Package, config: Config, rules: Iterable[RuleModule] | None = None
) -> tuple[list[Diagnostic], list[str]]:
    """Findings of one loaded package, sorted, and any rule crashes (as messages)."""
    context = RuleContext(package, config)
    diagnostics: list[Diagnostic] = []
    crashes: list[str] = []
    if rules is None:
        selected = enabled_rules(config.select, config.ignore)
    else:
        selected = tuple(rule for rule in rules if config.is_enabled(rule.CODE))
    for rule in selected:
        try:
            for problem in rule.check(context):
                diagnostic = stamp(rule, problem, config, package)
                if diagnostic is not None:
                    diagnostics.append(diagnostic)
        except Exception as error:
            crashes.append(f"rule {rule.CODE} crashed on {display_path(package.root)}: {error!r}")
    return sorted(set(diagnostics)), crashes


@functools.cache
def enabled_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[RuleModule, ...]:
    """The rules a configuration with this ``select`` and ``ignore`` runs (once per selection)."""
    probe = Config(select=select, ignore=ignore)
    return tuple(rule for rule in all_rules() if probe.is_enabled(rule.CODE))


def lint_roots(roots: Iterable[str], config: Config) -> Iterator[tuple[PackageResult, list[str]]]:
    """Load and check each package folder, one at a time (memory does not grow with count)."""
    for root in roots:
        yield lint_root(root, config)


def lint_root(root: str, config: Config) -> tuple[PackageResult, list[str]]:
    """Load and check one package folder, the cyclic garbage collector paused meanwhile.

    A package's model is thousands of containers that live until its result is made: collections
    while it is built and checked would walk them again and again (and move them to older
    generations, walked again later). Once the model is dropped, freed by reference counting but
    for a few cycles, the next collection finds little.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        package = load_package(root)
        if package.is_private:
            return PackageResult(package.name, root, [], skipped="private"), []
        diagnostics, crashes = check_package(package, config)
        return PackageResult(package.name, root, diagnostics), crashes
    finally:
        if collecting:
            gc.enable()


def lint_paths(paths: Iterable[str], config: Config) -> LintReport:
    """Lint every package at or under each path."""
    report = LintReport()
    for path in paths:
        for result, crashes in lint_roots(discover_packages(path), config):
            report.packages.append(result)
            report.internal_errors.extend(crashes)
    return report


def describe_rules(report: LintReport, output_format: str) -> None:
    """Give the report every rule's descriptor when ``output_format`` lists the rules."""
    from pkgkit.reporters import RULE_FORMATS  # noqa: PLC0415

    if output_format in RULE_FORMATS:
        report.rules = tuple(
            RuleDescriptor(rule.CODE, rule.NAME, rule.SEVERITY, rule.SUMMARY, rule_doc(rule))
            for rule in all_rules()
        )
