"""``pkgkit test PATH ...``: lint, template properties and event rule tests, as a pytest session.

The session runs pkgkit's pytest plugin (:mod:`pkgkit.testing.plugin`) isolated from any pytest
configuration of the working directory. Exit codes: 0 all pass (warnings allowed), 1 failures,
2 usage error (including a broken configuration file or nothing to test).
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from pkgkit.commands._linting import resolver_from_args, usage_errors
from pkgkit.commands.lint import add_lint_options, check_paths_exist


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
        "--max-examples", type=_positive, default=None, metavar="N",
        help="examples per template, property and mode (default: 40)",
    )
    parser.add_argument(
        "--seed", type=int, default=None, metavar="S",
        help="random seed; the default is derandomized (the same examples every run)",
    )
    parser.add_argument(
        "--mode", choices=("instana", "json-safe", "both"), default="both",
        help="render mode(s) to check (default: both)",
    )
    add_lint_options(parser)
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def pytest_args(args: argparse.Namespace, roots: list[str]) -> list[str]:
    """The pytest command line for a run: isolated, quiet, pkgkit collection on."""
    argv = [
        *roots, "--pkgkit", f"--pkgkit-mode={args.mode}",
        "-c", os.devnull, "--rootdir", _rootdir(roots),
        "-p", "no:cacheprovider", "-q", "-rfE", "--no-header",
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


def _refuse_report_options(args: argparse.Namespace) -> None:
    """Lint options that make no sense for a test session are usage errors."""
    from pkgkit.commands import UsageError  # noqa: PLC0415

    for option in ("output", "baseline", "write_baseline", "jobs"):
        if getattr(args, option, None):
            flag = "--" + option.replace("_", "-")
            raise UsageError(f"{flag} is a 'pkgkit lint' option; 'pkgkit test' does not take it")


def run(args: argparse.Namespace) -> int:
    """Run the session and map pytest's exit code onto pkgkit's."""
    import sys  # noqa: PLC0415

    import pytest  # noqa: PLC0415 - the test runner is imported only by this command

    from pkgkit.model.package import discover_packages, packages_for_paths  # noqa: PLC0415
    from pkgkit.testing.nodes import RunSettings  # noqa: PLC0415

    _refuse_report_options(args)
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
    if code == pytest.ExitCode.OK:
        return 0
    return 1 if code == pytest.ExitCode.TESTS_FAILED else 2
