"""What the commands that lint share (``lint``, ``lint --fix``, ``ci``, ``test``, ``docs``).

* :func:`resolver_from_args` gives the effective configuration of each package (configuration
  file found from the package, or ``--config``, then the command line), each file read once;
  :func:`usage_errors` turns a configuration problem into a usage error;
* :func:`read_baseline` and :func:`without_baselined` read ``--baseline`` and leave out what it
  records; :func:`write_baseline_file` writes ``--write-baseline``;
* :func:`emit` writes the report (``--format``, ``--output``, ``--statistics``) and returns the
  exit code.

Configuration, baseline and output-file problems raise :class:`~pkgkit.commands.UsageError`
(exit 2).
"""

from __future__ import annotations

import contextlib
import io
import sys
from typing import TYPE_CHECKING

from pkgkit.commands import UsageError
from pkgkit.lint.config import ConfigError, ConfigResolver, Overrides

if TYPE_CHECKING:
    import argparse
    from collections import Counter
    from collections.abc import Callable, Iterator
    from typing import TextIO

    from pkgkit.lint.baseline import Fingerprint
    from pkgkit.lint.report import LintReport

    #: Parsed options.
    Arguments = argparse.Namespace


def split_codes(values: list[str]) -> tuple[str, ...]:
    """``["A,B", "C"]`` -> ``("A", "B", "C")``."""
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


@contextlib.contextmanager
def usage_errors() -> Iterator[None]:
    """A ``with`` block that turns configuration problems into usage errors (exit 2), one line
    each."""
    try:
        yield
    except ConfigError as error:
        raise UsageError(*str(error).split("\n")) from None


def read_baseline(path: str) -> Counter[Fingerprint]:
    """The ``--baseline`` file's findings; a file that cannot be read is a usage error.

    :mod:`pkgkit.lint.baseline` is imported only here and by the other baseline options' code.
    """
    from pkgkit.lint.baseline import BaselineError, load_baseline  # noqa: PLC0415

    try:
        return load_baseline(path)
    except BaselineError as error:
        raise UsageError(str(error)) from None


def _option_codes(args: Arguments, option: str) -> tuple[str, ...] | None:
    from pkgkit.lint.config import code_problem  # noqa: PLC0415

    codes = split_codes(getattr(args, option, []))
    for code in codes:
        problem = code_problem(code)
        if problem:
            raise UsageError(f"--{option}: {problem}")
    return codes or None


def resolver_from_args(args: Arguments) -> ConfigResolver:
    """Per-package configuration: ``--config``/``--isolated`` choose the file layer, and
    ``--select``, ``--ignore``, ``--strict`` override it."""
    overrides = Overrides(
        select=_option_codes(args, "select"),
        ignore=_option_codes(args, "ignore"),
        strict=getattr(args, "strict", False),
    )
    return ConfigResolver(
        explicit=getattr(args, "config", None),
        isolated=getattr(args, "isolated", False),
        overrides=overrides,
    )


def without_baselined(
    report: LintReport, path: str, baseline: Counter[Fingerprint]
) -> LintReport:
    from pkgkit.lint.baseline import apply_baseline  # noqa: PLC0415

    filtered = apply_baseline(report, baseline, path)
    if filtered.absorbed:
        sys.stderr.write(f"pkgkit: {filtered.absorbed} finding(s) recorded in {path} not shown\n")
    if filtered.stale:
        sys.stderr.write(
            f"pkgkit: {filtered.stale} finding(s) recorded in {path} no longer occur "
            "(refresh it with --write-baseline)\n"
        )
    return filtered.report


def emit(args: Arguments, report: LintReport) -> int:
    """Write the report to ``--output`` (and the summary to stdout) or to stdout; exit code."""
    from pkgkit.lint.engine import describe_rules  # noqa: PLC0415
    from pkgkit.reporters import RULE_FORMATS, get_reporter  # noqa: PLC0415
    from pkgkit.reporters.text import summary  # noqa: PLC0415

    statistics = getattr(args, "statistics", False)
    if args.format in RULE_FORMATS or statistics:
        describe_rules(report)
    render = _statistics_renderer(args.format) if statistics else get_reporter(args.format).render
    buffer = io.StringIO()  # the whole report first: it is written complete or not at all
    render(report, buffer)
    output = getattr(args, "output", None)
    if output:
        _write_file(output, buffer.getvalue(), "--output")
        write_stdout(summary(report) + "\n")
    else:
        write_stdout(buffer.getvalue())
    internal_errors(report)
    return report.exit_code


def write_stdout(text: str) -> None:
    """:func:`pkgkit.util.output.write_stdout`, its failure a usage error (exit 2)."""
    from pkgkit.util.output import write_stdout as write  # noqa: PLC0415

    problem = write(text)
    if problem is not None:
        raise UsageError(problem)


def _statistics_renderer(output_format: str) -> Callable[[LintReport, TextIO], None]:
    """``--statistics``: JSON with ``--format json``, else text (as ruff prints them)."""
    from pkgkit.reporters import statistics  # noqa: PLC0415

    return statistics.render_json if output_format == "json" else statistics.render


def _write_file(path: str, text: str, option: str) -> None:
    from pkgkit.util.atomic import write_atomically  # noqa: PLC0415

    try:
        write_atomically(path, text)
    except OSError as error:
        raise UsageError(f"{option} {path}: cannot write: {error.strerror or error}") from None


def internal_errors(report: LintReport) -> None:
    """Each rule crash of the report, on stderr."""
    for message in report.internal_errors:
        sys.stderr.write(f"pkgkit: internal error: {message}\n")


def write_baseline_file(report: LintReport, path: str) -> int:
    """Record the report's findings in ``path``; 0, or 2 when a rule crashed."""
    from pkgkit.lint.baseline import write_baseline  # noqa: PLC0415

    try:
        count = write_baseline(report, path)
    except OSError as error:
        raise UsageError(f"--write-baseline {path}: cannot write: {error.strerror}") from None
    sys.stderr.write(f"pkgkit: recorded {count} finding(s) in {path}\n")
    internal_errors(report)
    return 2 if report.internal_errors else 0
