"""The ``pkgkit`` command line: one sub-command per module of :mod:`pkgkit.commands`.

Exit codes: 0 clean, 1 findings (errors), 2 usage or internal error. No traceback reaches the
user: an unexpected exception is reported in one line (``PKGKIT_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import TYPE_CHECKING

from pkgkit import __version__

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Sub-commands in help order; each is ``pkgkit.commands.<name>`` with add_parser() and run().
COMMANDS = ("lint", "test", "render", "ci", "init", "rules")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with how pkgkit was called or configured (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"pkgkit: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available sub-command."""
    parser = _Parser(
        prog="pkgkit", description="Lint and property-test Instana integration packages."
    )
    parser.add_argument("--version", action="version", version=f"pkgkit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"pkgkit.commands.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"pkgkit.commands.{name}":
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``pkgkit`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except UsageError as error:
        sys.stderr.write(f"pkgkit: error: {error}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("pkgkit: interrupted\n")
        return EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_ERROR
    except Exception as error:
        if os.environ.get("PKGKIT_DEBUG"):
            raise
        sys.stderr.write(f"pkgkit: internal error: {error!r} (set PKGKIT_DEBUG=1 for details)\n")
        return EXIT_ERROR
    return code


if __name__ == "__main__":
    raise SystemExit(main())
