"""Placeholders of the content files and the variables the README documents (TPL rules).

Instana's CLI renders the raw text of every content file before ``JSON.parse``, so placeholders
are found in the text, also of files that are not valid JSON (an unquoted placeholder makes them
so). Located by the file, so a byte-order mark does not shift the column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem
from pkgkit.model.positions import StringIndex, StringSpan
from pkgkit.model.variables import SetArgument, documented_variables

if TYPE_CHECKING:
    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.placeholders import MalformedPlaceholder, Placeholder
    from pkgkit.rules import RuleContext


@dataclass(frozen=True)
class Use:
    """A placeholder in one content file."""

    file: JsonFile
    placeholder: Placeholder


@dataclass(frozen=True)
class Malformed:
    """Placeholder-like text the CLI mishandles, in one content file."""

    file: JsonFile
    site: MalformedPlaceholder


def uses(ctx: RuleContext) -> list[Use]:
    """Every well-formed placeholder of every content file, in file order (computed once)."""
    result: list[Use] = ctx.shared("tpl.uses", lambda: list(_find_uses(ctx)))
    return result


def _find_uses(ctx: RuleContext) -> list[Use]:
    from pkgkit.placeholders import find_placeholders  # noqa: PLC0415 - keep start-up light

    return [
        Use(file, placeholder)
        for file, text in _templated(ctx)
        for placeholder in find_placeholders(text)
    ]


def _templated(ctx: RuleContext) -> list[tuple[JsonFile, str]]:
    """Content files whose text has ``{{``: no placeholder, well-formed or not, is without it."""
    return [
        (file, file.text)
        for file in ctx.package.content
        if file.text is not None and "{{" in file.text
    ]


def malformed(ctx: RuleContext) -> list[Malformed]:
    """Every malformed placeholder of every content file."""
    from pkgkit.placeholders import find_malformed_placeholders  # noqa: PLC0415

    return [
        Malformed(file, site)
        for file, text in _templated(ctx)
        for site in find_malformed_placeholders(text)
    ]


def variables(ctx: RuleContext) -> list[SetArgument] | None:
    """The README's ``--set`` arguments, or None without a README (computed once)."""
    readme = ctx.package.readme
    if readme is None:
        return None
    result: list[SetArgument] = ctx.shared("tpl.variables", lambda: documented_variables(readme))
    return result


def enclosing_string(ctx: RuleContext, use: Use) -> StringSpan | None:
    """The JSON string token that holds the whole placeholder, or None when it is outside one."""
    indexes: dict[str, StringIndex] = ctx.shared("tpl.strings", dict)
    index = indexes.get(use.file.relpath)
    if index is None:
        index = indexes[use.file.relpath] = StringIndex(use.file.text or "")
    return index.enclosing(use.placeholder.start, use.placeholder.end)


def at_offset(file: JsonFile, offset: int, message: str, hint: str | None) -> Problem:
    """A problem located at a character offset of a content file."""
    line, column = file.position(offset)
    return Problem(file, message, hint=hint, line=line, column=column)
