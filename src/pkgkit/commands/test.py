"""``pkgkit test PATH ...``: lint, template properties and event rule tests, as a pytest session.

The session runs pkgkit's pytest plugin (:mod:`pkgkit.testing.plugin`) isolated from any pytest
configuration of the working directory. Exit codes: 0 all pass (warnings allowed), 1 failures,
2 usage error (including a broken configuration file or nothing to test), 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from pkgkit.commands._linting import resolver_from_args, usage_errors
from pkgkit.commands.lint import add_config_options, add_format_option, check_paths_exist
from pkgkit.testing import MAX_EXAMPLES, example_count


def add_parser(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private action type
    """Register ``test``."""
    parser = subparsers.add_parser(
        "test",
        help="lint, property-test templates and run event rule tests",
        description=(
            "Lint each package, check the render properties of its templates over the variable "
            "space (Hypothesis) in the chosen modes, and run its event rule tests (tests/*.yaml)."
        ),
    )
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    parser.add_argument(
        "--max-examples", type=example_count, default=None, metavar="N",
        help=f"examples per template, property and mode (default: 40, at most {MAX_EXAMPLES:,})",
    )
    parser.add_argument(
        "--seed", type=int, default=None, metavar="S",
        help="random seed; the default is derandomized (the same examples every run)",
    )
    parser.add_argument(
        "--mode", choices=("instana", "json-safe", "both"), default="both",
        help="render mode(s) to check (default: both)",
    )
    add_format_option(parser, "format of the lint findings in a failure report (default: text)")
    add_config_options(parser)
    for option in _LINT_ONLY:  # not listed: accepted only to say which command takes them
        parser.add_argument(option, nargs="?", const=True, help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


#: Options of ``pkgkit lint`` a test session has no use for.
_LINT_ONLY = ("--output", "--no-cache", "--jobs", "--baseline", "--write-baseline")


def pytest_args(args: argparse.Namespace, roots: list[str]) -> list[str]:
    """The pytest command line for a run: isolated, quiet, pkgkit collection on."""
    argv = [
        *roots, "--pkgkit", f"--pkgkit-mode={args.mode}",
        "-c", os.devnull, "--rootdir", _rootdir(roots),
        "-p", "no:cacheprovider", "-q", "-rfE", "--no-header",
        # pkgkit's items report their findings themselves: no assertion rewriting, which would
        # rewrite every Hypothesis module at import and warn that pkgkit was imported first.
        "--assert=plain",
        # pytest's unraisable-exception plugin runs two full garbage collections as the session
        # ends (~0.15 s of CPU over Hypothesis's heap) to turn exceptions ignored in finalizers
        # into warnings; without it Python prints them to stderr itself.
        "-p", "no:unraisableexception",
    ]
    if args.max_examples is not None:
        argv.append(f"--pkgkit-max-examples={args.max_examples}")
    if args.seed is not None:
        argv.append(f"--pkgkit-seed={args.seed}")
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        argv += ["-p", "pkgkit.testing.plugin"]
    return argv


def _rootdir(roots: list[str]) -> str:
    """The working directory when it holds every package, else the folder above them all.

    Test ids are relative to it: ``go::lint``, ``go/dashboards/x.json::parses[instana]``.
    """
    cwd = os.getcwd()  # noqa: PTH109
    absolute = [os.path.abspath(root) for root in roots]  # noqa: PTH100
    if all(path == cwd or path.startswith(cwd + os.sep) for path in absolute):
        return cwd
    return os.path.dirname(os.path.commonpath(absolute))  # noqa: PTH120


def _refuse_lint_only_options(args: argparse.Namespace) -> None:
    """``pkgkit lint`` options given to ``pkgkit test`` are usage errors naming ``lint``."""
    from pkgkit.commands import UsageError  # noqa: PLC0415

    for option in _LINT_ONLY:
        if getattr(args, option[2:].replace("-", "_"), None) is not None:
            raise UsageError(f"{option} is a 'pkgkit lint' option; 'pkgkit test' does not take it")


def run(args: argparse.Namespace) -> int:
    """Run the session and map pytest's exit code onto pkgkit's."""
    import sys  # noqa: PLC0415

    import pytest  # noqa: PLC0415 - the test runner is imported only by this command

    from pkgkit.model.package import discover_packages, packages_for_paths  # noqa: PLC0415
    from pkgkit.testing.nodes import RunSettings  # noqa: PLC0415

    _refuse_lint_only_options(args)
    check_paths_exist(args.paths)
    roots = [p for root in packages_for_paths(args.paths) for p in discover_packages(root)]
    if not roots:
        sys.stderr.write(f"pkgkit: no packages found under {', '.join(args.paths)}\n")
        return 2
    with usage_errors():
        resolver = resolver_from_args(args)
        configs = {os.path.abspath(root): resolver.for_package(root) for root in roots}  # noqa: PTH100
    settings = RunSettings(
        config_for=lambda root: configs[os.path.abspath(root)],  # noqa: PTH100
        report_format=args.format,
    )
    code = pytest.main(pytest_args(args, roots), plugins=[settings])
    if settings.interrupted:
        return 130
    if code == pytest.ExitCode.OK:
        return 0
    return 1 if code == pytest.ExitCode.TESTS_FAILED else 2
