"""model.positions: pointers to offsets without recursion, and what json.loads forgives."""

import json

import pytest

from pkgkit.model.positions import (
    LineIndex,
    escape_pointer_token,
    parent_pointer,
    pointer_of,
    pointer_tokens,
    scan,
)

TEXT = """{
  "a/b": {"~x": [10, {"k": "v"}]},
  "s": "quote \\" and { [ , : inside",
  "e": [],
  "o": {},
  "n": -1.5e3
}"""


def _at(text, offset, length):
    return text[offset : offset + length]


def test_values_of_nested_pointers_start_where_the_value_starts():
    values = scan(TEXT).values
    assert _at(TEXT, values[""], 1) == "{"
    assert _at(TEXT, values["/a~1b"], 1) == "{"
    assert _at(TEXT, values["/a~1b/~0x"], 1) == "["
    assert _at(TEXT, values["/a~1b/~0x/0"], 2) == "10"
    assert _at(TEXT, values["/a~1b/~0x/1/k"], 3) == '"v"'
    assert _at(TEXT, values["/s"], 7) == '"quote '
    assert _at(TEXT, values["/e"], 2) == "[]"
    assert _at(TEXT, values["/o"], 2) == "{}"
    assert _at(TEXT, values["/n"], 6) == "-1.5e3"


def test_keys_are_located_at_their_opening_quote():
    keys = scan(TEXT).keys
    assert _at(TEXT, keys["/a~1b"], 5) == '"a/b"'
    assert _at(TEXT, keys["/a~1b/~0x"], 4) == '"~x"'
    assert "/s" in keys
    assert "/a~1b/~0x/0" not in keys


def test_every_pointer_of_a_document_is_located():
    data = json.loads(TEXT)
    expected = {""}

    def walk(value, path):
        for key, child in value.items() if isinstance(value, dict) else enumerate(value):
            pointer = pointer_of([*path, key])
            expected.add(pointer)
            if isinstance(child, dict | list):
                walk(child, [*path, key])

    walk(data, [])
    assert set(scan(TEXT).values) == expected


def test_duplicate_keys_are_listed_at_the_repetition_and_the_first_key_kept():
    text = '{"a": 1, "b": {"a": 2, "a": 3}, "a": 4}'
    result = scan(text)
    assert result.duplicate_keys == [("/b/a", text.index('"a": 3')), ("/a", text.rindex('"a"'))]
    assert result.keys["/a"] == 1
    assert result.values["/a"] == text.index("1")


def test_non_finite_constants_are_listed():
    text = '{"x": [NaN, Infinity, -Infinity], "y": "NaN"}'
    assert [pointer for pointer, _ in scan(text).constants] == ["/x/0", "/x/1", "/x/2"]


def test_deep_documents_scan_without_recursion():
    depth = 3_000  # deeper than json.loads (and so any file the scanner is asked about) goes
    result = scan("[" * depth + "]" * depth)
    assert len(result.values) == depth
    assert result.values["/0" * (depth - 1)] == depth - 1


@pytest.mark.parametrize(
    ("path", "pointer"),
    [((), ""), (("a/b", 0, "~"), "/a~1b/0/~0"), (("",), "/"), (("~1",), "/~01")],
)
def test_pointer_of_escapes_tokens(path, pointer):
    assert pointer_of(path) == pointer


def test_escape_and_parent():
    assert escape_pointer_token("a~/b") == "a~0~1b"
    assert parent_pointer("/a/b") == "/a"
    assert parent_pointer("/a") == ""
    assert parent_pointer("") == ""


def test_line_index_positions_and_offsets_round_trip():
    text = "ab\n\ncd\n"
    index = LineIndex(text)
    assert [index.position(i) for i in range(len(text))] == [
        (1, 1), (1, 2), (1, 3), (2, 1), (3, 1), (3, 2), (3, 3),
    ]  # fmt: skip
    assert all(index.offset(*index.position(i)) == i for i in range(len(text)))


def test_pointer_tokens_unescape_what_pointer_of_escapes():
    assert pointer_of(["a/b", "~x", 0]) == "/a~1b/~0x/0"
    assert pointer_tokens("/a~1b/~0x/0") == ["a/b", "~x", "0"]
    assert pointer_tokens("/~01") == ["~1"]  # ~0 is unescaped last (RFC 6901)
    assert pointer_tokens("") == []
