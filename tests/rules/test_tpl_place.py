"""Where a placeholder sits in JSON text: the per-line quick path agrees with the token scan."""

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pkgkit.model.placeholders import scan
from pkgkit.rules._templates import (
    KEY,
    OUTSIDE,
    STRING,
    exact_place,
    place,
    place_in_json,
    quick_place,
)

PIECES = [
    '"', '"', '\\', '\\"', '\\\\', "\n", " ", ":", " :", ",", "{", "}", "[", "]", "x", "\t",
    "\r", "\u2028", "{{ a }}", "{{b}}", "{{{ c }}}", "{{\nd\n}}", '"key": ', '"{{ e }}"',
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _oracle(text, start, end):
    """The string tokens of a scan of the whole text, as JSON tokenizers skip what is not one."""
    for token in re.finditer(r'"(?:[^"\\\n]|\\.)*"', text):
        if token.start() <= start and end < token.end():
            return KEY if re.match(r"[ \t\n\r]*:", text[token.end() :]) else STRING
    return OUTSIDE


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_places_agree_with_a_scan_of_the_whole_text(text):
    for _, start, end in scan(text)[0]:
        expected = _oracle(text, start, end)
        assert exact_place(text, start, end) == expected
        assert quick_place(text, start, end) in (None, expected)
        assert place(text, start, end) == expected


def _where(text):
    (_, start, end), *_ = scan(text)[0]
    return quick_place(text, start, end), place(text, start, end)


def test_quick_place_answers_for_lines_without_backslashes():
    assert _where('{"a": "x {{ a }} y"}') == (STRING, STRING)
    assert _where('{"{{ a }}" : 1}') == (KEY, KEY)
    assert _where('{"a": {{ a }} }') == (OUTSIDE, OUTSIDE)
    assert _where('{"a": "b", "c": {{ a }}, "d": "e"}') == (OUTSIDE, OUTSIDE)
    assert _where('{"a":\n  "{{ a }}"\n\n  :1}') == (KEY, KEY)


def test_quick_place_leaves_backslashes_and_line_ends_to_the_token_scan():
    assert _where('{"a\\"": "{{ a }}"}') == (None, STRING)
    assert _where('{"a": "\\"{{ a }}\\""}') == (None, STRING)
    assert _where('{"a": "{{ a }}\\"}') == (None, OUTSIDE)
    assert _where('{"a": "{{ a }}\n"}') == (None, OUTSIDE)
    assert _where('{"a": "{{\na\n}}"}') == (None, OUTSIDE)
    assert _where('{"a": "{{ a }}') == (None, OUTSIDE)


#: Strings of a JSON document: placeholders among quotes, backslashes and other text.
JSON_TEXT = st.lists(
    st.sampled_from(["{{ a }}", "{{b}}", "{{{ c }}}", '"', "\\", ":", " ", "x", "é", "\n"]),
    max_size=6,
).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | JSON_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(JSON_TEXT, inner, max_size=3),
    max_leaves=12,
)
LAYOUTS = st.sampled_from([{}, {"indent": 2}, {"separators": (",", ":")}, {"indent": "\t"}])


@settings(max_examples=1000, deadline=None)
@given(st.dictionaries(JSON_TEXT, JSON_VALUES, max_size=4), LAYOUTS, st.booleans())
def test_places_in_a_parsed_document_agree_with_the_general_reading(document, layout, ascii_only):
    text = json.dumps(document, ensure_ascii=ascii_only, **layout)
    for _, start, end in scan(text)[0]:
        assert place_in_json(text, start, end) == place(text, start, end) != OUTSIDE
