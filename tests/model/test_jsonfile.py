"""model.jsonfile: loading never raises; errors are located values; pointers are located lazily."""

import json
import sys

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pkgkit.model import jsonfile
from pkgkit.model.jsonfile import (
    _PARSER,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    JsonFile,
    LoadErrorKind,
    _depth_limit_offset,
    _may_nest_too_deep,
    _nests_too_deep,
    restate_syntax_error,
)

#: Python 3.13 words some syntax errors better; pkgkit words them so on every version.
PY313 = sys.version_info >= (3, 13)


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


def test_values_along_a_pointer_are_root_first_then_none_past_a_missing_step(tmp_path):
    file = load(tmp_path, '{"a/b": {"~c": [10, 20]}}')
    inner = {"~c": [10, 20]}
    assert file.values_along("/a~1b/~0c/1") == [file.data, inner, [10, 20], 20]
    assert file.values_along("") == [file.data]
    assert file.values_along("/a~1b/x/0") == [file.data, inner, None, None]


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


# Syntax errors read the same on every Python: as CPython 3.13's json words them.

TRAILING_ARRAY = "Illegal trailing comma before end of array"
TRAILING_OBJECT = "Illegal trailing comma before end of object"
EXPECTING_NAME = "Expecting property name enclosed in double quotes"

#: Text, then message and position as CPython 3.13.0 reports them (checked with it).
SYNTAX_ERRORS = [
    ('{\n  "name": "A",\n}\n', TRAILING_OBJECT, (2, 14)),
    ("[1,\n]", TRAILING_ARRAY, (1, 3)),
    ("[1 , ]", TRAILING_ARRAY, (1, 4)),
    ('{"a": 1 ,\t\r\n}', TRAILING_OBJECT, (1, 9)),
    ('{"a": [1,]}', TRAILING_ARRAY, (1, 9)),
    ('{"a": [1],}', TRAILING_OBJECT, (1, 10)),
    ("[{},\n\n   ]", TRAILING_ARRAY, (1, 4)),
    ("[[],[[],]]", TRAILING_ARRAY, (1, 8)),
    ('["]",]', TRAILING_ARRAY, (1, 5)),
    ("[,]", "Expecting value", (1, 2)),
    ("{,}", EXPECTING_NAME, (1, 2)),
    ("[1,,]", "Expecting value", (1, 4)),
    ('{"a": 1,,}', EXPECTING_NAME, (1, 9)),
    ("[1,", "Expecting value", (1, 4)),
    ('{"a": 1,', EXPECTING_NAME, (1, 9)),
    ("[1,/**/]", "Expecting value", (1, 4)),
    ("[1,\u00a0]", "Expecting value", (1, 4)),  # no-break space is not JSON white space
    (" ]", "Expecting value", (1, 2)),
    ('{"a": ]}', "Expecting value", (1, 7)),
    ('{"a",}', "Expecting ':' delimiter", (1, 5)),
    ('{"a": 1}}', "Extra data", (1, 9)),
]


def raw_error(text):
    """The error this Python's json reports for ``text``."""
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)
    return caught.value


@pytest.mark.parametrize(("content", "message", "position"), SYNTAX_ERRORS)
def test_syntax_errors_read_as_on_python_3_13(tmp_path, content, message, position):
    error = raw_error(content)
    restated = restate_syntax_error(content, error)
    assert (restated.msg, (restated.lineno, restated.colno)) == (message, position)
    assert not PY313 or restated is error
    file = load(tmp_path, content)
    assert file.error.kind is LoadErrorKind.SYNTAX
    assert file.error.message == f"invalid JSON: {message}"
    assert (file.error.line, file.error.column) == position


_WHITE = st.text(st.sampled_from(" \t\r\n"), max_size=2)
_VALUES = st.recursive(
    st.none() | st.integers() | st.text(st.sampled_from('a,]}[{"\\ \u00e9'), max_size=4),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(st.sampled_from('k,}"'), max_size=2), children, max_size=3)
    ),
    max_leaves=10,
)


