"""A template variable is used in a JSON file but not documented in the README.

Placeholders ``{{ name }}`` are filled at import time from ``--set name=value``. A variable the
README's import command does not show is one users cannot know to set: the CLI then leaves the
text ``{{ name }}`` in the dashboard or event, and filters match nothing. Reported once per file
and variable, at its first use; the hint names the closest documented variable.

Bad, when the README's import command has only ``--set servicename=$SERVICE_NAME``::

    {"name": "otel.attribute.service.instance.id", "value": "{{ serviceinstanceid }}"}

Good::

    $ stanctl-integration import --package @instana-integration/go \\
      --set servicename=$SERVICE_NAME \\
      --set serviceinstanceid=$SERVICE_INSTANCE_ID

Fix (unsafe): when a documented variable is the likely spelling, every placeholder of the
variable in the file is renamed to it (a guess: the README may be the one to change).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Fix, Severity, TextEdit
from pkgkit.rules._templates import Use, at_offset, uses, variables
from pkgkit.util.suggest import closest, did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.diagnostics import Problem
    from pkgkit.rules import RuleContext

CODE = "TPL001"
NAME = "undocumented-variable"
SEVERITY = Severity.ERROR
SUMMARY = "A {{ variable }} used in a JSON file has no --set in the README's import command"
FIX = "renames the file's placeholders of the variable to the documented one it means (unsafe)"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """The first use, per file, of each variable the README does not document."""
    documented = variables(ctx)
    if documented is None:
        return  # a missing README is reported on its own
    names = [argument.name for argument in documented]
    known = set(names)
    groups: dict[tuple[str, str], list[Use]] = {}
    for use in uses(ctx):
        if use.name not in known and not use.cli_literal:
            groups.setdefault((use.file.relpath, use.name), []).append(use)
    for (_, name), group in groups.items():
        first = group[0]
        times = f" (used {len(group)} times in this file)" if len(group) > 1 else ""
        yield at_offset(
            first.file,
            first.start,
            f"template variable '{name}' is not documented in the README's import command{times}",
            _hint(name, names),
            _fix(group, closest(name, names)),
        )


def _fix(group: list[Use], match: str | None) -> Fix | None:
    """Each placeholder of ``group`` naming ``match`` instead (a guess: unsafe)."""
    if match is None:
        return None
    edits = []
    for use in group:
        raw = use.raw
        if raw.count(use.name) != 1:
            return None
        edits.append(TextEdit(use.start, use.end, raw.replace(use.name, match)))
    return Fix(f"write '{{{{ {match} }}}}'", tuple(edits), safe=False)


def _hint(name: str, documented: list[str]) -> str:
    """The closest documented name when there is one, and how to document this one."""
    add = f"add '--set {name}=<value>' to the README's import command"
    suggestion = did_you_mean(name, documented)
    return f"{suggestion} If not, {add}" if suggestion else add
