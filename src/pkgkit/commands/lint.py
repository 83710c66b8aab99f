"""``pkgkit lint PATH ...``: check packages and report findings.

Other commands that lint (``ci``, ``test``) reuse the pieces:

* :func:`add_lint_options` adds every option below to their parser;
* :func:`lint_report` lints packages, each with its own configuration, showing progress on a
  terminal and leaving out what ``--baseline`` absorbs; with ``--jobs`` (by default for several
  packages) worker processes lint them and this process reports, in the same order;
* :mod:`pkgkit.commands._linting` has what they share with ``lint --fix``: the configuration the
  options give, the baseline, writing the report.

Configuration, baseline and output-file problems raise :class:`~pkgkit.commands.UsageError`
(exit 2).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from pkgkit.commands import UsageError
from pkgkit.commands._linting import (
    emit,
    read_baseline,
    resolver_from_args,
    usage_errors,
    without_baselined,
    write_baseline_file,
)
from pkgkit.lint.config import Config, ConfigResolver

#: Worker processes a run of several packages uses when ``--jobs`` is not given (at most one per
#: available CPU and per package). More rarely pays: the model and rules are light, and a CI
#: runner's CPUs are shared.
DEFAULT_MAX_JOBS = 4

if TYPE_CHECKING:
    import argparse
    from collections.abc import Generator, Sequence
    from types import FrameType
    from typing import Any, TextIO

    from pkgkit.commands._linting import Arguments
    from pkgkit.lint.cache import ResultCache
    from pkgkit.lint.engine import LintReport, PackageResult


def add_parser(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private action type
    """Register ``lint``."""
    parser = subparsers.add_parser(
        "lint",
        help="check packages (a package folder or any folder above packages)",
        description="Check Instana integration packages and report located findings.",
    )
    add_lint_arguments(parser)


def add_lint_arguments(parser: argparse.ArgumentParser) -> None:
    """Everything ``lint`` parses: the paths, the options every linting command takes, the
    fix options, run()."""
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    add_lint_options(parser)
    parser.add_argument(
        "--fix", action="store_true",
        help="apply the fixes of findings that have one right answer, then report what remains",
    )  # fmt: skip
    parser.add_argument(
        "--diff", action="store_true",
        help="print the fixes --fix would make as a unified diff; write nothing",
    )  # fmt: skip
    parser.add_argument(
        "--unsafe-fixes", action="store_true",
        help="with --fix or --diff, also apply fixes that are guesses (a did-you-mean rename)",
    )  # fmt: skip
    parser.add_argument(
        "--statistics", action="store_true",
        help="print how many findings each rule has (as ruff does) instead of the findings; "
        "text, or JSON with --format json",
    )  # fmt: skip
    parser.set_defaults(run=run)


def default_format() -> str:
    """``github`` inside GitHub Actions (``GITHUB_ACTIONS=true``), else ``text``."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def add_lint_options(parser: argparse.ArgumentParser, *, write_baseline: bool = True) -> None:
    """Options shared by the commands that lint and report (lint, ci; ``ci`` takes no
    ``--write-baseline``: a baseline records a whole repository)."""
    add_format_option(parser, "report format (default: text; github when GITHUB_ACTIONS=true)")
    parser.add_argument(
        "--output", metavar="FILE",
        help="write the report to FILE (atomically); the summary line stays on the terminal",
    )
    add_config_options(parser)
    parser.add_argument(
        "--no-cache", action="store_true",
        help="lint every package even when the result cache holds its result",
    )
    parser.add_argument(
        "--jobs", type=job_count, metavar="N",
        help=f"lint packages in N worker processes (default: 1 for one package, else one per "
        f"available CPU, at most {DEFAULT_MAX_JOBS}); the output is the same",
    )
    baseline = parser.add_mutually_exclusive_group() if write_baseline else parser
    baseline.add_argument(
        "--baseline", metavar="FILE", help="report only findings not recorded in FILE"
    )
    if write_baseline:
        baseline.add_argument(
            "--write-baseline", metavar="FILE", help="record today's findings in FILE and exit 0"
        )


