"""README.md lacks a section every integration package documents.

An importer needs to know what the package brings and what it needs. Each content folder gets
its section (``Dashboards``, ``Events``, ``Entities``, ``Smart Alerts``), and every package
documents its ``Metrics`` with their ``Semantic Conventions`` and ``Resource Attributes``.
Headings are matched at any level, case-insensitively; a content folder's section may also be
headed otherwise with the kind's word (``## Dashboard``, ``## Custom Events``, ``## Entity
Types``). The finding points at the title (line 1 when there is none): the place to start
adding the section.

Bad (a package with dashboards/ and events/)::

    # @instana-integration/go

    ## Dashboards

Good::

    # @instana-integration/go
    ## Dashboards
    ## Metrics
    ### Semantic Conventions
    ### Resource Attributes
    ## Events
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._listing import DASHBOARDS, ENTITIES, EVENTS, listing_sections

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.readme import Readme
    from pkgkit.rules import RuleContext
    from pkgkit.rules._listing import Listing

CODE = "PKG103"
NAME = "readme-section"
SEVERITY = Severity.WARNING
SUMMARY = "README.md lacks a required section"

#: Content folder -> the section documenting it, and what the section holds.
FOLDER_SECTIONS: dict[str, tuple[str, str]] = {
    "dashboards": ("Dashboards", "a table of the dashboards: Dashboard Title | Description"),
    "events": ("Events", "a table of the events: Event Name | Description"),
    "entities": ("Entities", "a table of the custom entity types and what they show"),
    "smart-alerts": ("Smart Alerts", "a table of the smart alerts: Alert Name | Description"),
}
#: Sections read as a content folder's also when headed otherwise with the kind's word.
LISTINGS: dict[str, Listing] = {
    listing.section: listing for listing in (DASHBOARDS, EVENTS, ENTITIES)
}
METRICS = "Metrics"
#: Sections every package needs, and their hint.
ALWAYS: dict[str, str] = {
    "Metrics": "add `## Metrics` describing where the package's metrics come from",
    "Semantic Conventions": (
        "add `### Semantic Conventions` under `## Metrics`: a table of the metrics used "
        "(Metric Name | Description | Unit | ...)"
    ),
    "Resource Attributes": (
        "add `### Resource Attributes` under `## Metrics`: a table of the resource attributes "
        "used (Attribute Key | Type | Description)"
    ),
}


def check(ctx: RuleContext) -> Iterator[Problem]:
    """One problem per missing section, at the title; a README with none of the metrics
    sections gets one problem for the three."""
    readme = ctx.package.readme
    if readme is None:
        return
    line = readme.title.line if readme.title else 1
    missing = {
        heading: hint
        for heading, hint in _required(ctx.package.folders).items()
        if not _has_section(readme, heading)
    }
    no_metrics = set(ALWAYS) <= set(missing)
    for heading, hint in missing.items():
        message = f"README.md has no '{heading}' section"
        if no_metrics and heading in ALWAYS:
            if heading != METRICS:
                continue
            message += " (nor 'Semantic Conventions' or 'Resource Attributes')"
        yield Problem(
            readme,
            message,
            hint=NO_METRICS_HINT if no_metrics and heading == METRICS else hint,
            line=line,
            column=1,
        )


def _required(folders: set[str]) -> dict[str, str]:
    """The sections this package needs, in README order, with their hints."""
    required = {
        heading: f"add `## {heading}` with {what}"
        for folder, (heading, what) in FOLDER_SECTIONS.items()
        if folder in folders
    }
    return required | ALWAYS
#: The hint when the README has none of the sections of ALWAYS.
NO_METRICS_HINT = (
    "add `## Metrics` with `### Semantic Conventions` (a table of the metrics used: Metric Name "
    "| Description | Unit | ...) and `### Resource Attributes` (Attribute Key | Type | "
    "Description)"
)


def _has_section(readme: Readme, heading: str) -> bool:
    listing = LISTINGS.get(heading)
    if listing is not None:
        return bool(listing_sections(readme, listing))
    return bool(readme.find_sections(heading))
