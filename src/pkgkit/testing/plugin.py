"""pkgkit's pytest plugin (entry point ``pytest11``): collects Instana packages as tests.

Loaded in every pytest run, so importing it costs nothing and it collects only when asked: with
``--pkgkit`` (or ``pkgkit_packages = true`` in the ini file) every package folder found under the
collected paths is a test; without it, only a package folder given on the command line is. A
package yields one item for lint, one per (template file, property, render mode), and one per
event test file (``tests/*.yaml``). ``pkgkit test`` drives this plugin through ``pytest.main``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pkgkit.testing import MAX_EXAMPLES, example_count
from pkgkit.testing.summary import write_summary

if TYPE_CHECKING:
    from pathlib import Path


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--pkgkit`` and the search options."""
    group = parser.getgroup("pkgkit", "Instana integration packages (pkgkit)")
    group.addoption(
        "--pkgkit", action="store_true", default=False,
        help="collect every Instana integration package under the given paths",
    )
    group.addoption(
        "--pkgkit-mode", choices=("instana", "json-safe", "both"), default="both",
        help="render mode(s) the template properties are checked in (default: both)",
    )
    group.addoption(
        "--pkgkit-max-examples", type=example_count, default=None, metavar="N",
        help=f"examples per template, property and mode (1 to {MAX_EXAMPLES:,})",
    )
    group.addoption(
        "--pkgkit-seed", type=int, default=None, metavar="S",
        help="random seed (default: derandomized, the same examples every run)",
    )
    parser.addini("pkgkit_packages", "collect Instana integration packages", type="bool")


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A package folder becomes a :class:`~pkgkit.testing.nodes.PackageNode` when asked for."""
    config = parent.config
    asked = (
        config.getoption("pkgkit")
        or config.getini("pkgkit_packages")
        or parent.session.isinitpath(path)
    )
    if not asked:
        return None
    from pkgkit.model.package import is_package_dir  # noqa: PLC0415 - only when asked

    if not is_package_dir(str(path)):
        return None
    from pkgkit.testing.nodes import PackageNode  # noqa: PLC0415

    node: pytest.Collector = PackageNode.from_parent(parent, path=path)
    return node


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """A "pkgkit warnings" section: instana-mode breakages and lint warnings."""
    write_summary(terminalreporter)
