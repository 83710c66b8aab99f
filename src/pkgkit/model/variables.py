"""Template variables as the README documents them: ``--set name=value`` in its code blocks.

The README's import instructions show the ``stanctl-integration import`` command with one
``--set name=value`` per template variable. Every occurrence in any code block counts, located at
the ``--set`` in the README.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pkgkit.model.readme import Readme

#: What ends a variable name: white space too (``[^\s="']``).
_NAME_ENDS = "=\"'"


class SetArgument(NamedTuple):
    """One documented ``--set name=value`` and where it is in the README."""

    name: str
    value: str
    line: int
    column: int


def documented_variables(readme: Readme) -> list[SetArgument]:
    """Every ``--set name=value`` of the README's code blocks, in order."""
    found: list[SetArgument] = []
    for block in readme.code_blocks:
        if "--set" not in block.content:
            continue
        for start, end, name, value in set_arguments(block.content):
            line = block.line + block.content.count("\n", 0, start)
            column = _column(readme, line, block.content, start, end)
            found.append(SetArgument(name, value, line, column))
    return found


def set_arguments(text: str) -> Iterator[tuple[int, int, str, str]]:
    r"""``(start, end, name, value)`` of each ``--set name=value`` in ``text``.

    What ``re.finditer`` finds for ``--set(?:[ \t]+|=)[\"']?(?P<name>[^\s=\"']+)=(?P<value>\S*)``
    (``--set name=value``, ``--set=name=value`` or ``--set "name=value"``; the name is what the
    CLI splits off at ``=``), without compiling that pattern (~150 us). ``\s`` is
    :meth:`str.isspace`.
    """
    start = text.find("--set")
    while start >= 0:
        found = _set_argument_at(text, start)
        if found is None:
            start = text.find("--set", start + 1)
        else:
            yield found
            start = text.find("--set", found[1])


def _set_argument_at(text: str, start: int) -> tuple[int, int, str, str] | None:
    """The ``--set name=value`` at ``start`` (where ``--set`` is), or None."""
    index = start + len("--set")
    if text.startswith("=", index):
        index += 1
    else:
        index = _run_end(text, index, " \t".__contains__)
        if index == start + len("--set"):
            return None
    if text.startswith(('"', "'"), index):
        index += 1
    name_end = _run_end(text, index, lambda char: not char.isspace() and char not in _NAME_ENDS)
    if name_end == index or not text.startswith("=", name_end):
        return None
    end = _run_end(text, name_end + 1, lambda char: not char.isspace())
    return start, end, text[index:name_end], text[name_end + 1 : end]


def _run_end(text: str, index: int, accepts: Callable[[str], bool]) -> int:
    """Where the run of characters from ``index`` that ``accepts`` takes ends."""
    while index < len(text) and accepts(text[index]):
        index += 1
    return index


def _column(readme: Readme, line: int, content: str, start: int, end: int) -> int:
    """1-based column of the ``--set`` at ``content[start:end]`` in the README line.

    Code blocks may be indented: the argument is looked for in the README's line first.
    """
    raw = readme.lines[line - 1] if 0 < line <= len(readme.lines) else ""
    found = raw.find(content[start:end])
    if found >= 0:
        return found + 1
    return start - (content.rfind("\n", 0, start) + 1) + 1
