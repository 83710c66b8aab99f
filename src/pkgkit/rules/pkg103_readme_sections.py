"""README.md lacks a section every integration package documents.

An importer needs to know what the package brings and what it needs. Each content folder gets
its section (``Dashboards``, ``Events``, ``Entities``, ``Smart Alerts``), and every package
documents its ``Metrics`` with their ``Semantic Conventions`` and ``Resource Attributes``.
Headings are matched at any level, case-insensitively. The finding points at the title (line 1
when there is none): the place to start adding the section.

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

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "PKG103"
NAME = "readme-section"
SEVERITY = Severity.ERROR
SUMMARY = "README.md lacks a required section"

#: Content folder -> the section documenting it, and what the section holds.
FOLDER_SECTIONS: dict[str, tuple[str, str]] = {
    "dashboards": ("Dashboards", "a table of the dashboards: Dashboard Title | Description"),
    "events": ("Events", "a table of the events: Event Name | Description"),
    "entities": ("Entities", "a table of the custom entity types and what they show"),
    "smart-alerts": ("Smart Alerts", "a table of the smart alerts: Alert Name | Description"),
}
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
    """One problem per missing section, at the title."""
    readme = ctx.package.readme
    if readme is None:
        return
    line = readme.title.line if readme.title else 1
    for heading, hint in _required(ctx.package.folders).items():
        if not readme.find_sections(heading):
            yield Problem(
                readme, f"README.md has no '{heading}' section", hint=hint, line=line, column=1
            )


def _required(folders: set[str]) -> dict[str, str]:
    """The sections this package needs, in README order, with their hints."""
    required = {
        heading: f"add `## {heading}` with {what}"
        for folder, (heading, what) in FOLDER_SECTIONS.items()
        if folder in folders
    }
    return required | ALWAYS
