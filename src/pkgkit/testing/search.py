"""Search the variable space of a template for a counterexample to one property, and judge it.

Hypothesis draws assignments (:func:`pkgkit.testing.strategies.assignments`), shrinks the first
failure to a minimal one, and :func:`search` returns it as a :class:`Finding`. Runs are
deterministic (``derandomize``) unless a seed is given; nothing is stored on disk.

Severity: in ``json-safe`` mode every counterexample is an error. In ``instana`` mode the CLI's
breakages are known, so a counterexample is a warning, unless a variable that causes it on its
own (see :func:`pkgkit.testing.properties.culprits`) has a declared schema: the package then
promises that value is acceptable, and it is an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from pkgkit.testing.properties import PROPERTIES, RenderMode, Template, Violation, culprits

if TYPE_CHECKING:
    from pkgkit.testing.properties import Check, Values

#: Examples per (file, property, mode) by default: ``pkgkit test fixtures/go`` stays fast.
DEFAULT_MAX_EXAMPLES: Final = 40


@dataclass(frozen=True)
class SearchOptions:
    """How hard and how reproducibly to search."""

    max_examples: int = DEFAULT_MAX_EXAMPLES
    seed: int | None = None


@dataclass(frozen=True)
class Finding:
    """A minimal counterexample to one property of one template in one mode."""

    template: Template
    mode: RenderMode
    violation: Violation
    values: dict[str, str]
    culprits: tuple[str, ...]
    is_error: bool

    def report(self) -> str:
        """Several lines: where, which property, the minimal values, what went wrong."""
        prop = self.violation.prop
        site = self.violation.site
        where = self.template.relpath + (f":{site.line}:{site.column}" if site else "")
        lines = [
            f"{where}: property {prop!r} ({PROPERTIES[prop][0]}) fails in {self.mode.name} mode",
        ]
        if site is not None:
            lines.append(f"  placeholder: {site.describe()}")
        lines.append(f"  minimal counterexample: {_assignment(self.values, self.template)}")
        lines.append(f"  {self.violation.message}")
        return "\n".join(lines)


def _assignment(values: Mapping[str, str], template: Template) -> str:
    given = [f"{name}={value!r}" for name, value in values.items()]
    unset = [name for name in template.variables if name not in values]
    return ", ".join(given + ([f"unset: {', '.join(unset)}"] if unset else [])) or "(all unset)"


class _Counterexample(Exception):  # noqa: N818 - control flow, never shown
    def __init__(self, values: dict[str, str], violation: Violation) -> None:
        super().__init__(violation.message)
        self.values = values
        self.violation = violation


def search(
    template: Template,
    mode: RenderMode,
    prop: str,
    declared: Mapping[str, Mapping[str, Any]],
    options: SearchOptions,
) -> Finding | None:
    """The minimal counterexample to ``prop``, or None when none was found.

    In ``instana`` mode the declared variables are searched first, alone (the others unset): a
    warning about an undeclared variable must not hide an error about a declared one.
    """
    check = PROPERTIES[prop][1]
    for names in _name_sets(template, mode, declared):
        found = _search(template, mode, check, declared, options, names=names)
        if found is not None:
            return _judge(template, mode, found, declared)
    return None


def failing_properties(
    template: Template,
    modes: Sequence[RenderMode],
    declared: Mapping[str, Mapping[str, Any]],
    options: SearchOptions,
) -> dict[str, frozenset[str]]:
    """By mode name: the properties :func:`search` finds a counterexample to in that mode, found
    in one draw for all of them.

    Each search of a template draws the same examples (derandomized, or the same seed, the same
    test function and the same variables) up to its first counterexample, which it then
    shrinks. Here every property is checked on each of those examples, in every mode that
    searches those variables, and none is shrunk: a property none of them breaks in a mode is
    one whose own search finds nothing there, and only the others need :func:`search` (for
    their minimal counterexample). Nothing fails the draw itself, so what it draws does not
    depend on the modes: the same results for one draw instead of one per property and mode.
    """
    failing: dict[str, set[str]] = {mode.name: set() for mode in modes}
    searched: dict[tuple[str, ...], list[RenderMode]] = {}  # variables -> modes searching them
    for mode in modes:
        for names in _name_sets(template, mode, declared):
            searched.setdefault(tuple(names), []).append(mode)

    def check_all(modes: list[RenderMode]) -> Check:
        def every_property(template: Template, _mode: RenderMode, values: Values) -> None:
            for mode in modes:
                found = failing[mode.name]
                for prop, (_, check) in PROPERTIES.items():
                    if prop not in found and check(template, mode, values) is not None:
                        found.add(prop)

        return every_property

    for variables, searching in searched.items():
        _search(template, searching[0], check_all(searching), declared, options, names=[*variables])
    return {name: frozenset(found) for name, found in failing.items()}


def _name_sets(
    template: Template, mode: RenderMode, declared: Mapping[str, Mapping[str, Any]]
) -> list[list[str]]:
    """The variables searched, in turn: in ``instana`` mode the declared ones first (when some
    are not), then all."""
    names = template.variables
    own = [name for name in names if name in declared]
    if mode.name == "instana" and own and len(own) < len(names):
        return [own, names]
    return [names]


def _search(
    template: Template,
    mode: RenderMode,
    check: Check,
    declared: Mapping[str, Mapping[str, Any]],
    options: SearchOptions,
    *,
    names: list[str],
) -> _Counterexample | None:
    """Hypothesis's minimal counterexample to ``check`` (shrunk), or None.

    ``probe`` is the test function whatever the check: under ``derandomize`` its source decides
    the examples drawn, so every check of a template and mode sees the same ones. No explain
    phase: it would trace every run after the first failure (and try more) to annotate a
    Hypothesis report pkgkit never shows.
    """
    from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: PLC0415 - runner only

    from pkgkit.testing.strategies import assignments  # noqa: PLC0415

    def probe(values: dict[str, str]) -> None:
        violation = check(template, mode, values)
        if violation is not None:
            raise _Counterexample(values, violation)

    test = settings(
        max_examples=options.max_examples,
        derandomize=options.seed is None,
        database=None,
        deadline=None,
        report_multiple_bugs=False,
        print_blob=False,
        phases=[phase for phase in Phase if phase is not Phase.explain],
        suppress_health_check=list(HealthCheck),
    )(given(assignments(names, declared))(probe))
    if options.seed is not None:
        test = seed(options.seed)(test)
    try:
        test()
    except _Counterexample as found:
        return found
    return None


def _judge(
    template: Template,
    mode: RenderMode,
    found: _Counterexample,
    declared: Mapping[str, Mapping[str, Any]],
) -> Finding:
    check = PROPERTIES[found.violation.prop][1]
    names = tuple(culprits(check, template, mode, found.values))
    is_error = mode.name != "instana" or any(name in declared for name in names)
    return Finding(template, mode, found.violation, found.values, names, is_error)
