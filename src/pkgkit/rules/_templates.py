"""Placeholders of the content files and the variables the README documents (TPL rules).

Instana's CLI renders the raw text of every content file before ``JSON.parse``, so placeholders
are found in the text, also of files that are not valid JSON (an unquoted placeholder makes them
so). Located by the file, so a byte-order mark does not shift the column.

Each file is scanned once for all five rules: its placeholders, where each sits in the JSON text
(outside strings, in a string, in a member name), and its malformed placeholders, which are
looked for in detail only when the scan saw one.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from pkgkit.diagnostics import Fix, Problem
from pkgkit.model.variables import SetArgument, documented_variables

if TYPE_CHECKING:
    from typing import Final

    from pkgkit.model.jsonfile import JsonFile
    from pkgkit.model.placeholders import MalformedPlaceholder
    from pkgkit.rules import RuleContext

#: Where a placeholder sits in a file's JSON text: outside every string token, in a string token,
#: in a string token that is a member name.
OUTSIDE: Final = "outside"
STRING: Final = "string"
KEY: Final = "key"


class Use:
    """A placeholder in one content file."""

    __slots__ = ("cli_literal", "end", "file", "name", "start", "where")

    def __init__(  # noqa: PLR0917 - built in one place, from a scanned placeholder
        self, file: JsonFile, name: str, start: int, end: int, where: str, cli_literal: bool
    ) -> None:
        self.file = file
        self.name = name
        self.start = start
        self.end = end
        self.where = where  # OUTSIDE, STRING or KEY
        self.cli_literal = cli_literal  # a name Handlebars reads as a literal: --set cannot fill it

    @property
    def raw(self) -> str:
        """The placeholder as written."""
        return (self.file.text or "")[self.start : self.end]


class Malformed:
    """Placeholder-like text the CLI mishandles, in one content file."""

    __slots__ = ("file", "site")

    def __init__(self, file: JsonFile, site: MalformedPlaceholder) -> None:
        self.file = file
        self.site = site


def uses(ctx: RuleContext) -> list[Use]:
    """Every well-formed placeholder of every content file, in file order."""
    return _scanned(ctx)[0]


def malformed(ctx: RuleContext) -> list[Malformed]:
    """Every malformed placeholder of every content file."""
    return _scanned(ctx)[1]


def _scanned(ctx: RuleContext) -> tuple[list[Use], list[Malformed]]:
    """Uses and malformed placeholders of the package (computed once)."""
    result: tuple[list[Use], list[Malformed]] = ctx.shared("tpl.scan", lambda: _scan(ctx))
    return result


def _scan(ctx: RuleContext) -> tuple[list[Use], list[Malformed]]:
    from pkgkit.model.placeholders import (  # noqa: PLC0415 - keep start-up light
        find_malformed_placeholders,
        is_cli_literal,
        scan,
    )

    found: list[Use] = []
    bad: list[Malformed] = []
    for file in ctx.package.content:
        text = file.text
        if text is None or "{{" not in text:
            continue  # no placeholder, well-formed or not, is without "{{"
        placeholders, clean = scan(text)
        where = place_in_json if file.ok else place
        found += [
            Use(file, name, start, end, where(text, start, end), is_cli_literal(name))
            for name, start, end in placeholders
        ]
        if not clean:
            bad += [Malformed(file, site) for site in find_malformed_placeholders(text)]
    return found, bad


def place(text: str, start: int, end: int) -> str:
    """Where ``text[start:end]`` sits: :data:`OUTSIDE`, :data:`STRING` or :data:`KEY`."""
    return quick_place(text, start, end) or exact_place(text, start, end)


def place_in_json(text: str, start: int, end: int) -> str:
    """:func:`place` in a text that parsed as JSON: there, every ``{{`` is in a string token.

    (Outside strings a ``{`` is followed by ``"`` or ``}``.) A string holds no line break, so
    without a backslash before the next quote that quote closes the string, and a ``:`` after it
    makes it a member name; with one, the token scan answers.
    """
    close = text.find('"', end)
    if close < 0 or text.find("\\", end, close) >= 0:
        return exact_place(text, start, end)
    return KEY if _member_colon().match(text, close + 1) else STRING


def quick_place(text: str, start: int, end: int) -> str | None:
    """:func:`exact_place` from a few searches of the line, or None when they cannot tell.

    Without backslashes, the quotes of a line pair up from its start (a string token never spans
    lines): after an even number the placeholder is outside; after an odd one it is in the string
    the next quote closes, unless a backslash or a line end comes first (then None).
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text.find("\\", line_start, start) >= 0:
        return None
    if not text.count('"', line_start, start) % 2:
        return OUTSIDE
    close = text.find('"', end)
    if close < 0 or text.find("\n", start, close) >= 0 or text.find("\\", end, close) >= 0:
        return None
    return KEY if _member_colon().match(text, close + 1) else STRING


def exact_place(text: str, start: int, end: int) -> str:
    """Where ``text[start:end]`` sits, by the string tokens of the line of ``start``.

    Tokens are found as a scan from the top of the text would, skipping what is not a string (an
    unquoted placeholder, a quote that starts no string on its line): a token never spans lines,
    so the line alone has the same ones. A string directly followed by ``:`` is a member name.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    tokens = _string_token().finditer(text, line_start, len(text) if line_end < 0 else line_end)
    for token in tokens:
        if token.start() > start:
            break
        if end < token.end():
            return KEY if _member_colon().match(text, token.end()) else STRING
    return OUTSIDE


@functools.cache
def _string_token() -> re.Pattern[str]:
    return re.compile(r'"(?:[^"\\\n]|\\.)*"')


@functools.cache
def _member_colon() -> re.Pattern[str]:
    """JSON white space, then a colon: what follows a member name."""
    return re.compile(r"[ \t\n\r]*:")


def variables(ctx: RuleContext) -> list[SetArgument] | None:
    """The README's ``--set`` arguments, or None without a README (computed once)."""
    readme = ctx.package.readme
    if readme is None:
        return None
    result: list[SetArgument] = ctx.shared("tpl.variables", lambda: documented_variables(readme))
    return result


def at_offset(
    file: JsonFile, offset: int, message: str, hint: str | None, fix: Fix | None = None
) -> Problem:
    """A problem located at a character offset of a content file."""
    line, column = file.position(offset)
    return Problem(file, message, hint=hint, line=line, column=column, fix=fix)
