"""The ``pkgkit`` command line: one sub-command per module of :mod:`pkgkit.commands`.

Exit codes: 0 clean, 1 findings (errors), 2 usage or internal error, 130 interrupted (Ctrl-C).
No traceback reaches the user: an unexpected exception is reported in one line
(``PKGKIT_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from pkgkit import __version__
from pkgkit.commands import UsageError
from pkgkit.util.output import display_text, readers_may_leave

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import TypeGuard

#: Sub-commands in help order; each is ``pkgkit.commands.<name>`` with add_parser() and run().
COMMANDS = ("lint", "fmt", "docs", "test", "render", "ci", "init", "rules", "conventions")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Exit code after Ctrl-C (SIGINT): 128 + the signal's number, as shells report it.
EXIT_INTERRUPTED = 130


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, as wide as the terminal the way :func:`shutil.get_terminal_size`
    measures it, without importing :mod:`shutil` (with it ``bz2``, ``lzma``, ``fnmatch``: ~4 ms):
    argparse makes a formatter for every argument a parser is built with."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``: ``COLUMNS``, else standard output's terminal,
    else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that exits with code 2 after one ``pkgkit: error:`` line, and formats
    help with :class:`_HelpFormatter`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401 - argparse's own
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"pkgkit: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every available sub-command, or with the command ``only``.

    ``pkgkit COMMAND ...`` parses with ``only=COMMAND``: the other commands' modules are not
    imported, and every message and help text of that command is the same.
    """
    parser = _Parser(
        prog="pkgkit", description="Lint and property-test Instana integration packages."
    )
    parser.add_argument("--version", action="version", version=f"pkgkit {__version__}")
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser
    )
    subparsers.required = True
    for name in COMMANDS if only is None else (only,):
        try:
            module = importlib.import_module(f"pkgkit.commands.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"pkgkit.commands.{name}":
                raise
            if only is not None:
                return build_parser()
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``pkgkit`` console script.

    A reader that goes away (``pkgkit fmt --diff | head -1``) changes nothing: every command
    runs on to its own exit code (:func:`pkgkit.util.output.readers_may_leave`).
    """
    with readers_may_leave():
        code = _main(sys.argv[1:] if argv is None else list(argv))
        error = _stdout_error()
    if error is None or isinstance(error, BrokenPipeError):  # a reader that left wants no more
        return code
    sys.stderr.write(f"pkgkit: error: cannot write to standard output: {_reason(error)}\n")
    return EXIT_ERROR


def _stdout_error() -> OSError | ValueError | None:
    """Flush standard output; what went wrong (a full disk, a closed pipe), or None.

    What is left unwritten then goes to the null device, so that the interpreter's own flush at
    exit does not fail again (the recipe of the :mod:`signal` module's documentation).
    """
    if sys.stdout is None:  # closed when pkgkit started: the command said so
        return None
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as error:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return error
    return None


def _is_output_full(error: Exception) -> TypeGuard[OSError]:
    """An error only writes raise (a full disk, a quota, a file too large) that names no file:
    every file pkgkit writes is written by code that says which (``util/atomic.py``), so
    this is standard output (``pkgkit rules > /dev/full``)."""
    full = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
    return isinstance(error, OSError) and error.errno in full and error.filename is None


def _reason(error: OSError | ValueError) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)


def _main(arguments: list[str]) -> int:
    try:
        args = _parse(arguments)
        if sys.stdout is None:  # file descriptor 1 was closed when pkgkit started
            raise UsageError("standard output is closed")
        code: int = args.run(args)
    except UsageError as error:
        for message in error.args or ("",):
            sys.stderr.write(f"pkgkit: error: {display_text(str(message))}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("pkgkit: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_ERROR
    except Exception as error:
        if _is_output_full(error):
            _stdout_error()  # what is still buffered goes nowhere
            sys.stderr.write(f"pkgkit: error: cannot write to standard output: {_reason(error)}\n")
            return EXIT_ERROR
        if os.environ.get("PKGKIT_DEBUG"):
            raise
        sys.stderr.write(f"pkgkit: internal error: {error!r} (set PKGKIT_DEBUG=1 for details)\n")
        return EXIT_ERROR
    return code


def _parse(arguments: list[str]) -> argparse.Namespace:
    """The parsed command line (only the command asked for is imported and built)."""
    command = arguments[0] if arguments and arguments[0] in COMMANDS else None
    return build_parser(command).parse_args(arguments)


if __name__ == "__main__":
    raise SystemExit(main())
