"""``pkgkit ci [--base REF] [ROOT]``: lint (and test) the packages changed since a base revision.

A package changed when any of its files differs between the merge-base of REF and HEAD and the
working tree (committed, staged, unstaged or untracked). Each changed package is linted; a package
that existed at the base must also raise its package.json ``version`` (finding CI001). Deleted
packages are skipped. ``pkgkit test`` runs on the changed packages when it is installed.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pkgkit.commands.fmt import add_final_newline_option
from pkgkit.commands.lint import add_lint_options

if TYPE_CHECKING:
    import argparse

    from pkgkit.diagnostics import Diagnostic
    from pkgkit.lint.config import Config
    from pkgkit.util.gitdiff import Base


def add_parser(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private action type
    """Register ``ci``."""
    from argparse import SUPPRESS  # noqa: PLC0415 - argparse is imported when parsers are built

    parser = subparsers.add_parser(
        "ci",
        help="lint and test the packages changed since a base revision",
        description=(
            "Lint (and test) the packages under ROOT whose files changed since the merge-base "
            "of REF and HEAD, and require each changed package to raise its version (CI001)."
        ),
    )
    parser.add_argument("root", nargs="?", default=".", metavar="ROOT")
    parser.add_argument(
        "--base", metavar="REF",
        help="compare with the merge-base of REF and HEAD (default: origin/HEAD, origin/main "
        "or origin/master, the first that exists, else an error; --base HEAD checks uncommitted "
        "changes only)",
    )
    parser.add_argument("--no-test", action="store_true", help="lint only; skip pkgkit test")
    parser.add_argument(
        "--check-format", action="store_true",
        help="also fail when a JSON file of a changed package is not as `pkgkit fmt` writes it "
        "(listed on stderr)",
    )  # fmt: skip
    add_final_newline_option(parser, given_with="--check-format")
    parser.add_argument(
        "--check-docs", action="store_true",
        help="also fail when the README of a changed package is not as `pkgkit docs` writes it "
        "(listed on stderr)",
    )  # fmt: skip
    add_lint_options(parser, write_baseline=False)
    parser.add_argument(  # not listed: accepted only to say where it belongs
        "--write-baseline", metavar="FILE", help=SUPPRESS
    )
    parser.set_defaults(run=run)


@dataclass
class ChangedPackages:
    """Package folders touched by the change, as display paths."""

    changed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def run(args: argparse.Namespace) -> int:
    """Find changed packages, lint them, check their versions, test them; report and exit."""
    from pkgkit.commands import UsageError  # noqa: PLC0415
    from pkgkit.util.gitdiff import GitError, changed_files, find_base, toplevel  # noqa: PLC0415

    if not Path(args.root).is_dir():
        raise UsageError(f"{args.root}: not a folder")
    if args.final_newline is not None and not args.check_format:
        raise UsageError("--final-newline says how --check-format checks; give both or neither")
    if args.write_baseline:
        raise UsageError(
            "--write-baseline records a whole repository: run it with `pkgkit lint`,"
            " then give the file to `pkgkit ci --baseline`"
        )
    try:
        top = toplevel(args.root)
        base = find_base(top, args.base)
        packages = changed_packages(top, args.root, changed_files(top, base))
    except GitError as error:
        raise UsageError(f"git: {error}") from error
    describe(base, packages)
    code = lint_changed(args, top, base, packages.changed)
    if packages.changed and args.check_format:
        code = max(code, check_format(packages.changed, args.final_newline or "auto"))
    if packages.changed and args.check_docs:
        code = max(code, check_docs(args, packages.changed))
    if packages.changed and not args.no_test:
        code = max(code, run_tests(packages.changed))
    return code


def changed_packages(top: str, root: str, files: list[str]) -> ChangedPackages:
    """The packages under ``root`` holding any of ``files`` (paths relative to ``top``)."""
    from pkgkit.model.package import package_of_file  # noqa: PLC0415
    from pkgkit.util.paths import display_path  # noqa: PLC0415

    scope = os.path.abspath(root)  # noqa: PTH100 - compare spelled paths, as git reports them
    found = ChangedPackages()
    for relpath in files:
        path = os.path.join(top, relpath)  # noqa: PTH118
        if os.path.commonpath([scope, path]) != scope:
            continue
        package = package_of_file(path)
        if package is None:
            continue
        bucket = found.changed if Path(package).is_dir() else found.deleted
        shown = display_path(package)
        if shown not in bucket:
            bucket.append(shown)
    return found


def describe(base: Base, packages: ChangedPackages) -> None:
    """Say on stderr what is compared and which packages are checked."""
    from pkgkit.util.output import display_text  # noqa: PLC0415

    lines = [f"pkgkit ci: base {display_text(base.name)} ({base.commit[:12]})"]
    lines.extend(f"  changed: {display_text(path)}" for path in packages.changed)
    lines.extend(f"  deleted (skipped): {display_text(path)}" for path in packages.deleted)
    if not packages.changed:
        lines.append("  no package changed")
    sys.stderr.write("\n".join(lines) + "\n")


def lint_changed(args: argparse.Namespace, top: str, base: Base, roots: list[str]) -> int:
    """Lint ``roots`` as ``pkgkit lint`` does, add the version findings, report; exit code."""
    from pkgkit.commands._linting import emit, resolver_from_args, usage_errors  # noqa: PLC0415
    from pkgkit.commands.lint import lint_report  # noqa: PLC0415

    with usage_errors():
        resolver = resolver_from_args(args)
    report = lint_report(args, roots, resolver)
    for result in report.packages:
        if result.skipped is None:
            config = resolver.for_package(result.root)
            found = version_findings(top, base, result.root, config)
            if not args.no_test:
                found += event_test_findings(result.root, config)
            result.diagnostics = sorted(result.diagnostics + found)
    return emit(args, report)


def event_test_findings(root: str, config: Config) -> list[Diagnostic]:
    """CI002 for every failing expectation and format error of the package's event rule tests
    (``tests/*.yaml``), located in the YAML: the report shows them in every format."""
    from pkgkit.diagnostics import Diagnostic  # noqa: PLC0415
    from pkgkit.model.package import load_package  # noqa: PLC0415
    from pkgkit.rules.ci002_event_test_failed import CODE, SEVERITY  # noqa: PLC0415
    from pkgkit.testing.event_tests import file_problems  # noqa: PLC0415
    from pkgkit.util.paths import display_path  # noqa: PLC0415

    tests = sorted(Path(root, "tests").glob("*.y*ml"))
    if not config.is_enabled(CODE) or not tests:
        return []
    package = load_package(root)
    found: list[Diagnostic] = []
    for path in tests:
        relpath = path.relative_to(root).as_posix()
        if config.is_ignored_in(CODE, relpath):
            continue
        found.extend(
            Diagnostic(
                path=display_path(str(path)), line=problem.line, column=problem.column,
                code=CODE, severity=config.severity_of(CODE, SEVERITY), message=str(problem),
            )
            for problem in file_problems(str(path), package)
        )
    return found


def version_findings(top: str, base: Base, root: str, config: Config) -> list[Diagnostic]:
    """CI001 when the package existed at ``base`` and its version is not above the base's."""
    from pkgkit.diagnostics import Diagnostic  # noqa: PLC0415
    from pkgkit.model.jsonfile import JsonFile  # noqa: PLC0415
    from pkgkit.rules.ci001_version_not_bumped import CODE, SEVERITY  # noqa: PLC0415
    from pkgkit.util.gitdiff import show  # noqa: PLC0415
    from pkgkit.util.paths import display_path  # noqa: PLC0415
    from pkgkit.util.semver import is_newer  # noqa: PLC0415

    if not config.is_enabled(CODE) or config.is_ignored_in(CODE, "package.json"):
        return []
    path = os.path.join(root, "package.json")  # noqa: PTH118
    relpath = os.path.relpath(os.path.abspath(path), top).replace(os.sep, "/")  # noqa: PTH100
    old = _version(show(top, base, relpath))
    manifest = JsonFile(path, "package.json", "package")
    new = manifest.data.get("version") if manifest.ok and isinstance(manifest.data, dict) else None
    if old is None or not isinstance(new, str) or is_newer(new, old) is not False:
        return []
    line, column = manifest.locate("/version")
    return [Diagnostic(
        path=display_path(path), line=line, column=column, code=CODE,
        severity=config.severity_of(CODE, SEVERITY),
        message=f"the package changed since {base.name} but its version {new} is not above {old}",
        pointer="/version",
        hint=f"raise 'version' above {old} (patch for fixes, minor for additions)",
    )]


def _version(manifest_text: str | None) -> str | None:
    """The ``version`` of a package.json text, or None."""
    from pkgkit.model.jsonfile import javascript_int  # noqa: PLC0415

    try:
        data = json.loads(manifest_text, parse_int=javascript_int) if manifest_text else None
    except (ValueError, RecursionError):  # not JSON, nested too deep
        return None
    version = data.get("version") if isinstance(data, dict) else None
    return version if isinstance(version, str) else None


def check_format(roots: list[str], final_newline: str) -> int:
    """``pkgkit fmt --check`` on the package JSON files of ``roots``, written to stderr (the
    report on stdout stays parseable); 1 when a file is not formatted or cannot be."""
    from pkgkit.commands.fmt import format_targets  # noqa: PLC0415
    from pkgkit.fix.changes import Tally  # noqa: PLC0415
    from pkgkit.fix.formatting import FinalNewline, package_json_files  # noqa: PLC0415

    targets = [target for root in roots for target in package_json_files(root)]
    tally = Tally("reformat", check=True, diff=False)
    format_targets(targets, FinalNewline(final_newline), tally, sys.stderr, sys.stderr)
    sys.stderr.write(f"pkgkit ci: {tally.summary()} (pkgkit fmt writes them).\n")
    return tally.exit_code


def check_docs(args: argparse.Namespace, roots: list[str]) -> int:
    """``pkgkit docs --check`` on the READMEs of ``roots``, written to stderr; 1 when one is not
    as pkgkit docs writes it."""
    from pkgkit.commands._linting import resolver_from_args, usage_errors  # noqa: PLC0415
    from pkgkit.commands.docs import update_package  # noqa: PLC0415
    from pkgkit.fix.changes import Tally  # noqa: PLC0415

    with usage_errors():
        resolver = resolver_from_args(args)
    tally = Tally("update", check=True, diff=False)
    for root in roots:
        with usage_errors():
            config = resolver.for_package(root)
        update_package(root, config, tally, sys.stderr)
    sys.stderr.write(f"pkgkit ci: {tally.summary()} (pkgkit docs writes them).\n")
    return tally.exit_code


def run_tests(roots: list[str]) -> int:
    """Run ``pkgkit test`` on ``roots`` when this installation has it; its exit code."""
    import subprocess  # noqa: PLC0415 - not on the start-up path of every command
    from importlib.util import find_spec  # noqa: PLC0415

    if find_spec("pkgkit.commands.test") is None:
        sys.stderr.write("pkgkit ci: pkgkit test is not installed; packages were linted only\n")
        return 0
    done = subprocess.run(
        [sys.executable, "-m", "pkgkit", "test", *roots],
        capture_output=True, text=True, errors="replace", check=False,
    )
    sys.stderr.write(done.stdout + done.stderr)
    return done.returncode
