"""model.jsonfile: loading never raises; errors are located values; pointers are located lazily."""

import io
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pkgkit.model.jsonfile import (
    _PARSER,
    MAX_FILE_BYTES,
    JsonFile,
    LoadErrorKind,
    _read_at_most,
)


def load(tmp_path, content, name="f.json"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return JsonFile(str(path), name, "event")


def test_a_clean_object_loads_without_scanning(tmp_path):
    file = load(tmp_path, '{"name": "A"}')
    assert file.ok
    assert file.data == {"name": "A"}
    assert file._scan is None
    assert not (file.has_bom or file.has_duplicate_keys or file.has_nonfinite)


@pytest.mark.parametrize(
    ("content", "kind", "position"),
    [
        ("", LoadErrorKind.EMPTY, (1, 1)),
        (" \n ", LoadErrorKind.EMPTY, (1, 1)),
        ('{\n  "a": 1\n  "b": 2\n}', LoadErrorKind.SYNTAX, (3, 3)),
        (b'{"a": "\xff"}', LoadErrorKind.ENCODING, (1, 8)),
        ("[1, 2]", LoadErrorKind.NOT_OBJECT, (1, 1)),
        ("[" * 2000 + "]" * 2000, LoadErrorKind.TOO_DEEP, (1, 501)),
    ],
)
def test_load_errors_are_values_with_positions(tmp_path, content, kind, position):
    file = load(tmp_path, content)
    assert not file.ok
    assert file.error.kind is kind
    assert (file.error.line, file.error.column) == position
    if kind is not LoadErrorKind.NOT_OBJECT:
        assert file.locate("/anything") == position


def test_unreadable_and_too_large(tmp_path):
    missing = JsonFile(str(tmp_path / "missing.json"), "missing.json", "event")
    assert missing.error.kind is LoadErrorKind.UNREADABLE
    assert missing.error.message == "cannot read file: No such file or directory"
    large = load(tmp_path, b" " * (MAX_FILE_BYTES + 1))
    assert large.error.kind is LoadErrorKind.TOO_LARGE


def test_locate_finds_the_value_or_its_closest_located_ancestor(tmp_path):
    file = load(tmp_path, '{\n  "rules": [\n    {"x": 1}\n  ]\n}\n')
    assert file.locate("") == (1, 1)
    assert file.locate("/rules") == (2, 12)
    assert file.locate("/rules/0/x") == (3, 11)
    assert file.locate("/rules/0/missing") == (3, 5)
    assert file.locate("/rules/7") == (2, 12)
    assert file.locate_key("/rules") == (2, 3)
    assert file.locate_key("/rules/0") == (3, 5)


def test_bom_is_stripped_and_takes_no_column_as_in_an_editor(tmp_path):
    file = load(tmp_path, b'\xef\xbb\xbf{"a": 1,\n "b": 2}')
    assert file.ok
    assert file.has_bom
    assert file.text.startswith("{")
    assert file.locate("/a") == (1, 7)
    assert file.locate("/b") == (2, 7)
    syntax = load(tmp_path, b'\xef\xbb\xbf{"a" 1}', "s.json")
    assert (syntax.error.line, syntax.error.column) == (1, 6)


def test_duplicate_keys_and_non_finite_numbers_are_flagged(tmp_path):
    file = load(tmp_path, '{"a": 1, "a": NaN}')
    assert file.ok
    assert file.has_duplicate_keys
    assert file.has_nonfinite
    assert file.data == {"a": pytest.approx(float("nan"), nan_ok=True)}


def test_get_follows_escaped_pointer_tokens(tmp_path):
    file = load(tmp_path, '{"a/b": {"~c": [10, 20]}}')
    assert file.get("/a~1b/~0c/1") == 20
    assert file.get("") == {"a/b": {"~c": [10, 20]}}
    assert file.get("/a~1b/~0c/2") is None
    assert file.get("/a~1b/~0c/x") is None
    assert file.get("/nope/deeper") is None


# The parser reuses one decoder; it must parse, fail and flag exactly as a fresh json.loads with
# the hooks did, and forget the flags of the previous parse.

_NAMES = st.sampled_from(["a", "b", "", 'q"uo:te', "co:lon", "back\\slash", "\u00e9", "a/b~c"])
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.sampled_from('ab:"\\,{}[] \n\u2028'), max_size=6),
)
_RAW_TOKENS = st.sampled_from(["NaN", "Infinity", "-Infinity", '"\\u003a"', '"\\ud800"', "1e400"])


