"""model.positions: pointers to offsets without recursion, and what json.loads forgives."""

import json
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pkgkit.model.jsonfile import JsonFile
from pkgkit.model.positions import (
    Positions,
    escape_pointer_token,
    line_column,
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


@pytest.mark.parametrize("digits", [sys.get_int_max_str_digits(), 5_000])
def test_values_after_an_integer_too_long_for_int_are_located(digits):
    """Locating /b skips the value of /a (at and past int()'s limit): found by the fuzz test,
    a rule's finding after such a number crashed the rule."""
    text = '{"a": [' + "9" * digits + '], "b": 1}'
    assert Positions(text).value_offset("/b") == digits + 15


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
    assert parent_pointer("a") == ""  # not a pointer: no ancestor but the root (no endless loop)


def test_line_column_of_offsets():
    text = "ab\n\ncd\n"
    assert [line_column(text, i) for i in range(len(text) + 1)] == [
        (1, 1), (1, 2), (1, 3), (2, 1), (3, 1), (3, 2), (3, 3), (4, 1),
    ]  # fmt: skip


def test_pointer_tokens_unescape_what_pointer_of_escapes():
    assert pointer_of(["a/b", "~x", 0]) == "/a~1b/~0x/0"
    assert pointer_tokens("/a~1b/~0x/0") == ["a/b", "~x", "0"]
    assert pointer_tokens("/~01") == ["~1"]  # ~0 is unescaped last (RFC 6901)
    assert pointer_tokens("") == []


# ---------------------------------------------------------------------------- Positions

#: JSON texts of member names: escapes, unicode, pointer syntax, and one name written two ways
#: (``"a"`` and ``"\u0061"``).
KEY_TEXTS = ['"a"', '"\\u0061"', '"b"', '"a/b"', '"~"', '"~1"', '"0"', '"é"', '"\\u00e9"', '""']
KEY_TEXTS += ['"\\"q"', '"1"', '"\U0001f600"', '"\\ud83d\\ude00"']
SPACE = st.sampled_from(["", " ", "\n  ", "\t", "\r\n"])
#: Scalars, strings with escapes, unicode and JSON punctuation among them.
SCALARS = st.sampled_from(
    ["null", "true", "false", "NaN", "-Infinity", "0", "-1.5e3", "12", '""', '"x"', '"é"']
)
SCALARS |= st.sampled_from(
    ['"\\u00e9"', '"\\n\\t"', '"{[,:]}"', '"\\\\"', '"\\""', '"\U0001f600 ~/"']
)


def _containers(*, repeat_keys):
    def extend(children):
        members = st.tuples(st.sampled_from(KEY_TEXTS), SPACE, children)
        unique = None if repeat_keys else (lambda member: json.loads(member[0]))
        objects = st.lists(members, max_size=4, unique_by=unique).map(
            lambda items: "{" + ",".join(f"{s}{k}{s}:{s}{v}{s}" for k, s, v in items) + "}"
        )
        elements = st.tuples(SPACE, children).map(lambda item: item[0] + item[1] + item[0])
        arrays = st.lists(elements, max_size=4).map(lambda items: "[" + ",".join(items) + "]")
        return objects | arrays

    return extend


def _documents(*, repeat_keys):
    values = st.recursive(SCALARS, _containers(repeat_keys=repeat_keys), max_leaves=10)
    return st.tuples(SPACE, values, SPACE).map("".join)


#: Reference tokens a pointer may hold besides those of the document: ones no scan records.
OTHER_TOKENS = st.sampled_from(["", "a", "~0", "~1", "~2", "01", "-", "5", "é", "a~1b", "x"])


@st.composite
def documents_and_pointers(draw, *, repeat_keys):
    text = draw(_documents(repeat_keys=repeat_keys))
    recorded = scan(text)
    known = sorted({*recorded.values, *recorded.keys})
    pointers = draw(st.lists(st.sampled_from(known), min_size=1, max_size=8))
    others = draw(st.lists(OTHER_TOKENS, min_size=3, max_size=3))
    extended = [pointers[0] + "/" + others[0], others[1], "/" + others[1] + "/" + others[2]]
    return text, recorded, [*pointers, *extended]


#: Generating a document takes a while on a busy machine; that is not a problem of the test.
PATIENT = settings(suppress_health_check=[HealthCheck.too_slow])


@PATIENT
@given(documents_and_pointers(repeat_keys=False))
def test_positions_equal_a_full_scans(case):
    text, recorded, pointers = case
    positions = Positions(text)
    for pointer in pointers:
        assert positions.value_offset(pointer) == recorded.values.get(pointer), pointer
        assert positions.key_offset(pointer) == recorded.keys.get(pointer), pointer


@PATIENT
@given(documents_and_pointers(repeat_keys=True))
def test_a_file_locates_pointers_as_a_full_scan_does(case):
    """Files with duplicate keys included (they are located from the full scan)."""
    text, recorded, pointers = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.json"
        path.write_text(text, encoding="utf-8")
        file = JsonFile(str(path), "f.json", "event")
        for pointer in pointers:
            located = pointer
            while located not in recorded.values and located:
                located = parent_pointer(located)
            expected = line_column(text, recorded.values.get(located, 0))
            assert file.locate(pointer) == expected, pointer
            key = recorded.keys.get(pointer)
            assert file.locate_key(pointer) == (expected if key is None else line_column(text, key))


def test_positions_read_containers_only_up_to_the_members_asked_for():
    text = '{"small": {"x": 1, "y": 2}, "big": [' + ",".join(['{"k": "v"}'] * 1000) + "]}"
    positions = Positions(text)
    assert positions.value_offset("/small/x") == text.index("1")
    assert positions.key_offset("/big") == text.index('"big"')
    assert positions.value_offset("/big/2/k") == text.index('"v"', text.index("[")) + 22
    assert sorted(positions._containers) == [0, 10, text.index("["), text.index("[") + 23]
    assert len(positions._containers[text.index("[")].by_token) == 3


def test_positions_of_a_blank_or_scalar_text():
    assert Positions("  ").value_offset("") is None
    assert Positions(' "s"').value_offset("") == 1
    assert Positions(' "s"').value_offset("/0") is None
    assert Positions("[1]").value_offset("0") is None  # not a pointer: no leading slash
    assert Positions("[1]").value_offset("/0/0") is None