def add_format_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--format``: a reporter's name."""
    from pkgkit.reporters import REPORTERS  # noqa: PLC0415

    parser.add_argument(
        "--format", choices=sorted(REPORTERS), default=default_format(), help=help_text
    )


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """The options that make each package's configuration (every command that lints)."""
    parser.add_argument(
        "--config", metavar="FILE",
        help="use this configuration file (.pkgkit.yaml or pyproject.toml) for every package",
    )
    parser.add_argument(
        "--isolated", action="store_true", help="ignore configuration files"
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


def job_count(text: str) -> int:
    """``--jobs``: a whole number of at least 1."""
    import argparse  # noqa: PLC0415 - imported already whenever options are parsed

    value = int(text) if text.strip().isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def jobs_for(requested: int | None, packages: int) -> int:
    """Worker processes for ``packages`` packages: ``--jobs`` (or the default), at most one each."""
    if requested is None:
        requested = min(available_cpus(), DEFAULT_MAX_JOBS)
    return max(1, min(requested, packages))


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask where there is one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Progress:
    """``[i/n] package`` on one line of stderr, only on a terminal and for several packages."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.enabled = total > 1 and self.stream.isatty()

    def show(self, index: int, label: str) -> None:
        """Replace the line with the package being linted."""
        if self.enabled:
            self.stream.write(f"\r\x1b[K[{index}/{self.total}] {label}")
            self.stream.flush()

    def done(self) -> None:
        """Clear the line."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def lint_report(
    args: Arguments, roots: list[str], resolver: ConfigResolver | None = None
) -> LintReport:
    """Lint every package at or under ``roots``, each with its own configuration (from
    ``resolver``, by default the one the options give), and leave out the findings
    ``--baseline`` absorbs."""
    from pkgkit.lint.engine import LintReport  # noqa: PLC0415
    from pkgkit.model.package import discover_packages  # noqa: PLC0415
    from pkgkit.util.paths import display_path  # noqa: PLC0415

    with usage_errors():
        resolver = resolver or resolver_from_args(args)
        baseline_path = getattr(args, "baseline", None)
        baseline = read_baseline(baseline_path) if baseline_path else None
        packages = list(dict.fromkeys(pkg for root in roots for pkg in discover_packages(root)))
        report = LintReport()
        progress = Progress(len(packages))
        cache = None if getattr(args, "no_cache", False) else open_cache()
        jobs = jobs_for(getattr(args, "jobs", None), len(packages))
        results = lint_results(packages, resolver, cache, jobs)
        try:
            for index, package in enumerate(packages, start=1):
                if progress.enabled:
                    progress.show(index, display_path(package))
                result, crashes = next(results)
                report.packages.append(result)
                report.internal_errors.extend(crashes)
        finally:  # the workers end now, also after Ctrl-C here rather than in a worker's wait
            results.close()
        progress.done()
    if baseline is None or baseline_path is None:
        return report
    return without_baselined(report, baseline_path, baseline)


def open_cache() -> ResultCache:
    """The result cache in its folder (``PKGKIT_CACHE_DIR``, XDG, ``~/.cache/pkgkit``)."""
    from pkgkit.lint.cache import ResultCache  # noqa: PLC0415
    from pkgkit.util.paths import cache_dir  # noqa: PLC0415

    return ResultCache(cache_dir())


def cache_options(resolver: ConfigResolver) -> dict[str, Any]:
    """The options a package's result depends on, as the cache key records them."""
    overrides = resolver.overrides
    return {
        "select": None if overrides.select is None else list(overrides.select),
        "ignore": None if overrides.ignore is None else list(overrides.ignore),
        "strict": overrides.strict,
        "config": resolver.explicit,
        "isolated": resolver.isolated,
    }


def lint_results(
    packages: Sequence[str], resolver: ConfigResolver, cache: ResultCache | None, jobs: int
) -> Generator[tuple[PackageResult, list[str]], None, None]:
    """Each package's result and rule crashes, in order, linted here or by ``jobs`` workers."""
    if jobs <= 1:
        return (lint_package(package, resolver, cache) for package in packages)
    return _pool_results(packages, resolver, cache, jobs)


