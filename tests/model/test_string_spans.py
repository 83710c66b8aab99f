from pkgkit.model.positions import StringIndex, StringSpan, string_spans


def texts(text):
    return [(text[s.start : s.end], s.is_key) for s in string_spans(text)]


def test_keys_values_and_escaped_quotes():
    assert texts('{"a": "x", "b\\"c" : ["d"]}') == [
        ('"a"', True),
        ('"x"', False),
        ('"b\\"c"', True),
        ('"d"', False),
    ]


def test_text_that_is_not_json_between_strings_is_skipped():
    assert texts('{"v": {{ n }}, "w": 1,}') == [('"v"', True), ('"w"', True)]


def test_an_unterminated_string_does_not_swallow_the_next_lines():
    assert texts('{"a": "open\n, "b": "c"}') == [('"a"', True), ('"b"', True), ('"c"', False)]
    assert string_spans("") == []
    assert string_spans('"x"') == [StringSpan(0, 3, is_key=False)]


def _enclosing_by_full_scan(text, start, end):
    spans = string_spans(text)
    before = [span for span in spans if span.start <= start]
    if not before or end >= before[-1].end:
        return None
    return before[-1]


SAMPLES = [
    '{"a": "{{ x }}", "{{ k }}": 1}',
    '{"v": {{ n }}, "w": "a {{ m }} b"}',
    '{"a": "open\n, "b": "{{ c }}"}\n  "{{ d }}" :\n{{ e }}',
    '"\\"{{ q }}\\"" "x\n{{ y }}"',
    '{"a": "x"}{{ z }}',
]


def test_string_index_finds_what_a_full_scan_finds():
    for text in SAMPLES:
        index = StringIndex(text)
        for start in range(len(text)):
            for end in (start + 1, start + 5, start + 12):
                assert index.enclosing(start, end) == _enclosing_by_full_scan(text, start, end)
