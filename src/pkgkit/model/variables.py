"""Template variables as the README documents them: ``--set name=value`` in its code blocks.

The README's import instructions show the ``stanctl-integration import`` command with one
``--set name=value`` per template variable. Every occurrence in any code block counts, located at
the ``--set`` in the README.
"""

# No `from __future__ import annotations` here: typing.NamedTuple checks each field's
# annotation when the class is made, and one held as text is compiled (docs/architecture.md,
# "Start-up and the per-package budget").

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pkgkit.model.readme import Readme

#: ``--set name=value``, ``--set=name=value`` or ``--set "name=value"``; the name is what the CLI
#: splits off at ``=``. Compiled on first use (``re`` caches it): only code blocks with ``--set``.
_SET_ARGUMENT = r"--set(?:[ \t]+|=)[\"']?(?P<name>[^\s=\"']+)=(?P<value>\S*)"


class SetArgument(NamedTuple):
    """One documented ``--set name=value`` and where it is in the README."""

    name: str
    value: str
    line: int
    column: int


def documented_variables(readme: "Readme") -> list[SetArgument]:
    """Every ``--set name=value`` of the README's code blocks, in order."""
    found: list[SetArgument] = []
    for block in readme.code_blocks:
        if "--set" not in block.content:
            continue
        for match in re.finditer(_SET_ARGUMENT, block.content):
            index = block.content.count("\n", 0, match.start())
            line = block.line + index
            found.append(
                SetArgument(match["name"], match["value"], line, _column(readme, line, match))
            )
    return found


def set_arguments(text: str) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, name, value)`` of each ``--set name=value`` in ``text``."""
    for match in re.finditer(_SET_ARGUMENT, text):
        yield match.start(), match.end(), match["name"], match["value"]


def _column(readme: "Readme", line: int, match: re.Match[str]) -> int:
    """1-based column of ``--set`` in the README line (code blocks may be indented)."""
    raw = readme.lines[line - 1] if 0 < line <= len(readme.lines) else ""
    found = raw.find(match.group())
    if found >= 0:
        return found + 1
    return match.start() - (match.string.rfind("\n", 0, match.start()) + 1) + 1