@st.composite
def trailing_comma_texts(draw):
    """A JSON text with commas put before closing brackets: (text, (offset, message) of each)."""
    pieces = []
    commas = []
    size = 0

    def put(piece):
        nonlocal size
        pieces.append(piece)
        size += len(piece)

    def dump(value):
        if not value or not isinstance(value, (dict, list)):
            put(json.dumps(value) + draw(_WHITE))
            return
        is_object = isinstance(value, dict)
        put("{" if is_object else "[")
        for index, item in enumerate(value.items() if is_object else value):
            put("," + draw(_WHITE) if index else draw(_WHITE))
            if is_object:
                put(json.dumps(item[0]) + draw(_WHITE) + ":" + draw(_WHITE))
            dump(item[1] if is_object else item)
        if draw(st.booleans()):
            commas.append((size, TRAILING_OBJECT if is_object else TRAILING_ARRAY))
            put("," + draw(_WHITE))
        put("}" if is_object else "]")

    dump(draw(_VALUES))
    assume(commas)
    return "".join(pieces), commas


@given(trailing_comma_texts())
def test_the_first_trailing_comma_is_reported_at_the_comma(case):
    text, commas = case
    error = raw_error(text)
    restated = restate_syntax_error(text, error)
    assert (restated.pos, restated.msg) == min(commas)
    assert not PY313 or restated is error


@given(
    _VALUES.map(json.dumps).flatmap(
        lambda text: st.tuples(st.just(text), st.integers(0, len(text)), st.integers(1, 3))
    )
)
def test_other_syntax_errors_are_left_as_they_are(case):
    """Texts with a cut: restated only where a comma and white space precede a bracket."""
    text, start, length = case
    cut = text[:start] + text[start + length :]
    try:
        json.loads(cut)
    except json.JSONDecodeError as error:
        restated = restate_syntax_error(cut, error)
        if restated.msg in (TRAILING_ARRAY, TRAILING_OBJECT):
            closer = "]" if restated.msg == TRAILING_ARRAY else "}"
            assert cut[restated.pos] == ","
            assert cut[restated.pos + 1 :].lstrip(" \t\n\r").startswith(closer)
            assert not PY313 or restated is error
        else:
            assert restated is error


# The nesting limit is pkgkit's own: the same on every Python, whatever its recursion limit.


def nested(depth):
    """``depth`` levels of objects and arrays, alternating, around ``1`` (the last an array)."""
    opening = "".join("[" if level % 2 else '{"a": ' for level in range(depth))
    closing = "".join("]" if level % 2 else "}" for level in reversed(range(depth)))
    return opening + "1" + closing


@pytest.mark.parametrize(
    "template",  # one object around the nested part
    ['{{"deep": {}}}', '{{"a": "[[{{[", "deep": {}}}', '{{\n  "deep":\n    {}\n}}'],
)
def test_documents_nest_up_to_the_limit(tmp_path, template):
    at_limit = load(tmp_path, template.format(nested(MAX_DEPTH - 1)))
    assert at_limit.ok
    assert at_limit.get("/deep" + "/a/0" * ((MAX_DEPTH - 2) // 2) + "/a") == 1
    text = template.format(nested(MAX_DEPTH))
    past = load(tmp_path, text, "g.json")
    assert past.error.kind is LoadErrorKind.TOO_DEEP
    assert past.error.message == "JSON nested too deeply to parse"
    assert (past.error.line, past.error.column) == past.position(text.index("[1]"))


def test_too_deep_is_located_at_the_bracket_past_the_limit(tmp_path):
    text = '{\n  "x": "[{",\n  "deep": ' + "[" * 600 + "]" * 600 + "\n}\n"
    file = load(tmp_path, text)
    assert (file.error.kind, file.error.line, file.error.column) == (LoadErrorKind.TOO_DEEP, 3, 510)
    assert file.locate("/deep") == (3, 510)
    objects = load(tmp_path, '{"a":' * 501 + "1" + "}" * 501, "o.json")
    assert (objects.error.line, objects.error.column) == (1, 2501)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5_000, 100_000])
