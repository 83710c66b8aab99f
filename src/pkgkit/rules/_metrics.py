"""Derived metric views shared by the MET rules (not a rule: the registry skips ``_`` modules).

Each view is computed once per package through :meth:`RuleContext.shared`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from pkgkit.model.conventions import (
    Catalogue,
    CatalogueMetric,
    Conventions,
    DocumentedMetric,
    load_catalogue,
    normalize_instrument,
    readme_conventions,
    unit_class,
)
from pkgkit.model.metrics import (
    MetricReference,
    References,
    TagReference,
    package_references,
)
from pkgkit.suggest import closest, normalize_name

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pkgkit.rules import RuleContext


def _references(ctx: RuleContext) -> References:
    """Metric and tag references, found in one walk of each document."""
    compute = lambda: package_references(ctx.package)  # noqa: E731
    return cast("References", ctx.shared("references", compute))


def references(ctx: RuleContext) -> list[MetricReference]:
    """Every metric reference of the package."""
    return _references(ctx).metrics


def tags(ctx: RuleContext) -> list[TagReference]:
    """Every tag-filter / group-by name that names an attribute."""
    return _references(ctx).tags


def catalogue(ctx: RuleContext) -> Catalogue:
    """Built-in catalogue plus the configured registries."""
    return cast(
        "Catalogue",
        ctx.shared("catalogue", lambda: load_catalogue(ctx.package.root, ctx.config.registries)),
    )


def conventions(ctx: RuleContext) -> Conventions:
    """What the README documents."""
    return cast(
        "Conventions",
        ctx.shared(
            "conventions", lambda: readme_conventions(ctx.package.readme, catalogue(ctx).scopes)
        ),
    )


@dataclass(frozen=True)
class Facts:
    """What is known about a metric: its README row and its catalogue entry."""

    documented: DocumentedMetric | None
    emitted: CatalogueMetric | None

    @property
    def unit(self) -> str | None:
        """Unit class: the README's when it is known, else the catalogue's."""
        documented = unit_class(self.documented.unit) if self.documented else None
        if documented is None and self.emitted is not None:
            return unit_class(self.emitted.unit)
        return documented

    @property
    def instrument(self) -> str | None:
        """Normalised instrument: the README's when known, else the catalogue's."""
        documented = normalize_instrument(self.documented.instrument) if self.documented else None
        if documented is None and self.emitted is not None:
            return normalize_instrument(self.emitted.instrument)
        return documented


def facts(ctx: RuleContext, reference: MetricReference) -> Facts:
    """The README row and catalogue entry of a (non-pattern) reference."""
    name = reference.metric.name
    documented = conventions(ctx).lookup(name)
    scope = reference.metric.scope or (documented.scope if documented else None)
    known = catalogue(ctx)
    emitted = known.find(name, scope) if scope in known.scopes else None
    return Facts(documented, emitted)


def named(ctx: RuleContext) -> list[MetricReference]:
    """References that name one metric (patterns excluded)."""
    return [r for r in references(ctx) if not r.metric.pattern]


def metric_hint(name: str, candidates: Iterable[str]) -> str | None:
    """``did you mean 'x'?`` for a metric name, only when the names differ in more than a prefix.

    :func:`pkgkit.suggest.closest` scores whole names, so two metrics of one namespace
    (``process.runtime.go.cpu.time``, ``process.runtime.go.goroutines``) look alike through their
    shared prefix; here the parts after the shared prefix must be alike too.
    """
    match = closest(name, candidates)
    if match is None:
        return None
    if normalize_name(match) != normalize_name(name):
        ours, theirs = _tail(name, match), _tail(match, name)
        if difflib.SequenceMatcher(None, ours, theirs).ratio() < _TAIL_CUTOFF:
            return None
    return f"did you mean '{match}'?"


_TAIL_CUTOFF = 0.6


def _tail(name: str, other: str) -> str:
    """``name`` without the dotted segments it shares with ``other`` at the start."""
    ours, theirs = normalize_name(name).split("."), normalize_name(other).split(".")
    shared = 0
    while shared < min(len(ours), len(theirs)) - 1 and ours[shared] == theirs[shared]:
        shared += 1
    return ".".join(ours[shared:])
