"""The ``pkgkit`` command line: one sub-command per module of :mod:`pkgkit.commands`.

Exit codes: 0 clean, 1 findings (errors), 2 usage or internal error. No traceback reaches the
user: an unexpected exception is reported in one line (``PKGKIT_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import contextlib
import os
import sys

from pkgkit import __version__
from pkgkit.commands import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import Any

    from pkgkit.commands.lint import Arguments

#: Sub-commands in help order; each is ``pkgkit.commands.<name>`` with add_parser() and run().
COMMANDS = ("lint", "fmt", "docs", "test", "render", "ci", "init", "rules", "conventions")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _parser_class() -> type[argparse.ArgumentParser]:
    """An ArgumentParser that exits with code 2 after one ``pkgkit: error:`` line.

    Defined on first use: a warm ``pkgkit lint`` answered from the cache never imports argparse.
    Its help formatter finds the terminal width as argparse does, without importing
    :mod:`shutil` (and bz2 and lzma with it): argparse builds a formatter for every option added.
    """
    import argparse  # noqa: PLC0415

    class _Formatter(argparse.HelpFormatter):
        def __init__(
            self,
            prog: str,
            indent_increment: int = 2,
            max_help_position: int = 24,
            width: int | None = None,
        ) -> None:
            width = help_width() if width is None else width
            super().__init__(prog, indent_increment, max_help_position, width)

    class _Parser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401 - argparse's
            kwargs.setdefault("formatter_class", _Formatter)
            super().__init__(*args, **kwargs)

        def error(self, message: str) -> None:  # type: ignore[override]
            self.print_usage(sys.stderr)
            sys.stderr.write(f"pkgkit: error: {message}\n")
            raise SystemExit(EXIT_ERROR)

    return _Parser


def help_width() -> int:
    """argparse's default help width: ``shutil.get_terminal_size().columns - 2``."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns - 2


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every available sub-command, or with the command ``only``.

    ``pkgkit COMMAND ...`` parses with ``only=COMMAND``: the other commands' modules are not
    imported, and every message and help text of that command is the same.
    """
    import importlib  # noqa: PLC0415

    parser_class = _parser_class()
    parser = parser_class(
        prog="pkgkit", description="Lint and property-test Instana integration packages."
    )
    parser.add_argument("--version", action="version", version=f"pkgkit {__version__}")
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=parser_class
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

    A plain ``pkgkit lint`` whose every package has a current cache entry is answered by
    :mod:`pkgkit.fastpath` before anything heavy is imported.
    """
    code = _main(sys.argv[1:] if argv is None else list(argv))
    if not _stdout_flushed() and code == EXIT_OK:
        return EXIT_ERROR  # the report did not reach its reader
    return code


def _stdout_flushed() -> bool:
    """Flush standard output; False when it cannot be written (a full disk, a closed pipe).

    What is left unwritten then goes to the null device, so that the interpreter's own flush at
    exit does not fail again (the recipe of the :mod:`signal` module's documentation).
    """
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return False
    return True


def _main(arguments: list[str]) -> int:
    cached = _from_cache(arguments)
    if cached is not None:
        return cached
    args = _parse(arguments)
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


def _parse(arguments: list[str]) -> Arguments:
    """The parsed command line: a plain ``pkgkit lint`` (:func:`pkgkit.fastpath.plain_lint`)
    without argparse (about 9 ms of start-up with gettext and locale), anything else with it."""
    from pkgkit.fastpath import plain_lint  # noqa: PLC0415

    request = plain_lint(arguments)
    if request is not None:
        from pkgkit.commands.lint import plain_args  # noqa: PLC0415

        return plain_args(*request)
    command = arguments[0] if arguments and arguments[0] in COMMANDS else None
    return build_parser(command).parse_args(arguments)


def _from_cache(arguments: list[str]) -> int | None:
    """The exit code of a plain ``pkgkit lint`` answered from the cache, or None.

    A cache the fast path cannot use for any unexpected reason falls back to the full command.
    """
    try:
        from pkgkit.fastpath import cached_lint  # noqa: PLC0415

        return cached_lint(arguments)
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_ERROR
    except Exception:
        if os.environ.get("PKGKIT_DEBUG"):
            raise
        return None


if __name__ == "__main__":
    raise SystemExit(main())
