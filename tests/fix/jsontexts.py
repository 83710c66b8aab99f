"""Hypothesis strategies for JSON documents as text: numbers spelt every way JSON allows (long,
exponent forms, beyond a double), strings with escapes, lone surrogates and non-ASCII, keys
that JavaScript orders first, and white space between tokens."""

from __future__ import annotations

import json
import random
import re
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

#: Numbers that JavaScript prints differently from how they are written, or that sit at the
#: edges of a double: the same value when printed...
SAME_VALUE_NUMBERS = [
    "0", "-0", "0.0", "-0.0", "1.0", "1E3", "1e+21", "1e21", "1e20", "1e-7", "1e-6", "1.5e-7",
    "0.000001", "123e-20", "9007199254740992", "5e-324", "1.7976931348623157e308", "4294967295",
    "100", "1.50", "-12.500e-2", "1152921504606847000", "1e-07", "-1.5E+300",
]  # fmt: skip
#: ... and another value.
OTHER_VALUE_NUMBERS = [
    "9007199254740993", "12345678901234567890", "0.10000000000000001",
    "0.1000000000000000055511151231257827", "1e400", "-1e400", "1e-400", "2e-324",
    "1.7976931348623159e308", "1152921504606846976",
]  # fmt: skip
EDGE_NUMBERS = SAME_VALUE_NUMBERS + OTHER_VALUE_NUMBERS

_digits = st.text("0123456789", min_size=1, max_size=25)


def _decimal_literal(sign: str, whole: str, fraction: str, exponent: str) -> str:
    whole = whole.lstrip("0") or "0"
    return f"{sign}{whole}{fraction}{exponent}"


numbers = st.one_of(
    st.sampled_from(EDGE_NUMBERS),
    st.integers().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.builds(
        _decimal_literal,
        st.sampled_from(["", "-"]),
        _digits,
        st.one_of(st.just(""), _digits.map(lambda digits: f".{digits}")),
        st.one_of(
            st.just(""),
            st.builds(
                "{}{}{}".format,
                st.sampled_from("eE"),
                st.sampled_from(["", "+", "-"]),
                st.integers(0, 400).map(str),
            ),
        ),
    ),
)

#: Two surrogates that would be read back as one character: a generated string never holds them.
_PAIRED = re.compile("[\ud800-\udbff][\udc00-\udfff]")

#: Any code point, lone surrogates included (they can only be written as escapes).
code_points = st.integers(0, 0x10FFFF).map(chr)
strings = (
    st.lists(
        st.one_of(code_points, st.sampled_from('"\\/\b\f\n\r\t\x00\x1f\x7f\u2028é😀\ud800\udc00')),
        max_size=12,
    )
    .map("".join)
    .filter(lambda text: not _PAIRED.search(text))
)
keys = st.one_of(
    strings,
    st.sampled_from(["0", "1", "2", "10", "01", "-1", "4294967294", "4294967295", "__proto__"]),
)


class Num:
    """A number literal in a generated tree."""

    def __init__(self, text: str) -> None:
        self.text = text


scalars = st.one_of(st.none(), st.booleans(), numbers.map(Num), strings)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.lists(st.tuples(keys, children), max_size=5).map(
            dict  # keys drawn twice are kept once: documents stay valid
        ),
    ),
    max_leaves=12,
)

_SPACES = ["", "", " ", "\n", "  ", "\t", "\r\n", "\n    "]


def write_string(text: str, chance: random.Random) -> str:
    """``text`` as a JSON string, each character written as itself or as an escape."""
    out = ['"']
    for char in text:
        point = ord(char)
        if char in '"\\' or point < 0x20 or 0xD800 <= point <= 0xDFFF or chance.random() < 0.3:
            if point > 0xFFFF:
                out.append(json.dumps(char)[1:-1])  # a surrogate pair of escapes
            else:
                out.append(chance.choice([f"\\u{point:04x}", f"\\u{point:04X}"]))
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def write(value: object, chance: random.Random) -> str:
    """A generated tree as JSON text, white space and escapes chosen by ``chance``."""
    space = chance.choice(_SPACES)
    if isinstance(value, Num):
        return f"{space}{value.text}"
    if isinstance(value, str):
        return space + write_string(value, chance)
    if isinstance(value, dict):
        members = [
            f"{write_string(k, chance)}{chance.choice(_SPACES)}:{write(v, chance)}"
            for k, v in value.items()
        ]
        return f"{space}{{{','.join(members)}{chance.choice(_SPACES)}}}"
    if isinstance(value, list):
        return f"{space}[{','.join(write(item, chance) for item in value)}{chance.choice(_SPACES)}]"
    return space + json.dumps(value)


documents = st.builds(
    lambda tree, chance: write(tree, chance) + chance.choice(_SPACES),
    trees,
    st.randoms(use_true_random=False),
)


def exact(text: str) -> Any:
    """The document as exact values: numbers as Decimal, objects as lists of pairs in order."""
    return json.loads(
        text, parse_float=Decimal, parse_int=Decimal, object_pairs_hook=lambda pairs: pairs
    )


def _javascript_order(pairs: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Pairs in JavaScript's key order, written here independently of the code under test."""

    def index(key: str) -> int | None:
        if key == "0" or (key.isascii() and key.isdigit() and key[0] != "0"):
            return int(key) if int(key) < 2**32 - 1 else None
        return None

    ordered = sorted((i, n) for n, (k, _) in enumerate(pairs) if (i := index(k)) is not None)
    return [pairs[n] for _, n in ordered] + [p for p in pairs if index(p[0]) is None]


def in_javascript_order(value: object) -> object:
    """An :func:`exact` value with each object's pairs in JavaScript's key order."""
    if isinstance(value, list) and all(isinstance(p, tuple) for p in value) and value:
        return [(k, in_javascript_order(v)) for k, v in _javascript_order(value)]
    if isinstance(value, list):
        return [in_javascript_order(v) for v in value]
    return value