def _value_texts():
    """JSON texts of values whose objects may repeat keys (and raw NaN, escapes, big floats)."""

    def extend(children):
        members = st.lists(st.tuples(_NAMES, children), max_size=4)
        objects = members.map(
            lambda pairs: "{" + ", ".join(f"{json.dumps(k)}: {v}" for k, v in pairs) + "}"
        )
        arrays = st.lists(children, max_size=3).map(lambda items: "[" + ",".join(items) + "]")
        return objects | arrays

    leaves = _SCALARS.map(json.dumps) | _RAW_TOKENS
    return st.recursive(leaves, extend, max_leaves=12)


def _reference_parse(text):
    """The parse before the shared decoder: a fresh json.loads with the hooks, per file."""
    seen = {"duplicates": False, "nonfinite": False}

    def pairs_hook(pairs):
        result = dict(pairs)
        if len(result) != len(pairs):
            seen["duplicates"] = True
        return result

    def constant(name):
        seen["nonfinite"] = True
        return float(name.replace("Infinity", "inf"))

    try:
        data = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=constant)
    except json.JSONDecodeError as error:
        return ("error", error.msg, error.pos)
    return ("ok", json.dumps(data, sort_keys=True), seen["duplicates"], seen["nonfinite"])


def _shared_parse(text):
    try:
        data = _PARSER.parse(text)
    except json.JSONDecodeError as error:
        return ("error", error.msg, error.pos)
    return ("ok", json.dumps(data, sort_keys=True), _PARSER.duplicates, _PARSER.nonfinite)


@given(
    _value_texts()
    | _value_texts().map(lambda t: t[: len(t) // 2])  # truncated: syntax errors
    | _value_texts().map(lambda t: "\ufeff" + t)  # a second byte-order mark
)
def test_shared_decoder_parses_and_flags_as_a_fresh_json_loads(text):
    assert _shared_parse(text) == _reference_parse(text)
    assert _shared_parse('{"clean": 1}') == ("ok", '{"clean": 1}', False, False)


def test_shared_decoder_flags_duplicates_at_any_depth_and_resets(tmp_path):
    assert _shared_parse('[{"x": {"a": 1, "a": 2}}]')[2:] == (True, False)
    assert _shared_parse('[{"x": {"a": 1, "b": NaN}}]')[2:] == (False, True)
    assert _shared_parse('{"k": "a\\": \\"a"}')[2:] == (False, False)  # quotes and colons
    assert load(tmp_path, '{"a": 1, "a": 2}').has_duplicate_keys
    assert not load(tmp_path, '{"a": 1, "b": 2}', "g.json").has_duplicate_keys


@pytest.mark.parametrize("size", [0, 1, 3, 4, 5, 9])
def test_reads_stop_one_byte_past_the_limit(tmp_path, size):
    path = tmp_path / "f"
    path.write_bytes(bytes(range(65, 65 + size)))
    with path.open("rb", buffering=0) as handle:
        assert _read_at_most(handle, 4) == path.read_bytes()[:4]


def test_reads_do_not_trust_the_reported_size():
    read_end, write_end = os.pipe()  # a pipe reports size 0
    os.write(write_end, b"x" * 100)
    os.close(write_end)
    with io.FileIO(read_end, "rb") as handle:
        assert _read_at_most(handle, 1 << 20) == b"x" * 100
