"""Run rules over packages and stamp what they find.

A rule yields :class:`~pkgkit.diagnostics.Problem` values (what and where, relative to a file);
the engine filters them through the configuration, then adds the rule code, the effective
severity, the path relative to the working directory, and the line and column resolved from the
JSON pointer. Positions are resolved only for problems that survive filtering.
"""

from __future__ import annotations

import functools
import gc
import itertools
import os
from typing import TYPE_CHECKING

from pkgkit.diagnostics import Diagnostic
from pkgkit.lint.config import Config
from pkgkit.lint.report import LintReport, PackageResult, RuleDescriptor
from pkgkit.model.package import discover_packages, load_package
from pkgkit.rules import RuleContext, all_rules, rule_doc
from pkgkit.util.output import control_character, display_text
from pkgkit.util.paths import display_path

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from pkgkit.diagnostics import Problem, TextEdit
    from pkgkit.model.package import Package
    from pkgkit.rules import RuleModule

__all__ = [
    "LintReport", "PackageResult", "check_package", "describe_rules", "display_path", "lint_paths",
]


def stamp(
    rule: RuleModule,
    problem: Problem,
    config: Config,
    package: Package,
    shown: dict[str, str] | None = None,
) -> Diagnostic | None:
    """Turn a problem into a diagnostic, or None when configuration silences it. ``shown``
    holds the path shown for each file stamped so far (the findings of a file share it)."""
    source_path = problem.source.path
    if config.per_file_ignores:
        relpath = os.path.relpath(source_path, package.root).replace(os.sep, "/")
        if config.is_ignored_in(rule.CODE, relpath):
            return None
    if problem.line is not None:
        line, column = problem.line, problem.column or 1
    else:
        line, column = problem.source.locate(problem.pointer or "")
    shown = {} if shown is None else shown
    path = shown.get(source_path)
    if path is None:
        path = shown[source_path] = display_path(source_path)
    return Diagnostic(
        path=path,
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
    found, crashes = checked_problems(package, config, rules)
    return sorted({diagnostic for diagnostic, _ in found}), crashes


def checked_problems(
    package: Package, config: Config, rules: Iterable[RuleModule] | None = None
) -> tuple[list[tuple[Diagnostic, Problem]], list[str]]:
    """Each stamped finding with the problem it was stamped from (its ``fix`` included), in
    the order rules yield them, and any rule crashes."""
    context = RuleContext(package, config)
    found: list[tuple[Diagnostic, Problem]] = []
    crashes: list[str] = []
    shown: dict[str, str] = {}
    if rules is None:
        selected = enabled_rules(config.select, config.ignore)
    else:
        selected = tuple(rule for rule in rules if config.is_enabled(rule.CODE))
    for rule in selected:
        try:
            for problem in rule.check(context):
                diagnostic = stamp(rule, problem, config, package, shown)
                if diagnostic is not None:
                    found.append((diagnostic, problem))
        except Exception as error:
            crashes.append(f"rule {rule.CODE} crashed on {display_path(package.root)}: {error!r}")
    return found, crashes


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


def describe_rules(report: LintReport) -> None:
    """Give the report every rule's descriptor (for reporters that list the rules)."""
    report.rules = tuple(
        RuleDescriptor(rule.CODE, rule.NAME, rule.SEVERITY, rule.SUMMARY, rule_doc(rule))
        for rule in all_rules()
    )


# Fixes (``lint --fix``) ----------------------------------------------------------------------


class FixOutcome:
    """What fixing one package did: each changed file's text before and after (as written on
    disk), the fixes applied and those not (with why), and the findings that remain."""

    __slots__ = ("applied", "before", "changes", "crashes", "failed", "fixed", "remaining")

    def __init__(self, remaining: list[Diagnostic], crashes: list[str]) -> None:
        #: The findings of the package as it is (before any fix).
        self.before = remaining
        self.changes: dict[str, tuple[str, str]] = {}
        self.applied: list[tuple[Diagnostic, str]] = []
        self.failed: list[tuple[Diagnostic, str]] = []
        self.remaining = remaining
        self.crashes = crashes
        #: Findings of the package before that no longer occur after.
        self.fixed = 0


def fix_package(root: str, config: Config, *, unsafe: bool = False) -> FixOutcome:
    """The package's fixable findings fixed in a scratch copy, each fix kept only when the file
    still loads and the finding is gone; nothing is written here (``changes`` says what to).

    Fixes are tried all at once, and one by one when that fails. A rule crash stops fixing.
    """
    import shutil  # noqa: PLC0415 - lint --fix only
    import tempfile  # noqa: PLC0415

    package = load_package(root)
    found, crashes = checked_problems(package, config)
    before = sorted({diagnostic for diagnostic, _ in found})
    wanted = [
        (diagnostic, problem)
        for diagnostic, problem in found
        if problem.fix is not None and (problem.fix.safe or unsafe)
    ]
    outcome = FixOutcome(before, crashes)
    if crashes or not wanted:
        return outcome
    with tempfile.TemporaryDirectory(prefix="pkgkit-fix-") as scratch:
        copy = os.path.join(scratch, "package")
        shutil.copytree(
            root, copy, symlinks=True, ignore=shutil.ignore_patterns(".git"),
            copy_function=_copy_entry,
        )
        fixer = _Fixer(package, root, copy, config)
        if not fixer.try_all(wanted, outcome):
            for diagnostic, problem in wanted:
                fixer.try_one(diagnostic, problem, outcome)
        after, crashes = check_package(load_package(copy), config)
        outcome.crashes.extend(crashes)
        outcome.remaining = [fixer.back(diagnostic) for diagnostic in after]
        left = {_identity(root, d) for d in outcome.remaining}
        outcome.fixed = sum(_identity(root, d) not in left for d in before)
        outcome.changes = fixer.changes()
    return outcome


def _copy_entry(source: str, target: str) -> None:
    """One entry of the scratch copy: a regular file with its metadata; anything else that is
    no folder or link (a pipe, socket or device, which pkgkit never opens) as a named pipe,
    reported in the copy as the original is ("not a regular file")."""
    import shutil  # noqa: PLC0415
    import stat  # noqa: PLC0415

    if stat.S_ISREG(os.lstat(source).st_mode):
        shutil.copy2(source, target)
    else:
        os.mkfifo(target)


def _identity(root: str, diagnostic: Diagnostic) -> tuple[str, str, str | None, str | None]:
    """What names one finding across edits of its file: code, file, pointer (a README finding's
    message instead: lines move)."""
    relpath = os.path.relpath(os.path.abspath(diagnostic.path), os.path.abspath(root))
    message = diagnostic.message if diagnostic.pointer is None else None
    return diagnostic.code, relpath, diagnostic.pointer, message


class _Fixer:
    """The scratch copy of a package and the edits accepted so far, per file."""

    def __init__(self, package: Package, root: str, copy: str, config: Config) -> None:
        self.package = package
        self.root = root
        self.copy = copy
        self.config = config
        self.accepted: dict[str, list[TextEdit]] = {}
        #: Identities of the findings left with the accepted edits (None: not linted yet).
        self.left: set[tuple[str, str, str | None, str | None]] | None = None
        #: relpath -> (the text edits are relative to, the file's text on disk, its line end)
        self.texts: dict[str, tuple[str, str, str]] = {}

    def try_all(self, wanted: list[tuple[Diagnostic, Problem]], outcome: FixOutcome) -> bool:
        """Every fix at once; True (and all applied) when each file loads and each finding is
        gone. Fixes whose edits overlap are not tried together."""
        edits: dict[str, list[TextEdit]] = {}
        for _, problem in wanted:
            relpath = self._relpath(problem)
            if relpath is None:
                return False
            edits.setdefault(relpath, []).extend(problem.fix.edits if problem.fix else ())
        edits = {relpath: list(dict.fromkeys(found)) for relpath, found in edits.items()}
        if any(_overlapping(file_edits) for file_edits in edits.values()):
            return False
        if self._check(edits, [diagnostic for diagnostic, _ in wanted]) is not None:
            self._write(self.accepted)
            return False
        self.accepted = edits
        for diagnostic, problem in wanted:
            outcome.applied.append((diagnostic, problem.fix.description if problem.fix else ""))
        return True

    def try_one(self, diagnostic: Diagnostic, problem: Problem, outcome: FixOutcome) -> None:
        """One fix on top of those accepted; kept, or reported with why not."""
        fix = problem.fix
        relpath = self._relpath(problem)
        if fix is None or relpath is None:
            outcome.failed.append((diagnostic, "the file cannot be edited"))
            return
        if self.left is not None and _identity(self.root, diagnostic) not in self.left:
            return  # another fix removed it
        combined = [*self.accepted.get(relpath, []), *fix.edits]
        edits = {**self.accepted, relpath: list(dict.fromkeys(combined))}
        if _overlapping(edits[relpath]):
            outcome.failed.append((diagnostic, "its edit overlaps another fix's; run --fix again"))
            return
        reason = self._check(edits, [diagnostic])
        if reason is not None:
            self._write(self.accepted)
            outcome.failed.append((diagnostic, reason))
            return
        self.accepted = edits
        outcome.applied.append((diagnostic, fix.description))

    def _relpath(self, problem: Problem) -> str | None:
        """The package path of the file the fix edits, its texts noted; None when not
        editable."""
        source = problem.fix.source if problem.fix and problem.fix.source else problem.source
        relpath = os.path.relpath(source.path, self.root).replace(os.sep, "/")
        if relpath not in self.texts:
            texts = self._texts(relpath)
            if texts is None:
                return None
            self.texts[relpath] = texts
        return relpath

    def _texts(self, relpath: str) -> tuple[str, str, str] | None:
        """(model text, text on disk, line end) of a loaded file. A README's line ends are LF
        in the model: one whose lines all end in CR LF is written back so; one with CR or
        mixed line ends is not edited."""
        package = self.package
        if package.readme is not None and relpath == "README.md":
            text = package.readme.text
            with open(package.readme.path, encoding="utf-8", newline="") as stream:
                on_disk = stream.read()
            for newline in ("\n", "\r\n"):
                if on_disk == text.replace("\n", newline):
                    return text, on_disk, newline
            return None
        files = [package.manifest, *package.content]
        file = next((f for f in files if f is not None and f.relpath == relpath), None)
        if file is None or file.text is None:
            return None
        return file.text, ("\ufeff" if file.has_bom else "") + file.text, "\n"

    def _on_disk(self, relpath: str, edits: list[TextEdit]) -> str:
        text, on_disk, newline = self.texts[relpath]
        if newline != "\n":
            return apply_edits(text, edits).replace("\n", newline)
        prefix = on_disk[: len(on_disk) - len(text)]  # a byte-order mark
        return prefix + apply_edits(text, edits)

    def _write(self, edits: dict[str, list[TextEdit]]) -> None:
        """The scratch copy with ``edits`` made (files without edits as they were)."""
        for relpath in self.texts:
            text = self._on_disk(relpath, edits.get(relpath, []))
            path = os.path.join(self.copy, relpath)
            with open(path, "w", encoding="utf-8", newline="") as out:
                out.write(text)

    def _check(self, edits: dict[str, list[TextEdit]], targets: list[Diagnostic]) -> str | None:
        """Why the copy with ``edits`` is not acceptable, or None: a file no longer loads, or a
        target finding is still reported, or the edited text cannot be written."""
        for relpath, found in edits.items():
            character = next(filter(None, (control_character(e.text) for e in found)), None)
            if character is not None:  # from a name or title (a README must never hold one)
                shown = display_text(character)
                return f"the fix would write a control character ({shown}) into {relpath}"
        try:
            self._write(edits)
        except UnicodeEncodeError:  # the edit carries a lone surrogate from a JSON escape
            return "the fix would write a lone surrogate (a JSON escape), which UTF-8 cannot encode"
        after = load_package(self.copy)
        broken = [
            f.relpath
            for f in [after.manifest, *after.content]
            if f is not None and f.relpath in edits and f.error is not None
        ]
        if broken:
            return f"{broken[0]} would not load afterwards"
        diagnostics, _ = check_package(after, self.config)
        left = {_identity(self.copy, d) for d in diagnostics}
        if any(_identity(self.root, target) in left for target in targets):
            return "the finding remains after the fix"
        self.left = left
        return None

    def back(self, diagnostic: Diagnostic) -> Diagnostic:
        """A finding of the copy, located in the package."""
        relpath = os.path.relpath(os.path.abspath(diagnostic.path), self.copy)
        return diagnostic._replace(path=display_path(os.path.join(self.root, relpath)))

    def changes(self) -> dict[str, tuple[str, str]]:
        """Path -> (text on disk, fixed text) of each file with accepted edits."""
        changed = {}
        for relpath, edits in self.accepted.items():
            before = self.texts[relpath][1]
            after = self._on_disk(relpath, edits)
            if after != before:
                changed[os.path.join(self.root, relpath)] = (before, after)
        return changed


def _overlapping(edits: list[TextEdit]) -> bool:
    """True when two edits touch the same characters (or insert at the same place)."""
    ordered = sorted(edits, key=lambda edit: (edit.start, edit.end))
    return any(
        later.start < earlier.end or later.start == earlier.start
        for earlier, later in itertools.pairwise(ordered)
    )


def apply_edits(text: str, edits: Iterable[TextEdit]) -> str:
    """``text`` with non-overlapping ``edits`` made (offsets into ``text``)."""
    for edit in sorted(edits, key=lambda edit: (edit.start, edit.end), reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text
