"""The README documents a template variable no JSON file uses.

Every ``--set name=value`` in the README's import command asks users for a value. One that no
``{{ name }}`` of the package uses is a leftover of a removed placeholder or a misspelt name (the
real placeholder is then reported by TPL001). Located at the ``--set`` in the README; the hint
names the closest variable the files use.

Bad, when no JSON file contains ``{{ serviceinstanceid }}``::

    $ stanctl-integration import --package @instana-integration/go \\
      --set servicename=$SERVICE_NAME \\
      --set serviceinstanceid=$SERVICE_INSTANCE_ID

Good::

    $ stanctl-integration import --package @instana-integration/go \\
      --set servicename=$SERVICE_NAME
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._templates import uses, variables
from pkgkit.util.suggest import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "TPL002"
NAME = "unused-variable"
SEVERITY = Severity.WARNING
SUMMARY = "A --set variable of the README's import command is used by no JSON file"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every documented ``--set`` whose name no placeholder uses."""
    documented = variables(ctx)
    readme = ctx.package.readme
    if not documented or readme is None:
        return
    used = list(dict.fromkeys(use.name for use in uses(ctx) if not use.cli_literal))
    for argument in documented:
        if argument.name in used:
            continue
        yield Problem(
            readme,
            f"the README documents '--set {argument.name}=...' but no JSON file uses "
            f"'{{{{ {argument.name} }}}}'",
            hint=did_you_mean(argument.name, used) or "remove it from the import command",
            line=argument.line,
            column=argument.column,
        )
