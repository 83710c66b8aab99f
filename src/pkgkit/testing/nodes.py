"""The pytest nodes of a package: lint, template properties, event rule tests.

``PackageNode`` (a package folder) holds a ``LintItem``, a ``TemplateNode`` per content file with
placeholders (one ``PropertyItem`` per property and render mode) and an ``EventTestFile`` per
``tests/*.yaml`` (one ``EventTestItem``). Failures are reported as pkgkit text, not tracebacks.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from pkgkit.lint.config import Config
from pkgkit.testing.summary import warn
from pkgkit.util.output import display_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from pkgkit.model.package import Package
    from pkgkit.testing.properties import RenderMode, Template
    from pkgkit.testing.search import SearchOptions

#: Where ``pkgkit test`` leaves its :class:`RunSettings` for the nodes.
SETTINGS = pytest.StashKey["RunSettings"]()


def _package_config(root: str) -> Config:
    """Defaults, then the package's configuration file (plain ``pytest``)."""
    from pkgkit.lint.config import ConfigResolver  # noqa: PLC0415

    return ConfigResolver().for_package(root)


@dataclass(eq=False)  # a plugin object: pluggy keeps plugins in sets
class RunSettings:
    """What ``pkgkit test`` passes to the session (a plugin object).

    ``config_for`` gives the effective configuration of a package folder (its file, then the
    command line); ``report_format`` is the lint reporter used in failure reports.
    """

    config_for: Callable[[str], Config] = _package_config
    report_format: str = "text"
    #: Each item's package (its node id) and the packages in run order, for the progress lines.
    _packages: dict[str, str] = field(default_factory=dict)
    _order: list[str] = field(default_factory=list)
    _current: str | None = None
    _config: pytest.Config | None = None
    #: The session ended with Ctrl-C.
    interrupted: bool = False

    def pytest_configure(self, config: pytest.Config) -> None:
        """Make the settings visible to the nodes."""
        config.stash[SETTINGS] = self
        self._config = config

    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        """Note Ctrl-C (pytest reports it with the exit code of a collection error, which it
        raises as a subclass of KeyboardInterrupt)."""
        self.interrupted = type(excinfo.value) is KeyboardInterrupt

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        """Note the package of every item."""
        for item in items:
            package = item.getparent(PackageNode)
            if package is not None:
                name = self._packages[item.nodeid] = package.nodeid or str(package.path)
                if name not in self._order:
                    self._order.append(name)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logstart(self, nodeid: str) -> None:
        """``go (1/3)`` on a line of its own when the first item of a package starts."""
        package = self._packages.get(nodeid)
        if package is None or package == self._current:
            return
        self._current = package
        reporter = self._reporter
        if reporter is not None:
            index = self._order.index(package) + 1
            if index > 1:
                reporter.write("\n")  # end the previous package's line of results
            reporter.write_line(f"{display_text(package)} ({index}/{len(self._order)})")

    @property
    def _reporter(self) -> pytest.TerminalReporter | None:
        return self._config.pluginmanager.get_plugin("terminalreporter") if self._config else None


@contextlib.contextmanager
def hypothesis_storage() -> Iterator[None]:
    """Hypothesis keeps what it stores (its Unicode tables; pkgkit keeps no example database)
    in ``hypothesis/`` of pkgkit's cache folder while pkgkit searches, never in a
    ``.hypothesis/`` of the working directory (inside a package when run there); nowhere when
    the cache folder is inside a package. Afterwards Hypothesis finds its folder as it would
    have (``HYPOTHESIS_STORAGE_DIRECTORY``, else ``.hypothesis``) for a session's other tests.
    """
    from hypothesis.configuration import set_hypothesis_home_dir  # noqa: PLC0415

    set_hypothesis_home_dir(_storage_folder())
    try:
        yield
    finally:
        set_hypothesis_home_dir(None)


def _storage_folder() -> str:
    import os  # noqa: PLC0415

    from pkgkit.lint.cache import package_holding  # noqa: PLC0415
    from pkgkit.util.paths import cache_dir  # noqa: PLC0415

    folder = cache_dir()
    if package_holding(os.path.realpath(folder)) is not None:
        return os.path.join(os.devnull, "hypothesis")  # noqa: PTH118 - cannot be created
    return os.path.join(folder, "hypothesis")  # noqa: PTH118


class FindingError(Exception):
    """A finding that fails an item; its text is the whole failure report."""


