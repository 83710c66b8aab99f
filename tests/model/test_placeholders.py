"""The one-pass finders of pkgkit.model.placeholders agree with the site-by-site definition."""

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from pkgkit.model import placeholders
from pkgkit.model.placeholders import (
    JS_WS,
    PLACEHOLDER,
    find_malformed_placeholders,
    find_placeholders,
    scan,
    sites,
)

PIECES = [
    "{", "}", "{{", "}}", "{{{", "}}}", "{{{{", " ", "\t", "\n", "\u00a0", "\ufeff", "\u2028",
    "\x1c", "\x85", "a", "x1", "_", "-", ".", "true", "7", "\\", "\\\\", '"', '\\"', ":", ",",
    "{{ name }}", "{{x}}", "{{{ y }}}", "{{ }}", "{{ a-b }}", "{{\nname\n}}",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=40)


def _position(text, offset):
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _reference_placeholders(text):
    """Balanced matches of the CLI's regex, with the braces of ``{{{ name }}}``."""
    found = []
    for site in sites(text):
        if site.balanced:
            start, end = (site.start, site.end) if site.unescaped else site.match.span()
            found.append((site.match.group(1), start, end, site.unescaped))
    return found


def _reference_malformed(text):
    """``(start, end, reason start)``: problem sites, then ``{{`` that no site covers."""
    spans = []
    covered = [(site.start, site.end) for site in sites(text)]
    for site in sites(text):
        backslashes = len(text[: site.start]) - len(text[: site.start].rstrip("\\"))
        if site.left > 1 or site.right > 1:
            spans.append((site.start, site.end, "too many braces"))
        elif not site.balanced:
            spans.append((site.start, site.end, "unbalanced braces"))
        elif backslashes:
            reason = "a backslash" if backslashes == 1 else "Handlebars drops one"
            spans.append((site.start, site.end, reason))
    index = text.find("{{")
    while index >= 0:
        ends = [end for start, end in covered if start <= index < end]
        if ends:
            index = text.find("{{", ends[0])
            continue
        body = len(text) - len(text[index:].lstrip("{"))
        end, reason = placeholders._classify_opening(text, body)
        spans.append((index, end, reason))
        index = text.find("{{", max(end, body))
    return sorted(spans)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_find_placeholders_agrees_with_the_sites(text):
    found = find_placeholders(text)
    expected = _reference_placeholders(text)
    assert [(p.name, p.start, p.end, p.unescaped) for p in found] == expected
    for p in found:
        assert (p.line, p.column) == _position(text, p.start)
        assert p.raw == text[p.start : p.end]
    assert scan(text)[0] == [(name, start, end) for name, start, end, _ in expected]


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_find_malformed_placeholders_agrees_with_the_sites(text):
    found = find_malformed_placeholders(text)
    expected = _reference_malformed(text)
    assert [(m.start, m.end) for m in found] == [(start, end) for start, end, _ in expected]
    for malformed, (_, _, reason) in zip(found, expected, strict=True):
        assert malformed.reason.startswith(reason)
        assert (malformed.line, malformed.column) == _position(text, malformed.start)
        assert malformed.raw == text[malformed.start : malformed.end]


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_scan_is_clean_exactly_when_nothing_is_malformed(text):
    assert scan(text)[1] == (find_malformed_placeholders(text) == [])


def test_scan_is_not_clean_for_each_kind_of_malformed_placeholder():
    for text in [
        "{{ x }",
        "{{x}}}",
        "{{{x}}",
        "{{{{x}}}}",
        "{{ }}",
        "{{ a-b }}",
        "{{ x",
        "\\{{ x }}",
        "\\\\{{ x }}",
        "{{ a }} {{",
    ]:
        assert scan(text)[1] is False, text
        assert find_malformed_placeholders(text), text


def test_scan_finds_placeholders_and_a_clean_text():
    text = '{"a": "{{ a }} {{b}} {{{ c }}}", "b": {"c": {}}, "d": "{ {x} }"}'
    assert scan(text) == ([("a", 7, 14), ("b", 15, 20), ("c", 21, 30)], True)


def test_the_fast_whitespace_is_javascripts():
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    fast = re.compile(placeholders._JS_WS_FAST)
    assert fast.findall(everything) == re.findall(JS_WS, everything)


def test_placeholder_re_is_the_clis_regex_with_javascript_whitespace():
    text = "{{\u2028a\ufeff}} {{\x85a}} {{\x1cb}} {{ c\u3000}}"
    assert [m.group(1) for m in re.finditer(PLACEHOLDER, text)] == ["a", "c"]