def test_too_deep_whether_or_not_this_python_could_parse_it(tmp_path, depth):
    file = load(tmp_path, "[" * depth + "]" * depth)
    assert (file.error.kind, file.error.line, file.error.column) == (LoadErrorKind.TOO_DEEP, 1, 501)


def test_a_shallow_document_the_stack_is_too_deep_for_is_too_deep_at_its_start(
    tmp_path, monkeypatch
):
    """When the stack is already deep as parsing begins, any nesting may overflow it."""

    class Overflowing:
        def parse(self, text):
            raise RecursionError

    monkeypatch.setattr(jsonfile, "_PARSER", Overflowing())
    file = load(tmp_path, '{\n  "a": [[1]]\n}')
    assert (file.error.kind, file.error.line, file.error.column) == (LoadErrorKind.TOO_DEEP, 1, 1)


@pytest.mark.parametrize(
    ("content", "kind", "position"),
    [
        ("[" * 600 + "1 2" + "]" * 600, LoadErrorKind.TOO_DEEP, (1, 501)),  # deep, then an error
        ("[" * 600 + "1," + "]" * 600, LoadErrorKind.TOO_DEEP, (1, 501)),
        ('{"a" 1, "b": ' + "[" * 600 + "]" * 600 + "}", LoadErrorKind.SYNTAX, (1, 6)),
        ('{"a": "' + "[" * 600 + '\x01"}', LoadErrorKind.SYNTAX, (1, 608)),  # brackets in a string
        ("[" * 500 + "1," + "]" * 500, LoadErrorKind.SYNTAX, (1, 502)),
    ],
)
def test_the_first_problem_in_the_text_wins(tmp_path, content, kind, position):
    file = load(tmp_path, content)
    assert (file.error.kind, (file.error.line, file.error.column)) == (kind, position)


def _json_texts():
    """Valid JSON texts, nested and not, with brackets, quotes and escapes in strings."""
    texts = st.tuples(_VALUES, st.booleans(), st.sampled_from([None, 1])).map(
        lambda v: json.dumps(v[0], ensure_ascii=v[1], indent=v[2])
    )
    wrappers = st.lists(st.sampled_from(["[{}]", '{{"k": {}}}', '["x\\\\", {}, "]"]']))
    return st.tuples(texts, wrappers).map(lambda tw: _wrap(*tw))


def _wrap(text, wrappers):
    for wrapper in wrappers:
        text = wrapper.format(text)
    return text


@given(_json_texts(), st.integers(0, 8))
def test_fast_depth_check_agrees_with_the_scan(text, limit):
    deeper = _depth_limit_offset(text, limit) is not None
    assert _nests_too_deep(text.encode(), limit) is deeper
    if deeper:
        assert _may_nest_too_deep(text.encode(), limit)


@pytest.mark.parametrize(
    "text",
    ['["\\\\"]', '["\\\\\\"]]"]', '["\\"[[["]', '{"[\\"": "\\u005b"}', '["\u00e9[", "\\\\["]'],
)
def test_fast_depth_check_reads_escapes_as_the_scan_does(text):
    json.loads(text)
    for limit in range(4):
        deeper = _depth_limit_offset(text, limit) is not None
        assert _nests_too_deep(text.encode(), limit) is deeper


def test_the_cheap_check_counts_opening_brackets_of_both_kinds():
    assert not _may_nest_too_deep(b"[" * 250 + b"{" * 250 + "]]]}}}\u00e9".encode() * 1000)
    assert _may_nest_too_deep(b"[" * 250 + b"{" * 251)
    assert _may_nest_too_deep(b"[" * 501)  # a prefix the parser accepted before an error
