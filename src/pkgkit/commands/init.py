"""``pkgkit init NAME [--dir DIR]``: create a package that lints clean, with the pre-commit hook."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse


def add_parser(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private action type
    """Register ``init``."""
    parser = subparsers.add_parser(
        "init",
        help="create a new package (README, package.json, one dashboard, one event)",
        description=(
            "Create DIR/NAME, a package @instana-integration/NAME that lints clean, and add the "
            "pkgkit-lint hook to the pre-commit configuration (in DIR, or at the root of the git "
            "repository; created when missing). An existing package is never overwritten."
        ),
    )
    parser.add_argument("name", metavar="NAME", help="package name, with or without its scope")
    parser.add_argument(
        "--dir", default=".", metavar="DIR", help="folder to create the package in (default: .)"
    )
    parser.add_argument(
        "--author", metavar="AUTHOR", help="package.json author (default: git config user.name)"
    )
    parser.add_argument(
        "--no-hook", action="store_true", help="leave the pre-commit configuration alone"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Create the package, then the hook; exit 2 (nothing written) when either cannot be done."""
    from pkgkit.commands import UsageError  # noqa: PLC0415
    from pkgkit.scaffold import (  # noqa: PLC0415
        HookPlan,
        ScaffoldError,
        config_path_for,
        create_package,
        default_author,
        package_name,
    )

    directory = Path(args.dir)
    try:
        name = package_name(args.name)
        plan = None if args.no_hook else HookPlan(config_path_for(directory))
        created = create_package(directory / name, name, args.author or default_author())
    except ScaffoldError as error:
        raise UsageError(str(error)) from error
    target = directory / name
    for relpath in created:
        sys.stdout.write(f"created {target / relpath}\n")
    if plan is not None:
        try:
            done = plan.write()
        except ScaffoldError as error:
            raise UsageError(f"{error}; the package was created, add the hook by hand") from error
        sys.stdout.write(f"{done} {plan.path} (hook pkgkit-lint)\n")
    sys.stdout.write(f"next: edit the package, then run `pkgkit lint {target}`\n")
    return 0