def _pool_results(
    packages: Sequence[str], resolver: ConfigResolver, cache: ResultCache | None, jobs: int
) -> Generator[tuple[PackageResult, list[str]], None, None]:
    """:func:`lint_results` in a process pool: workers forked where the platform allows (they
    inherit the imported rules), chunks of packages, results in package order.

    Configurations are resolved here, so a configuration error is raised as in a serial run.
    Each worker lints one package at a time and uses the cache as this process would (entries
    are written atomically, one per package).
    """
    import concurrent.futures  # noqa: PLC0415 - only with more than one job
    import functools  # noqa: PLC0415
    import multiprocessing  # noqa: PLC0415
    import signal  # noqa: PLC0415 - its enums cost ~1 ms at start-up

    import pkgkit.lint.engine  # noqa: PLC0415, F401 - imported before the workers fork
    from pkgkit.rules import all_rules  # noqa: PLC0415

    all_rules()
    if cache is not None:
        cache.writable()  # decided once here: each task gets a copy of the cache
    configured = [(package, resolver.for_package(package)) for package in packages]
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else None)
    task = functools.partial(_lint_configured_task, options=cache_options(resolver), cache=cache)
    chunksize = max(1, min(16, len(packages) // (jobs * 4)))
    pool = concurrent.futures.ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    )
    heard = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if heard:
        signal.signal(signal.SIGINT, _interrupt_once)
    try:
        # The workers are forked as the tasks are submitted, with Ctrl-C blocked: none can be
        # interrupted before it ignores Ctrl-C (a worker interrupted while it starts leaves the
        # pool waiting for ever); a Ctrl-C pressed meanwhile reaches this process after.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            results = pool.map(task, configured, chunksize=chunksize)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        yield from results
    except BaseException:  # Ctrl-C: the chunks not started are dropped, the workers end
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        if heard:
            signal.signal(signal.SIGINT, signal.default_int_handler)
    pool.shutdown()


def _interrupt_once(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C while workers run: one KeyboardInterrupt, and later presses are ignored from
    within the handler, so no second one can cut the wait for the workers short (the
    interpreter's exit then waits for the pool's thread for ever)."""
    import signal  # noqa: PLC0415 - imported by the pool that installed this handler

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def _start_worker(parent: int) -> None:
    """A worker leaves Ctrl-C to the process that reports (which stops the pool): no traceback
    from each worker, no half-written cache entry. It ends by itself once ``parent`` is gone."""
    import signal  # noqa: PLC0415 - imported by the pool that runs this
    import threading  # noqa: PLC0415 - imported by concurrent.futures already

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked while it was forked
    threading.Thread(target=_exit_without, args=(parent,), daemon=True).start()


#: How often (seconds) a worker checks that the process it works for is still there.
PARENT_CHECK_INTERVAL = 0.5


def _exit_without(parent: int) -> None:
    """End this worker once ``parent`` is no longer its parent process. A parent killed with
    SIGKILL cannot stop its pool, and the workers would wait for work for ever: each holds the
    write end of the pool's call queue, so none reads end of file."""
    import time  # noqa: PLC0415

    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_INTERVAL)
    os._exit(1)


def _lint_configured_task(
    item: tuple[str, Config], options: dict[str, Any], cache: ResultCache | None
) -> tuple[PackageResult, list[str]]:
    """One package of a worker's chunk (module level: the pool pickles it by name)."""
    package, config = item
    return lint_configured(package, config, options, cache)


def lint_package(
    package: str, resolver: ConfigResolver, cache: ResultCache | None
) -> tuple[PackageResult, list[str]]:
    """Lint one package folder with its configuration (see :func:`lint_configured`)."""
    return lint_configured(package, resolver.for_package(package), cache_options(resolver), cache)


def lint_configured(
    package: str, config: Config, options: dict[str, Any], cache: ResultCache | None
) -> tuple[PackageResult, list[str]]:
    """Lint one package folder, or take its result from ``cache`` when its inputs are unchanged.

    ``options`` are the :func:`cache_options` of the run. The key is taken before the package
    is read, so a file changed while it is linted makes the stored entry stale rather than
    wrong. Results with a rule crash are not stored.
    """
    from pkgkit.lint.engine import lint_root  # noqa: PLC0415

    if cache is None:
        return lint_root(package, config)
    key = cache.key(package, options, list(config.registries))
    effective = config_data(config)
    cached = cache.get(package, key, effective)
    if cached is not None:
        return cached, []
    result, crashes = lint_root(package, config)
    if not crashes:
        cache.put(package, key, effective, result)
    return result, crashes


def config_data(config: Config) -> dict[str, Any]:
    """The effective configuration as canonical plain data (what a cache entry records)."""
    import json  # noqa: PLC0415

    data: dict[str, Any] = json.loads(json.dumps(config._asdict(), sort_keys=True))
    return data


def check_paths_exist(paths: list[str]) -> None:
    """Refuse a path that does not exist (exit 2); files are mapped to their package later."""

    for path in paths:
        if not os.path.exists(path):  # noqa: PTH110 - pathlib is not imported on the lint path
            raise UsageError(f"{path}: no such file or directory")


def run(args: Arguments) -> int:
    """Lint, report, and return the exit code."""
    from pkgkit.model.package import packages_for_paths  # noqa: PLC0415

    check_paths_exist(args.paths)
    roots = packages_for_paths(args.paths)
    if not roots:
        sys.stderr.write("pkgkit: none of the given files is inside a package\n")
        return 0
    if getattr(args, "fix", False) or getattr(args, "diff", False):
        from pkgkit.commands.fix import run_fix  # noqa: PLC0415

        return run_fix(args, roots)
    report = lint_report(args, roots)
    if not report.packages:
        sys.stderr.write(f"pkgkit: no packages found under {', '.join(args.paths)}\n")
        return 2
    if args.write_baseline:
        return write_baseline_file(report, args.write_baseline)
    return emit(args, report)
