"""Placeholders as the Instana CLI finds them: ``{{ name }}`` and text that only looks like one.

The CLI rewrites every match of ``/{{\\s*(\\w+)\\s*}}/g`` in a content file's raw text (see
:mod:`pkgkit.render`, which renders them). This module only finds them, for the lint rules, and
compiles one regular expression. Offsets are character (code point) offsets into the text; lines
and columns are 1-based.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from pkgkit.model.positions import LineIndex

__all__ = [
    "JS_WS",
    "JS_WS_CLASS",
    "PLACEHOLDER_RE",
    "MalformedPlaceholder",
    "Placeholder",
    "Site",
    "find_malformed_placeholders",
    "find_placeholders",
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
_NAME: Final = "[A-Za-z0-9_]+"

#: The CLI's rewrite regex ``/{{\s*(\w+)\s*}}/g`` with JavaScript's character classes.
PLACEHOLDER_RE: Final = re.compile(r"\{\{" + JS_WS + "*(" + _NAME + ")" + JS_WS + r"*\}\}")

_LITERAL_NAMES: Final = frozenset({"true", "false", "null", "undefined", "this"})


@dataclass(frozen=True, slots=True)
class Placeholder:
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
        return self.name in _LITERAL_NAMES or self.name.isdigit()


@dataclass(frozen=True, slots=True)
class MalformedPlaceholder:
    """Text that looks like a placeholder but is not one the CLI substitutes cleanly."""

    start: int
    end: int
    line: int
    column: int
    raw: str
    reason: str


@dataclass(frozen=True, slots=True)
class Site:
    """A match of :data:`PLACEHOLDER_RE` and the extra braces around it."""

    match: re.Match[str]
    left: int  # extra "{" directly before the match
    right: int  # extra "}" directly after the match

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
    """Every match of :data:`PLACEHOLDER_RE` in ``text``, balanced or not, in order."""
    for match in PLACEHOLDER_RE.finditer(text):
        left = _run(text, match.start() - 1, "{", -1)
        right = _run(text, match.end(), "}", 1)
        yield Site(match, left, right)


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder the CLI rewrites, in order (brace-unbalanced ones excluded)."""
    lines = LineIndex(text)
    found = []
    for site in sites(text):
        if not site.balanced:
            continue
        start, end = (site.start, site.end) if site.unescaped else site.match.span()
        line, column = lines.position(start)
        found.append(
            Placeholder(
                site.match.group(1), start, end, line, column, text[start:end], site.unescaped
            )
        )
    return found


def find_malformed_placeholders(text: str) -> list[MalformedPlaceholder]:
    """Placeholder-like text the CLI mishandles: ``{{ x }``, ``{{x}}}``, ``{{ }}``, ``{{ a-b }}``.

    Also placeholders right after a backslash, which Handlebars treats as an escape.
    """
    lines = LineIndex(text)
    spans: list[tuple[int, int, str]] = []
    covered: list[tuple[int, int]] = []
    for site in sites(text):
        covered.append((site.start, site.end))
        reason = _site_problem(text, site)
        if reason:
            spans.append((site.start, site.end, reason))
    spans.extend(_stray_openings(text, covered))
    spans.sort()
    result = []
    for start, end, reason in spans:
        line, column = lines.position(start)
        result.append(MalformedPlaceholder(start, end, line, column, text[start:end], reason))
    return result


def _site_problem(text: str, site: Site) -> str | None:
    if site.left > 1 or site.right > 1:
        return "too many braces: '{{{{' opens a Handlebars raw block, so the CLI fails"
    if not site.balanced:
        return (
            "unbalanced braces: write '{{ name }}' (or '{{{ name }}}'); "
            "the CLI's Handlebars fails to parse this"
        )
    backslashes = _run(text, site.start - 1, "\\", -1)
    if backslashes == 1:
        return (
            "a backslash before '{{' is a Handlebars escape: the CLI emits the mangled text "
            "'{{default name \"...' instead of substituting"
        )
    if backslashes > 1:
        return "Handlebars drops one of the backslashes before '{{' (in JSON: an invalid escape)"
    return None


def _stray_openings(text: str, covered: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """``{{`` runs that start no placeholder."""
    starts = [start for start, _ in covered]
    index = text.find("{{")
    while index >= 0:
        slot = bisect.bisect_right(starts, index) - 1
        if slot >= 0 and index < covered[slot][1]:
            index = text.find("{{", covered[slot][1])
            continue
        body = index + _run(text, index, "{", 1)
        end, reason = _classify_opening(text, body)
        yield index, end, reason
        index = text.find("{{", max(end, body))


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
