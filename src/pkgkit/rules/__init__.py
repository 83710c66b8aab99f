"""The rule registry: every module in this package that defines ``CODE`` is a rule.

Rules are collected by walking the package, so adding a rule is adding a file. A rule module
defines ``CODE``, ``NAME``, ``SEVERITY``, ``SUMMARY``, a module docstring that is its
documentation (with a bad and a good example), and ``check(ctx)`` yielding
:class:`~pkgkit.diagnostics.Problem` values.
"""

from __future__ import annotations

import functools
import importlib
import importlib.machinery
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any, Protocol

    from pkgkit.diagnostics import Problem, Severity
    from pkgkit.model.package import Package

    class RuleConfig(Protocol):
        """What rules read of the effective configuration (:class:`pkgkit.lint.config.Config`
        has it all; rules do not import the pipeline that runs them)."""

        @property
        def strict(self) -> bool:
            """Strictness warnings are errors."""
            ...

        @property
        def registries(self) -> tuple[str, ...]:
            """Semantic-convention registry files of the package (package-relative)."""
            ...

        @property
        def source(self) -> str | None:
            """The configuration file the options were read from (None: no file)."""
            ...

        @property
        def registry_lines(self) -> dict[str, int]:
            """Line in ``source`` naming each registry."""
            ...

        def is_enabled(self, code: str) -> bool:
            """Whether the rule ``code`` runs."""
            ...

    class RuleModule(Protocol):
        """The shape of a rule module."""

        CODE: str
        NAME: str
        SEVERITY: Severity
        SUMMARY: str
        __doc__: str | None

        def check(self, ctx: RuleContext) -> Iterator[Problem]:
            """Yield the problems of one package."""
            ...


class RuleContext:
    """What a rule's ``check`` reads: the package and the effective configuration.

    ``cache`` lets rules share derived views of the package (metric references, documented
    conventions) that are computed once per package.
    """

    __slots__ = ("cache", "config", "package")

    def __init__(
        self, package: Package, config: RuleConfig, cache: dict[str, Any] | None = None
    ) -> None:
        self.package = package
        self.config = config
        self.cache: dict[str, Any] = {} if cache is None else cache

    def shared(self, key: str, compute: Callable[[], Any]) -> Any:  # noqa: ANN401
        """Compute a derived view once per package and hand the same object to every rule."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


@functools.cache
def all_rules() -> tuple[RuleModule, ...]:
    """Every rule, sorted by code."""
    rules: list[RuleModule] = []
    for name in _module_names(__path__):
        if name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{name}")
        if hasattr(module, "CODE"):
            rules.append(module)
    return tuple(sorted(rules, key=lambda rule: rule.CODE))


def _module_names(path: Iterable[str]) -> list[str]:
    """The module files of a package's ``path``, named as ``pkgutil.iter_modules`` names them.

    A folder is listed here: pkgutil's folder walk imports :mod:`inspect` (about 10 ms, with
    ast, dis and tokenize). Any other kind of path entry (a zip) is left to pkgutil. Rules are
    modules, never sub-packages.
    """
    names: dict[str, None] = {}
    for entry in path:
        try:
            with os.scandir(entry) as found:
                filenames = sorted(item.name for item in found if not item.is_dir())
        except OSError:
            import pkgutil  # noqa: PLC0415

            names.update((info.name, None) for info in pkgutil.iter_modules([entry]))
            continue
        for filename in filenames:
            suffix = _module_suffix(filename)
            if suffix is not None and filename != f"__init__{suffix}":
                names.setdefault(filename.removesuffix(suffix), None)
    return list(names)


def _module_suffix(filename: str) -> str | None:
    """The longest of ``importlib.machinery.all_suffixes()`` that ends ``filename``, or None."""
    suffixes = sorted(importlib.machinery.all_suffixes(), key=len, reverse=True)
    return next((s for s in suffixes if filename.endswith(s)), None)


def rule_doc(rule: RuleModule) -> str:
    """The rule's documentation: its module docstring, dedented."""
    import inspect  # noqa: PLC0415 - only `pkgkit rules` needs it

    return inspect.cleandoc(rule.__doc__ or rule.SUMMARY)
