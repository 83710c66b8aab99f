"""``pkgkit lint PATH ...``: check packages and report findings."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from pkgkit.config import Config


def add_parser(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private action type
    """Register ``lint``."""
    parser = subparsers.add_parser(
        "lint",
        help="check packages (a package folder or any folder above packages)",
        description="Check Instana integration packages and report located findings.",
    )
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    add_lint_options(parser)
    parser.set_defaults(run=run)


def add_lint_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that lints (lint, test, ci)."""
    from pkgkit.reporters import REPORTERS  # noqa: PLC0415

    parser.add_argument(
        "--format", choices=sorted(REPORTERS), default="text", help="report format (default: text)"
    )
    parser.add_argument("--strict", action="store_true", help="make strictness warnings errors")
    parser.add_argument(
        "--select", action="append", default=[], metavar="CODES",
        help="only these rule codes or prefixes (comma-separated; repeatable)",
    )
    parser.add_argument(
        "--ignore", action="append", default=[], metavar="CODES",
        help="skip these rule codes or prefixes (comma-separated; repeatable)",
    )


def split_codes(values: list[str]) -> tuple[str, ...]:
    """``["A,B", "C"]`` -> ``("A", "B", "C")``."""
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def config_from_args(args: argparse.Namespace) -> Config:
    """The run's configuration from command-line options."""
    return Config(
        select=split_codes(args.select), ignore=split_codes(args.ignore), strict=args.strict
    )


def check_paths_exist(paths: list[str]) -> None:
    """Refuse a path that does not exist (exit 2); files are mapped to their package later."""
    from pkgkit.cli import UsageError  # noqa: PLC0415

    for path in paths:
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such file or directory")


def run(args: argparse.Namespace) -> int:
    """Lint, report, and return the exit code."""
    from pkgkit.engine import lint_paths  # noqa: PLC0415
    from pkgkit.model.package import packages_for_paths  # noqa: PLC0415
    from pkgkit.reporters import get_reporter  # noqa: PLC0415

    check_paths_exist(args.paths)
    roots = packages_for_paths(args.paths)
    if not roots:
        sys.stderr.write("pkgkit: none of the given files is inside a package\n")
        return 0
    report = lint_paths(roots, config_from_args(args))
    if not report.packages:
        sys.stderr.write(f"pkgkit: no packages found under {', '.join(args.paths)}\n")
        return 2
    get_reporter(args.format).render(report, sys.stdout)
    for message in report.internal_errors:
        sys.stderr.write(f"pkgkit: internal error: {message}\n")
    return report.exit_code
