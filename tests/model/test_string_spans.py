from pkgkit.model.positions import StringSpan, string_spans


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
