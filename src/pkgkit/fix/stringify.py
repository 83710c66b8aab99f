"""``JSON.stringify(value, null, 2)``, character for character, in Python.

What Instana's export writes: JavaScript's number printing (the shortest digits that read back
as the same double, ``1e+21`` and ``1e-7`` exponent forms, ``-0`` as ``0``, ``1.0`` as ``1``),
its string escaping (only ``"``, ``\\``, control characters and lone surrogates; everything else
as it is), and its key order (keys that are array indexes first, in ascending numeric order, then
the others in the order they were written). Values are what ``json.loads`` gives plus
:class:`NumberLiteral`, a number as written in a file (:func:`number_loss` says whether
JavaScript reads it as written).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import TYPE_CHECKING, cast

from pkgkit.util.output import abridged

if TYPE_CHECKING:
    from collections.abc import Iterator


class NumberLiteral:
    """A JSON number as written (``1.50``, ``-0``, ``1E3``): what JavaScript reads it as is
    the double nearest to it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"NumberLiteral({self.text!r})"

    def javascript(self) -> str:
        """How ``JSON.stringify`` prints the number ``JSON.parse`` reads from the literal."""
        return number_text(float(self.text))


def number_loss(literal: str) -> str | None:
    """How JavaScript changes the number written as ``literal``, or None when it prints the
    same value (``1.0`` as ``1``, ``1E3`` as ``1000``, ``-0`` as ``0`` are the same value).

    ``12345678901234567890`` reads as ``12345678901234567000``, ``0.10000000000000001`` as
    ``0.1``, ``1e400`` as Infinity (written as ``null``).
    """
    printed = number_text(float(literal))
    if printed == literal:
        return None
    if printed == "null":
        return f"JavaScript reads {abridged(literal)} as Infinity and JSON.stringify writes null"
    if Decimal(printed) == Decimal(literal):
        return None
    return f"JavaScript reads {abridged(literal)} as {printed}"


def number_text(value: float) -> str:
    """ECMAScript's Number::toString of ``value`` (``null`` for NaN and infinities, as
    ``JSON.stringify`` writes them)."""
    if not math.isfinite(value):
        return "null"
    if value == 0:
        return "0"
    digits, point = _shortest_digits(abs(value))
    sign = "-" if value < 0 else ""
    count = len(digits)
    if count <= point <= 21:
        return f"{sign}{digits}{'0' * (point - count)}"
    if 0 < point <= 21:
        return f"{sign}{digits[:point]}.{digits[point:]}"
    if -6 < point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    exponent = point - 1
    mantissa = digits if count == 1 else f"{digits[0]}.{digits[1:]}"
    return f"{sign}{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"


def _shortest_digits(value: float) -> tuple[str, int]:
    """The shortest digits that read back as ``value`` (> 0) and where the decimal point goes:
    ``value == 0.<digits> * 10**point``.

    Python's ``repr`` picks the same digits as JavaScript: the fewest that round-trip, and of
    those the closest to the value.
    """
    mantissa, _, exponent = repr(value).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    point = len(whole) + int(exponent or 0)
    significant = digits.lstrip("0")
    point -= len(digits) - len(significant)
    return significant.rstrip("0"), point


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}
#: What JSON.stringify escapes: quote, backslash, control characters, and surrogates not in a
#: pair (a high surrogate followed by a low one is one character to JavaScript).
_ESCAPED = re.compile('["\\\\\x00-\x1f]|[\ud800-\udbff][\udc00-\udfff]?|[\udc00-\udfff]')


def quote(text: str) -> str:
    """``JSON.stringify`` of a string (ES2019's well-formed stringify)."""
    return f'"{_ESCAPED.sub(_escape, text)}"'


def _escape(match: re.Match[str]) -> str:
    found = match.group()
    if len(found) == 2:  # a surrogate pair: the character it encodes
        return chr(0x10000 + ((ord(found[0]) - 0xD800) << 10) + ord(found[1]) - 0xDC00)
    return _ESCAPES.get(found) or f"\\u{ord(found):04x}"


def javascript_key_order(keys: list[str]) -> list[str]:
    """The order JavaScript lists an object's keys in: array indexes (``"0"`` to
    ``"4294967294"``, no sign or leading zero) ascending, then the rest as written."""
    indexes = [key for key in keys if _is_array_index(key)]
    if not indexes:
        return keys
    indexes.sort(key=int)
    return indexes + [key for key in keys if not _is_array_index(key)]


def _is_array_index(key: str) -> bool:
    return (
        key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") and int(key) < 0xFFFF_FFFF
    )


_CONSTANTS = {None: "null", True: "true", False: "false"}


def _scalar(value: object) -> str:
    if value is None or isinstance(value, bool):
        return _CONSTANTS[value]
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, NumberLiteral):
        return value.javascript()
    if isinstance(value, int):
        try:
            return number_text(float(value))
        except OverflowError:  # larger than any double: Infinity to JavaScript
            return "null"
    if isinstance(value, float):
        return number_text(value)
    message = f"not a JSON value: {type(value).__name__}"
    raise TypeError(message)


_END = object()


def stringify(value: object, indent: str = "  ") -> str:
    """``JSON.stringify(value, null, indent)`` for a JSON value (no recursion: any depth)."""
    parts: list[str] = []
    #: Open containers: their remaining members, closing bracket, the indent of their line.
    stack: list[tuple[Iterator[tuple[str | None, object]], str, str]] = []
    first = _open(value, "", parts, stack)
    while stack:
        members, closing, outer = stack[-1]
        member = next(members, _END)
        if member is _END:
            parts.append(f"\n{outer}{closing}")
            stack.pop()
            first = False
            continue
        key, child = cast("tuple[str | None, object]", member)
        inner = outer + indent
        separator = "\n" if first else ",\n"
        parts.append(f"{separator}{inner}" if key is None else f"{separator}{inner}{quote(key)}: ")
        first = _open(child, inner, parts, stack)
    return "".join(parts)


def _open(
    value: object,
    outer: str,
    parts: list[str],
    stack: list[tuple[Iterator[tuple[str | None, object]], str, str]],
) -> bool:
    """Write a scalar or an empty container, or open a container; True when one was opened
    (its first member comes next)."""
    if isinstance(value, dict):
        if not value:
            parts.append("{}")
            return False
        order = javascript_key_order(list(value))
        parts.append("{")
        stack.append((((key, value[key]) for key in order), "}", outer))
        return True
    if isinstance(value, list):
        if not value:
            parts.append("[]")
            return False
        parts.append("[")
        stack.append((((None, item) for item in value), "]", outer))
        return True
    parts.append(_scalar(value))
    return False