def _settings(config: pytest.Config) -> RunSettings:
    return config.stash.get(SETTINGS, None) or RunSettings()


class _Item(pytest.Item):
    """An item whose expected failures are shown as their message only."""

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,  # noqa: ANN401 - pytest's private style literal
    ) -> str | Any:  # noqa: ANN401
        """The pkgkit report for a finding; a short traceback only for a bug."""
        if isinstance(excinfo.value, FindingError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style="short")

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Location shown in the report header."""
        return self.path, None, self.nodeid


class PackageNode(pytest.Directory):
    """A package folder."""

    def repr_failure(  # type: ignore[override]  # pytest.Collector narrows it the same way
        self, excinfo: pytest.ExceptionInfo[BaseException]
    ) -> str | Any:  # noqa: ANN401
        """A broken configuration file is shown as its located problems."""
        from pkgkit.lint.config import ConfigError  # noqa: PLC0415

        if isinstance(excinfo.value, ConfigError):
            return f"pkgkit configuration error:\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        """Lint, the templates, the event test files."""
        from pkgkit.model.package import load_package  # noqa: PLC0415
        from pkgkit.testing.properties import load_template  # noqa: PLC0415

        package = load_package(str(self.path))
        config = _settings(self.config).config_for(str(self.path))
        with hypothesis_storage():
            _refuse_undrawable_variables(config)
        yield LintItem.from_parent(self, name="lint", package=package, package_config=config)
        for file in package.content:
            if not file.ok or file.text is None:
                continue
            template = load_template(file.relpath, file.kind, file.text, file.data)
            if template is not None:
                yield TemplateNode.from_parent(
                    self, path=self.path / file.relpath, template=template, package_config=config
                )
        for path in sorted((self.path / "tests").glob("*.y*ml")):
            yield EventTestFile.from_parent(self, path=path, package=package)


def _refuse_undrawable_variables(config: Config) -> None:
    """A declared schema no value can be drawn from is a configuration error (exit code 2)."""
    if not config.variables or config.source is None:
        return
    from pkgkit.lint.config import ConfigError  # noqa: PLC0415
    from pkgkit.testing.strategies import undrawable_reason  # noqa: PLC0415

    reasons = {name: undrawable_reason(schema) for name, schema in config.variables.items()}
    problems = [
        (_variable_line(config.source, name), f"variables.{name}: {reason}")
        for name, reason in reasons.items()
        if reason is not None
    ]
    if problems:
        raise ConfigError(config.source, problems)


def _variable_line(source: str, name: str) -> int:
    """The first line naming variable ``name`` from the ``variables`` key on (else that key's).

    A text search, as :mod:`pkgkit.lint.config` does for TOML registries (tomllib keeps no
    positions).
    """
    import re  # noqa: PLC0415

    from pkgkit.model.discovery import MAX_CONFIG_BYTES  # noqa: PLC0415
    from pkgkit.util.files import read_regular_file  # noqa: PLC0415

    try:
        text = read_regular_file(source, MAX_CONFIG_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return 1
    rows = text.splitlines()
    start = next((n for n, row in enumerate(rows) if "variables" in row), 0)
    named = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    tails = [rows[start].partition("variables")[2], *rows[start + 1 :]] if rows else []
    return start + 1 + next((n for n, row in enumerate(tails) if named.search(row)), 0)


class LintItem(_Item):
    """``pkgkit lint`` of the package: errors fail, warnings go to the summary."""

    def __init__(self, *, package: Package, package_config: Config, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(**kwargs)
        self.package = package
        self.lint_config = package_config

    def runtest(self) -> None:
        """Lint with the package's configuration."""
        from pkgkit.diagnostics import Severity  # noqa: PLC0415
        from pkgkit.lint.engine import (  # noqa: PLC0415
            LintReport,
            PackageResult,
            check_package,
            describe_rules,
        )
        from pkgkit.reporters import RULE_FORMATS, get_reporter  # noqa: PLC0415
        from pkgkit.reporters.text import format_diagnostic  # noqa: PLC0415

        diagnostics, crashes = check_package(self.package, self.lint_config)
        for diagnostic in diagnostics:
            if diagnostic.severity is not Severity.ERROR:
                warn(self.config, format_diagnostic(diagnostic))
        report = LintReport([PackageResult(self.package.name, self.package.root, diagnostics)])
        report.internal_errors.extend(crashes)
        if report.exit_code:
            stream = io.StringIO()
            report_format = _settings(self.config).report_format
            if report_format in RULE_FORMATS:
                describe_rules(report)
            get_reporter(report_format).render(report, stream)
            raise FindingError(stream.getvalue() + "".join(f"{c}\n" for c in crashes))


class TemplateNode(pytest.File):
    """A content file with placeholders: one item per property and render mode."""

    def __init__(self, *, template: Template, package_config: Config, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(**kwargs)
        self.template = template
        self.lint_config = package_config
        self._failing: dict[str, frozenset[str]] = {}

    def failing(self, mode: RenderMode, options: SearchOptions) -> frozenset[str]:
        """The properties some drawn example breaks in ``mode``: one draw for all of them in
        every mode checked, made by the first property item
        (:func:`pkgkit.testing.search.failing_properties`)."""
        if mode.name not in self._failing:
            from pkgkit.testing.properties import RENDER_MODES  # noqa: PLC0415
            from pkgkit.testing.search import failing_properties  # noqa: PLC0415

            modes = [RENDER_MODES[name] for name in self._mode_names()]
            self._failing = failing_properties(self.template, modes, self.declared, options)
        return self._failing[mode.name]

    @property
    def declared(self) -> Mapping[str, Any]:
        """Variable schemas of the package configuration."""
        return self.lint_config.variables

    def _mode_names(self) -> list[str]:
        """The render modes chosen (``--pkgkit-mode``)."""
        from pkgkit.testing.properties import RENDER_MODES  # noqa: PLC0415

        chosen = self.config.getoption("pkgkit_mode")
        return list(RENDER_MODES) if chosen == "both" else [chosen]

    def collect(self) -> Iterator[pytest.Item]:
        """``<property>[<mode>]`` items."""
        from pkgkit.testing.properties import PROPERTIES  # noqa: PLC0415

        for mode in self._mode_names():
            for prop in PROPERTIES:
                yield PropertyItem.from_parent(self, name=f"{prop}[{mode}]", prop=prop, mode=mode)


class PropertyItem(_Item):
    """One property of one template in one mode, searched with Hypothesis."""

    parent: TemplateNode

    def __init__(self, *, prop: str, mode: str, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(**kwargs)
        self.prop = prop
        self.mode = mode

    def runtest(self) -> None:
        """Search when the mode's draw broke the property; an error fails, a warning goes to the
        summary (fails under --strict)."""
        from pkgkit.testing.properties import RENDER_MODES  # noqa: PLC0415
        from pkgkit.testing.search import search  # noqa: PLC0415

        template = self.parent.template
        mode, options = RENDER_MODES[self.mode], self._options()
        with hypothesis_storage():
            if self.prop not in self.parent.failing(mode, options):
                return
            finding = search(template, mode, self.prop, self.parent.declared, options)
        if finding is None:
            return
        report = _package_relative(finding.report(), self.parent.path, template.relpath)
        if finding.is_error or self.parent.lint_config.strict:
            raise FindingError(report)
        warn(self.config, f"warning: {report}")

    def _options(self) -> SearchOptions:
        from pkgkit.testing.search import DEFAULT_MAX_EXAMPLES, SearchOptions  # noqa: PLC0415

        examples = self.config.getoption("pkgkit_max_examples")
        return SearchOptions(
            max_examples=DEFAULT_MAX_EXAMPLES if examples is None else examples,
            seed=self.config.getoption("pkgkit_seed"),
        )


def _package_relative(report: str, path: Path, relpath: str) -> str:
    """Name the file as the user sees it (relative to the working directory)."""
    import os  # noqa: PLC0415

    shown = os.path.relpath(path)
    return report.replace(relpath, shown if not shown.startswith("..") else str(path), 1)


class EventTestFile(pytest.File):
    """A ``tests/*.yaml`` file of event rule tests."""

    def __init__(self, *, package: Package, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(**kwargs)
        self.package = package

    def collect(self) -> Iterator[pytest.Item]:
        """One item for the whole file."""
        yield EventTestItem.from_parent(self, name="events", package=self.package)


class EventTestItem(_Item):
    """Evaluate the package's event rules over the file's series and compare expectations."""

    def __init__(self, *, package: Package, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(**kwargs)
        self.package = package

    def runtest(self) -> None:
        """Every mismatch and format error, located in the YAML file."""
        from pkgkit.testing.event_tests import run_test_file  # noqa: PLC0415

        problems = run_test_file(str(self.path), self.package)
        if problems:
            raise FindingError("\n".join(problems))
