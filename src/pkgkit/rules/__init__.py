"""The rule registry: every module in this package that defines ``CODE`` is a rule.

Rules are collected by walking the package, so adding a rule is adding a file. A rule module
defines ``CODE``, ``NAME``, ``SEVERITY``, ``SUMMARY``, a module docstring that is its
documentation (with a bad and a good example), and ``check(ctx)`` yielding
:class:`~pkgkit.diagnostics.Problem` values.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pkgkit.config import Config
    from pkgkit.diagnostics import Problem, Severity
    from pkgkit.model.package import Package


@dataclass
class RuleContext:
    """What a rule's ``check`` reads: the package and the effective configuration.

    ``cache`` lets rules share derived views of the package (metric references, documented
    conventions) that are computed once per package.
    """

    package: Package
    config: Config
    cache: dict[str, Any] = field(default_factory=dict)

    def shared(self, key: str, compute: Callable[[], Any]) -> Any:  # noqa: ANN401
        """Compute a derived view once per package and hand the same object to every rule."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


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


@functools.cache
def all_rules() -> tuple[RuleModule, ...]:
    """Every rule, sorted by code."""
    rules: list[RuleModule] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "CODE"):
            rules.append(module)
    return tuple(sorted(rules, key=lambda rule: rule.CODE))


def rule_doc(rule: RuleModule) -> str:
    """The rule's documentation: its module docstring, dedented."""
    import inspect  # noqa: PLC0415 - only `pkgkit rules` needs it

    return inspect.cleandoc(rule.__doc__ or rule.SUMMARY)
