"""``pkgkit docs [PATH ...] [--check] [--diff]``: write the README's tables and import command
from the package's content (:mod:`pkgkit.fix.docs`).

The README is changed only when neither ``--check`` nor ``--diff`` is given. What lint would
still report afterwards for the codes docs resolves is said on stderr.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from pkgkit.commands.fmt import add_change_options

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from pkgkit.fix.changes import Tally
    from pkgkit.lint.config import Config


def add_parser(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private action type
    """Register ``docs``."""
    parser = subparsers.add_parser(
        "docs",
        help="write the README's tables and --set lines from the package's content",
        description=(
            "Rewrite the README's Dashboards, Events, Entities, metrics and Resource Attributes "
            "tables and the --set arguments of its import command from the package's content. "
            "Every other line keeps its bytes; kept rows keep their wording."
        ),
    )
    parser.add_argument(
        "paths", nargs="*", default=["."], metavar="PATH",
        help="packages, folders above packages, or files inside packages (default: .)",
    )  # fmt: skip
    add_change_options(parser, "up to date")
    parser.add_argument(
        "--config", metavar="FILE",
        help="use this configuration file (.pkgkit.yaml or pyproject.toml) for every package",
    )  # fmt: skip
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Update, or check, the README of every package of the paths."""
    from pkgkit.commands._linting import resolver_from_args, usage_errors  # noqa: PLC0415
    from pkgkit.commands.fmt import nothing_found  # noqa: PLC0415
    from pkgkit.commands.lint import check_paths_exist  # noqa: PLC0415
    from pkgkit.fix.changes import Tally  # noqa: PLC0415
    from pkgkit.model.package import discover_packages, packages_for_paths  # noqa: PLC0415

    check_paths_exist(args.paths)
    with usage_errors():
        resolver = resolver_from_args(args)
    folders = packages_for_paths(args.paths)
    roots = list(dict.fromkeys(root for folder in folders for root in discover_packages(folder)))
    if not roots:
        return nothing_found(args.paths)
    tally = Tally("update", check=args.check, diff=args.diff)
    for root in roots:
        with usage_errors():
            config = resolver.for_package(root)
        update_package(root, config, tally)
    sys.stderr.write(f"{tally.summary()}.\n")
    return tally.exit_code


def update_package(root: str, config: Config, tally: Tally, out: TextIO | None = None) -> None:
    """Show or write one package's README update, and what lint still reports on the README as
    it is then (written or unchanged)."""
    from pkgkit.fix.docs import update_readme  # noqa: PLC0415
    from pkgkit.model.package import MAX_README_BYTES, load_package  # noqa: PLC0415
    from pkgkit.model.readme import ReadmeTooDeep  # noqa: PLC0415
    from pkgkit.util.files import read_regular_file  # noqa: PLC0415
    from pkgkit.util.output import display_text  # noqa: PLC0415
    from pkgkit.util.paths import display_path  # noqa: PLC0415

    package = load_package(root)
    readme = package.readme
    if readme is None:
        shown = display_text(display_path(root))
        sys.stderr.write(f"pkgkit: {shown}: no README.md that can be read; skipped\n")
        return
    shown = display_text(display_path(readme.path))
    try:
        raw = read_regular_file(readme.path, MAX_README_BYTES).decode("utf-8")
    except OSError as error:
        sys.stderr.write(f"pkgkit: {shown}: cannot read: {error.strerror}\n")
        tally.refused()
        return
    except UnicodeDecodeError as error:
        sys.stderr.write(f"pkgkit: {shown}: cannot read: {error}\n")
        tally.refused()
        return
    try:
        result = update_readme(package, config, raw)
    except UnicodeEncodeError:  # a name or title holds a lone surrogate (a JSON escape)
        sys.stderr.write(f"pkgkit: {shown}: not updated: the package's text holds a lone"
                         " surrogate (a JSON escape such as \\ud800), which UTF-8 cannot encode\n")
        tally.refused()
        return
    except ReadmeTooDeep as error:  # a title of 100,000 '[': the new README could not be read
        sys.stderr.write(f"pkgkit: {shown}: not updated: the README it would write: {error}\n")
        tally.refused()
        return
    for note in result.notes:
        sys.stderr.write(f"pkgkit: {shown}: {display_text(note)}\n")
    tally.apply(result.change, out or sys.stdout, sys.stderr)
    if result.change.changed and not tally.writes:
        return
    for diagnostic in result.remaining:
        sys.stderr.write(
            f"{display_text(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}: "
            f"{diagnostic.code} {display_text(diagnostic.message)} (left for you)\n"
        )
