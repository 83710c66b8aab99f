"""The README's download or import command names another package than package.json.

Users copy the README's ``stanctl-integration download --package NAME`` and ``import --package
NAME`` commands. A NAME other than package.json's ``name`` (a README copied from a sibling
package) downloads and imports that other package. Every ``--package NAME`` (or
``--package=NAME``) in the README's code blocks is checked, located at the name; a trailing line
continuation ``\\`` is not part of it, and a name holding a shell variable (``$PACKAGE``) is left
alone. ``pkgkit docs`` writes package.json's name in their place.

Bad, in the README of ``@instana-integration/wxd-prestissimo``::

    $ stanctl-integration download --package @instana-integration/wxd-presto

Good::

    $ stanctl-integration download --package @instana-integration/wxd-prestissimo

Fix (safe): the name is replaced by package.json's name, the rest of the line kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Fix, Problem, Severity, TextEdit
from pkgkit.model.textedit import line_span
from pkgkit.rules._common import manifest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.model.readme import Readme
    from pkgkit.rules import RuleContext

CODE = "DOC008"
NAME = "readme-command-package"
SEVERITY = Severity.ERROR
SUMMARY = "The README's download or import command names another package than package.json"
FIX = "writes package.json's name in place of the other package's"

OPTION = "--package"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Every ``--package NAME`` of the README naming another package."""
    readme = ctx.package.readme
    file = manifest(ctx.package)
    name = file.data.get("name") if file is not None else None
    if readme is None or not isinstance(name, str) or not name.strip():
        return
    for line, column, named in misnamed(readme, name.strip()):
        yield Problem(
            readme,
            f"the README's command names package '{named}', but package.json names "
            f"'{name.strip()}'",
            hint=f"write --package {name.strip()}",
            line=line,
            column=column,
            fix=_fix(readme, line, column, named, name.strip()),
        )


def _fix(readme: Readme, line: int, column: int, named: str, name: str) -> Fix | None:
    """``named`` (at ``column`` of ``line``, after a quote perhaps) replaced by ``name``."""
    span = line_span(readme.text, line)
    if span is None:
        return None
    start = readme.text.find(named, span[0] + column - 1, span[1])
    if start < 0:
        return None
    return Fix(f"write '{name}'", (TextEdit(start, start + len(named), name),))


def misnamed(readme: Readme, name: str) -> Iterator[tuple[int, int, str]]:
    """``(line, column, name)`` of every ``--package NAME`` naming another package than
    ``name`` (a name holding a shell variable is left alone)."""
    for line, column, named in package_arguments(readme):
        if named != name and "$" not in named:
            yield line, column, named


def package_arguments(readme: Readme) -> Iterator[tuple[int, int, str]]:
    """``(line, column, name)`` of every ``--package NAME`` in the README's code blocks."""
    for block in readme.code_blocks:
        for offset, text in enumerate(block.content.split("\n")):
            line = block.line + offset
            raw = readme.lines[line - 1] if 0 < line <= len(readme.lines) else text
            for start, named in _arguments(raw):
                yield line, start + 1, named


def _arguments(text: str) -> Iterator[tuple[int, str]]:
    """``(index, name)`` of each ``--package NAME`` / ``--package=NAME`` in one line."""
    index = text.find(OPTION)
    while index >= 0:
        after = index + len(OPTION)
        rest = text[after:]
        if rest.startswith("="):
            start = after + 1
        elif rest[:1] in {" ", "\t"}:
            start = after + len(rest) - len(rest.lstrip(" \t"))
        else:
            start = -1
        if start >= 0:
            token = text[start:].split(maxsplit=1)[0] if text[start:].strip() else ""
            named = token.strip("\"'").removesuffix("\\").strip("\"'")
            if named:
                yield start, named
        index = text.find(OPTION, after)
