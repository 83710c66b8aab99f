"""``pkgkit fmt [PATH ...] [--check] [--diff] [--final-newline WHEN]``: write each package JSON
file as Instana's export writes it (``JSON.stringify(value, null, 2)``).

Files are changed only when neither ``--check`` nor ``--diff`` is given; a file that cannot be
written without losing something is refused with located reasons (exit 1).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from pkgkit.fix.changes import Tally
    from pkgkit.fix.formatting import FinalNewline, Target


def add_parser(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private action type
    """Register ``fmt``."""
    parser = subparsers.add_parser(
        "fmt",
        help="format package JSON files exactly as Instana's export writes them",
        description=(
            "Rewrite package.json and the JSON files of the content folders as "
            "JSON.stringify(value, null, 2) writes them (what Instana's export writes). Values "
            "never change: a file that cannot be rewritten without loss is refused."
        ),
    )
    parser.add_argument(
        "paths", nargs="*", default=["."], metavar="PATH",
        help="packages, folders above packages, or package JSON files (default: .)",
    )  # fmt: skip
    add_change_options(parser, "formatted")
    add_final_newline_option(parser)
    parser.set_defaults(run=run)


def add_final_newline_option(parser: Any, *, given_with: str = "") -> None:  # noqa: ANN401
    """``--final-newline``, for ``fmt`` and, ``given_with`` ``--check-format``, ``ci`` (where
    it defaults to None: given without that option, it would do nothing)."""
    from pkgkit.fix.formatting import FinalNewline  # noqa: PLC0415

    parser.add_argument(
        "--final-newline", choices=[choice.value for choice in FinalNewline],
        default=None if given_with else FinalNewline.AUTO.value, metavar="WHEN",
        help=f"{f'with {given_with}: ' if given_with else ''}"
        "end files with a newline: auto (default: content files as Instana's export "
        "writes them, without; package.json as npm writes it, with one), never, always, or "
        "keep (as each file has it)",
    )  # fmt: skip


def add_change_options(parser: Any, done: str) -> None:  # noqa: ANN401 - argparse's
    """``--check`` and ``--diff``, shared by the commands that rewrite files."""
    parser.add_argument(
        "--check", action="store_true",
        help=f"write nothing; list the files that are not {done} and exit 1 if any",
    )  # fmt: skip
    parser.add_argument(
        "--diff", action="store_true",
        help="write nothing; print what would change as a unified diff (exit 1 if anything)",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """Format, or check, every package JSON file of the paths."""
    from pkgkit.commands.lint import check_paths_exist  # noqa: PLC0415
    from pkgkit.fix.changes import Tally  # noqa: PLC0415
    from pkgkit.fix.formatting import FinalNewline, targets_for_paths  # noqa: PLC0415
    from pkgkit.util.output import display_text  # noqa: PLC0415

    check_paths_exist(args.paths)
    targets, skipped = targets_for_paths(args.paths)
    for path, reason in skipped:
        sys.stderr.write(f"pkgkit: {display_text(path)}: not formatted: {display_text(reason)}\n")
    if not targets and not skipped:
        return nothing_found(args.paths)
    tally = Tally("reformat", check=args.check, diff=args.diff)
    format_targets(targets, FinalNewline(args.final_newline), tally, sys.stdout, sys.stderr)
    sys.stderr.write(f"{tally.summary()}.\n")
    return tally.exit_code


def format_targets(
    targets: list[Target], final_newline: FinalNewline, tally: Tally, out: TextIO, err: TextIO
) -> None:
    """Format (or check, or diff) each file, writing refusals to ``err``; counted in ``tally``."""
    from pkgkit.fix.formatting import format_file  # noqa: PLC0415
    from pkgkit.util.output import display_text  # noqa: PLC0415
    from pkgkit.util.paths import display_path  # noqa: PLC0415

    for target in targets:
        result = format_file(target, final_newline)
        if isinstance(result, list):
            for refusal in result:
                shown = display_text(display_path(refusal.path))
                message = display_text(refusal.message)
                err.write(f"{shown}:{refusal.line}:{refusal.column}: {message}\n")
            tally.refused()
            continue
        tally.apply(result, out, err)


def nothing_found(paths: list[str]) -> int:
    """Say that the paths hold no package file: exit 2 when a folder was named (as lint does),
    0 when only files were (pre-commit passes any staged file)."""
    import os  # noqa: PLC0415

    folders = [path for path in paths if os.path.isdir(path)]  # noqa: PTH112
    if folders:
        sys.stderr.write(f"pkgkit: no packages found under {', '.join(folders)}\n")
        return 2
    sys.stderr.write("pkgkit: none of the given files is a package JSON file\n")
    return 0
