"""Placeholders as the Instana CLI finds them: ``{{ name }}`` and text that only looks like one.

The CLI rewrites every match of ``/{{\\s*(\\w+)\\s*}}/g`` in a content file's raw text (see
:mod:`pkgkit.render.renderer`, which renders them). This module only finds them, for the lint rules.
Offsets are character (code point) offsets into the text; lines and columns are 1-based.

The finders visit only the ``{{`` runs of a text: their regular expressions start with a literal
``{{``, which the regex engine looks for at C speed. Lines and columns are counted between the
offsets found, never for the whole text.
"""

# No `from __future__ import annotations` here: typing.NamedTuple checks each field's
# annotation when the class is made, and one held as text is compiled (docs/architecture.md,
# "Start-up and the per-package budget").

import re
from collections.abc import Iterable, Iterator
from typing import Final, NamedTuple

__all__ = [
    "JS_WS",
    "JS_WS_CLASS",
    "PLACEHOLDER",
    "MalformedPlaceholder",
    "Placeholder",
    "Site",
    "find_malformed_placeholders",
    "find_placeholders",
    "is_cli_literal",
    "scan",
    "sites",
]

# JavaScript's \s (ECMAScript WhiteSpace + LineTerminator): the characters, a class body, a class.
_JS_WS_CHARS: Final = (
    "\t\n\v\f\r \u00a0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
JS_WS_CLASS: Final = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
JS_WS: Final = f"[{JS_WS_CLASS}]"
# The same characters as JS_WS (Python's \s has U+001C-U+001F and U+0085 more, U+FEFF less),
# written so that the expressions below compile several times faster than with that class.
_JS_WS_FAST: Final = r"(?:[^\S\x1c-\x1f\x85]|\ufeff)"
_NAME: Final = "[A-Za-z0-9_]+"

#: The CLI's rewrite regex ``/{{\s*(\w+)\s*}}/g`` with JavaScript's character classes. Patterns
#: are compiled on first use (``re`` caches them): a package without ``{{`` needs none.
PLACEHOLDER: Final = r"\{\{" + _JS_WS_FAST + "*(" + _NAME + ")" + _JS_WS_FAST + r"*\}\}"

# A run of "{" (two or more), then the rest of a placeholder if one follows: (1) the braces beyond
# two, (2) the name, (3) the "}" beyond two. A PLACEHOLDER match with the braces around it, or
# a "{{" that opens no placeholder.
_OPENING: Final = (
    r"\{\{(\{*+)(?:" + _JS_WS_FAST + "*(" + _NAME + ")" + _JS_WS_FAST + r"*\}\}(\}*+))?"
)

_LITERAL_NAMES: Final = frozenset({"true", "false", "null", "undefined", "this"})


def is_cli_literal(name: str) -> bool:
    """Handlebars reads ``name`` as a literal or ``this``, so ``--set`` cannot fill it."""
    return name in _LITERAL_NAMES or name.isdigit()


class Placeholder(NamedTuple):
    """One placeholder the CLI substitutes: ``{{ name }}`` (or ``{{{ name }}}``, unescaped)."""

    name: str
    start: int
    end: int
    line: int
    column: int
    raw: str
    unescaped: bool = False

    @property
    def cli_literal(self) -> bool:
        """Handlebars reads the name as a literal or ``this``, so ``--set`` cannot fill it."""
        return is_cli_literal(self.name)


class MalformedPlaceholder(NamedTuple):
    """Text that looks like a placeholder but is not one the CLI substitutes cleanly."""

    start: int
    end: int
    line: int
    column: int
    raw: str
    reason: str


class Site:
    """A match of :data:`PLACEHOLDER` and the extra braces around it."""

    __slots__ = ("left", "match", "right")

    def __init__(self, match: re.Match[str], left: int, right: int) -> None:
        self.match = match
        self.left = left  # extra "{" directly before the match
        self.right = right  # extra "}" directly after the match

    @property
    def unescaped(self) -> bool:
        """``{{{ name }}}``: inserted without HTML escaping."""
        return self.left == 1 and self.right == 1

    @property
    def balanced(self) -> bool:
        """As many extra braces on each side (none, or one for ``{{{ name }}}``)."""
        return self.unescaped or (self.left == 0 and self.right == 0)

    @property
    def start(self) -> int:
        """Offset of the first brace."""
        return self.match.start() - self.left

    @property
    def end(self) -> int:
        """Offset after the last brace."""
        return self.match.end() + self.right


def _run(text: str, index: int, char: str, step: int) -> int:
    """How many ``char`` repeat from ``index`` going by ``step``."""
    count = 0
    while 0 <= index < len(text) and text[index] == char:
        count += 1
        index += step
    return count


def sites(text: str) -> Iterator[Site]:
    """Every match of :data:`PLACEHOLDER` in ``text``, balanced or not, in order."""
    for match in re.finditer(PLACEHOLDER, text):
        left = _run(text, match.start() - 1, "{", -1)
        right = _run(text, match.end(), "}", 1)
        yield Site(match, left, right)


def scan(text: str) -> tuple[list[tuple[str, int, int]], bool]:
    """``(name, start, end)`` of each placeholder :func:`find_placeholders` finds, and whether
    :func:`find_malformed_placeholders` finds nothing: what linting needs, without positions.
    """
    found: list[tuple[str, int, int]] = []
    clean = True
    for match in re.finditer(_OPENING, text):
        name, right = match.group(2, 3)
        start = match.start()
        left = match.end(1) - start - 2
        if name is not None and left == len(right) and left <= 1:
            found.append((name, start, match.end()))
            clean = clean and not (start and text[start - 1] == "\\")
        else:
            clean = False
    return found, clean


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder the CLI rewrites, in order (brace-unbalanced ones excluded)."""
    found, _ = scan(text)
    positions = _positions(text, [start for _, start, _ in found])
    return [
        Placeholder(name, start, end, line, column, text[start:end], text.startswith("{{{", start))
        for (name, start, end), (line, column) in zip(found, positions, strict=True)
    ]


def _positions(text: str, offsets: Iterable[int]) -> Iterator[tuple[int, int]]:
    """1-based line and column of each offset, in ascending order, counting only between them."""
    line, line_start, last = 1, 0, 0
    for offset in offsets:
        newlines = text.count("\n", last, offset)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", last, offset) + 1
        last = offset
        yield line, offset - line_start + 1


def find_malformed_placeholders(text: str) -> list[MalformedPlaceholder]:
    """Placeholder-like text the CLI mishandles: ``{{ x }``, ``{{x}}}``, ``{{ }}``, ``{{ a-b }}``.

    Also placeholders right after a backslash, which Handlebars treats as an escape.
    """
    spans = list(_malformed_spans(text))
    positions = _positions(text, [start for start, _, _ in spans])
    return [
        MalformedPlaceholder(start, end, line, column, text[start:end], reason)
        for (start, end, reason), (line, column) in zip(spans, positions, strict=True)
    ]


def _malformed_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, reason)`` of each malformed placeholder, in order.

    A ``{{`` run that opens no placeholder ends before the next ``{``, so the spans never overlap.
    """
    for match in re.finditer(_OPENING, text):
        if match.group(2) is None:
            yield match.start(), *_classify_opening(text, match.end())
        elif problem := _site_problem(text, match):
            yield match.start(), match.end(), problem


def _site_problem(text: str, match: re.Match[str]) -> str | None:
    """What is wrong with the placeholder of an :data:`_OPENING` match, if anything."""
    left, right = len(match.group(1)), len(match.group(3))
    if left > 1 or right > 1:
        return "too many braces: '{{{{' opens a Handlebars raw block, so the CLI fails"
    if left != right:
        return (
            "unbalanced braces: write '{{ name }}' (or '{{{ name }}}'); "
            "the CLI's Handlebars fails to parse this"
        )
    backslashes = _run(text, match.start() - 1, "\\", -1)
    if backslashes == 1:
        return (
            "a backslash before '{{' is a Handlebars escape: the CLI emits the mangled text "
            "'{{default name \"...' instead of substituting"
        )
    if backslashes > 1:
        return "Handlebars drops one of the backslashes before '{{' (in JSON: an invalid escape)"
    return None


def _classify_opening(text: str, body: int) -> tuple[int, str]:
    """End offset and reason for a ``{{`` starting no placeholder; ``body`` follows its braces."""
    stop = body
    while stop < len(text) and text[stop] not in '}\n"{':
        stop += 1
    if stop >= len(text) or text[stop] != "}":
        return stop, "'{{' is never closed by '}}'"
    closing = _run(text, stop, "}", 1)
    inner = text[body:stop]
    end = stop + closing
    if not inner.strip(_JS_WS_CHARS):
        return end, "empty placeholder: '{{ }}' has no name (the CLI's Handlebars fails to parse)"
    if closing == 1:
        return end, "missing '}': a placeholder ends with '}}'"
    return end, (
        f"'{inner.strip(_JS_WS_CHARS)}' is not a placeholder name (only ASCII letters, digits and "
        "'_'): the CLI does not substitute it and Handlebars evaluates it as an expression"
    )
