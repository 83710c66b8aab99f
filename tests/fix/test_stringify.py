"""pkgkit.fix.stringify: JSON.stringify(value, null, 2), character for character."""

from __future__ import annotations

import json
import math
import sys

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pkgkit.fix.stringify import (
    NumberLiteral,
    javascript_key_order,
    number_loss,
    number_text,
    quote,
    stringify,
)


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (0.0, "0"),
        (-0.0, "0"),
        (1.0, "1"),
        (-1.5, "-1.5"),
        (100.0, "100"),
        (1e16, "10000000000000000"),
        (1e20, "100000000000000000000"),
        (1e21, "1e+21"),
        (1.5e21, "1.5e+21"),
        (1e-6, "0.000001"),
        (1.234e-6, "0.000001234"),
        (1e-7, "1e-7"),
        (1.5e-7, "1.5e-7"),
        (123e-20, "1.23e-18"),
        (0.1 + 0.2, "0.30000000000000004"),
        (2.0**53 + 2, "9007199254740994"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (-1.5e300, "-1.5e+300"),
        (math.inf, "null"),
        (-math.inf, "null"),
        (math.nan, "null"),
    ],
)
def test_numbers_print_as_javascript_prints_them(value: float, printed: str) -> None:
    assert number_text(value) == printed


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_printed_number_reads_back_as_the_same_double(value: float) -> None:
    assert float(number_text(value)) == value


@pytest.mark.parametrize("literal", ["1.0", "1E3", "1e+3", "-0", "-0.0", "0.0e10", "1.50", "100"])
def test_numbers_printed_with_the_same_value_lose_nothing(literal: str) -> None:
    assert number_loss(literal) is None


@pytest.mark.parametrize(
    ("literal", "loss"),
    [
        ("12345678901234567890", "JavaScript reads 12345678901234567890 as 12345678901234567000"),
        ("9007199254740993", "JavaScript reads 9007199254740993 as 9007199254740992"),
        ("0.10000000000000001", "JavaScript reads 0.10000000000000001 as 0.1"),
        ("1e-400", "JavaScript reads 1e-400 as 0"),
        ("1e400", "JavaScript reads 1e400 as Infinity and JSON.stringify writes null"),
        ("-1e400", "JavaScript reads -1e400 as Infinity and JSON.stringify writes null"),
    ],
)
def test_numbers_javascript_reads_as_another_value_are_a_loss(literal: str, loss: str) -> None:
    assert number_loss(literal) == loss


def test_large_integers_lose_nothing_only_when_javascript_prints_their_digits() -> None:
    # 2**60 is a double, but JavaScript prints the shortest digits that read back as it.
    assert NumberLiteral(str(2**60)).javascript() == "1152921504606847000"
    assert number_loss(str(2**60)) == (
        "JavaScript reads 1152921504606846976 as 1152921504606847000"
    )
    assert number_loss("1152921504606847000") is None
    assert number_loss("1" + "0" * 21) is None  # printed as 1e+21: the same value


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash/", '"back\\\\slash/"'),
        ("\b\f\n\r\t", '"\\b\\f\\n\\r\\t"'),
        ("\x00\x01\x1f", '"\\u0000\\u0001\\u001f"'),
        ("\x7f é ü 中 \u2028\u2029 😀", '"\x7f é ü 中 \u2028\u2029 😀"'),
        ("\ud800", '"\\ud800"'),
        ("a\udc00b", '"a\\udc00b"'),
        ("\udbff\ud800", '"\\udbff\\ud800"'),
        ("\ud83d\ude00", '"😀"'),  # a pair is one character to JavaScript
        ("\ude00\ud83d", '"\\ude00\\ud83d"'),
    ],
)
def test_strings_are_escaped_as_json_stringify_escapes_them(text: str, quoted: str) -> None:
    assert quote(text) == quoted


@given(st.text())
def test_a_quoted_string_reads_back_as_itself(text: str) -> None:
    assert json.loads(quote(text)) == text


def test_array_index_keys_come_first_in_ascending_order() -> None:
    keys = ["b", "10", "2", "01", "-1", "4294967295", "4294967294", "a", "0", "\u0661"]
    assert javascript_key_order(keys) == [
        "0", "2", "10", "4294967294", "b", "01", "-1", "4294967295", "a", "\u0661",
    ]  # fmt: skip


def test_stringify_indents_by_two_and_writes_empty_containers_short() -> None:
    value = {"b": [1, {}, []], "a": {"x": None, "y": [True, False]}, "": "z"}
    assert stringify(value) == (
        '{\n  "b": [\n    1,\n    {},\n    []\n  ],\n  "a": {\n    "x": null,\n'
        '    "y": [\n      true,\n      false\n    ]\n  },\n  "": "z"\n}'
    )
    assert stringify([]) == "[]"
    assert stringify("x") == '"x"'
    assert stringify(NumberLiteral("1.50")) == "1.5"


def test_python_numbers_are_read_as_javascript_reads_them() -> None:
    assert stringify([2**53 + 1, 10**400, 1e21]) == ("[\n  9007199254740992,\n  null,\n  1e+21\n]")


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(),
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_stringify_is_json_dumps_with_an_indent_of_two_where_python_agrees(value: object) -> None:
    """Where Python's json writes what JavaScript writes (integers, ASCII-safe strings, no
    array-index keys) the two agree exactly."""
    assume(not _has_index_key(value))
    assert stringify(value) == json.dumps(value, indent=2, ensure_ascii=False)


def _has_index_key(value: object) -> bool:
    if isinstance(value, dict):
        return javascript_key_order(list(value)) != list(value) or any(
            _has_index_key(v) for v in value.values()
        )
    if isinstance(value, list):
        return any(_has_index_key(v) for v in value)
    return False


def test_any_depth_without_recursion() -> None:
    depth = sys.getrecursionlimit() * 3
    value: object = []
    for _ in range(depth):
        value = [value]
    opening = "".join(f"[\n{'  ' * (level + 1)}" for level in range(depth))
    closing = "".join(f"\n{'  ' * level}]" for level in range(depth - 1, -1, -1))
    assert stringify(value) == f"{opening}[]{closing}"
