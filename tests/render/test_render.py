"""Unit and property tests for pkgkit.render.renderer (no Node needed; see
test_render_differential.py)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pkgkit.render.renderer import (
    MODES,
    MalformedPlaceholder,
    Placeholder,
    UnsupportedTemplate,
    find_malformed_placeholders,
    find_placeholders,
    html_escape,
    parse_set_args,
    render,
    render_instana,
    render_json_safe,
)

# --------------------------------------------------------------------------- instana mode


@pytest.mark.parametrize(
    "template",
    ["{{servicename}}", "{{ servicename }}", "{{  servicename  }}", "{{\tservicename\n}}"],
)
def test_instana_whitespace_variants_are_substituted(template):
    assert render_instana(f'"{template}"', {"servicename": "shop"}) == '"shop"'


@pytest.mark.parametrize(
    "template", ["{{servicename}}", "{{ servicename }}", "{{  servicename  }}", "{{\u00a0x\u2028}}"]
)
def test_instana_unset_placeholder_is_kept_verbatim(template):
    assert render_instana(f'"{template}"', {}) == f'"{template}"'


def test_instana_empty_value_counts_as_unset_like_the_cli():
    assert render_instana('"{{ a }}"', {"a": ""}) == '"{{ a }}"'


def test_instana_html_escapes_values_and_does_not_json_escape_them():
    values = {"v": "a&b<c>d\"e'f`g=h\\i\nj"}
    expected = '"a&amp;b&lt;c&gt;d&quot;e&#x27;f&#x60;g&#x3D;h\\i\nj"'
    assert render_instana('"{{ v }}"', values) == expected


def test_instana_triple_stash_and_ampersand_are_unescaped():
    values = {"v": "<&>"}
    assert render_instana("{{{ v }}}|{{&v}}|{{v}}", values) == "<&>|<&>|&lt;&amp;&gt;"


def test_instana_unicode_values_pass_through():
    assert render_instana("{{a}}", {"a": "😀 ü \u2028"}) == "😀 ü \u2028"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ 123 }}", "123"),
        ("{{007}}", "7"),
        ("{{99999999999999999999999}}", "1e+23"),
        ("{{ true }}", "true"),
        ("{{false}}", "false"),
        ("{{null}}", ""),
        ("{{ undefined }}", "{{ undefined }}"),
        ("{{ this }}", "[object Object]"),
    ],
)
def test_instana_literal_names_ignore_values(template, expected):
    values = {"123": "x", "007": "x", "true": "x", "null": "x", "undefined": "x"}
    assert render_instana(template, values) == expected


def test_instana_prototype_names_are_unset_unless_given():
    template = "{{ constructor }}|{{toString}}|{{__proto__}}"
    assert render_instana(template, {}) == template
    given_values = {"constructor": "c", "toString": "t", "__proto__": "p"}
    assert render_instana(template, given_values) == "c|t|{{__proto__}}"


@pytest.mark.parametrize(
    ("template", "values", "expected"),
    [
        ("\\{{ a }} tail", {"a": "A&"}, '{{default a "A&amp;"}} tail'),
        ("\\{{ a }} tail", {}, '{{default a ""}} tail'),
        ("\\\\{{ a }} tail", {"a": "A"}, "\\A tail"),
        ("\\\\\\{{ a }} tail", {"a": "A"}, "\\\\A tail"),
        ("\\{{ 007 }}", {"7": "seven"}, '{{default 007 "seven"}}'),
        ("{{ a-b }}|{{ c-d }}", {"a-b": "X"}, "X|"),
        ('{{default "s&" "x"}}|{{default a \'y\\\'z\'}}', {}, "s&amp;|y&#x27;z"),
    ],
)
def test_instana_reproduces_handlebars_escapes_and_plain_lookups(template, values, expected):
    assert render_instana(template, values) == expected


@pytest.mark.parametrize(
    ("template", "line", "column", "fragment"),
    [
        ('{\n  "a": "{{#if x}}y{{/if}}"\n}', 2, 9, "block helpers"),
        ('{\n  "a": "{{ a.b }}"\n}', 2, 13, "'.'"),
        ('"{{> partial}}"', 1, 2, "partials"),
        ('"{{! comment }}"', 1, 2, "comments"),
        ('"{{~ a }}"', 1, 2, "white-space control"),
        ('"{{{{raw}}}}"', 1, 2, "raw blocks"),
        ('"{{ lookup a b }}"', 1, 2, "only '{{ name }}'"),
        ("x\n{{ a }}}", 2, 1, "rejects"),
        ("{{{ a }}", 1, 2, "rejects"),
        ("{{ a }", 1, 6, "rejects"),
        ("{{ }}", 1, 1, "rejects"),
        ("a\x00b", 1, 2, "NUL"),
        ("{{ this }}", 1, 1, "toString"),
        ("{{{7}}}{{{7}}}", 1, 8, "adds them"),
        ("{{{1}}}\n{{{true}}}{{{1}}}", 2, 11, "adds them"),
    ],
)
def test_instana_unsupported_templates_name_line_and_column(template, line, column, fragment):
    values = {"toString": "x"} if "this" in template else {}
    with pytest.raises(UnsupportedTemplate) as caught:
        render_instana(template, values)
    error = caught.value
    assert (error.line, error.column) == (line, column)
    assert fragment in error.reason
    assert str(error).startswith(f"line {line}, column {column}: ")


def test_instana_renders_one_template_with_each_values_afresh():
    """A template is lexed once, as Handlebars compiles it, and rendered with any values."""
    template = '{"a": "{{ x }}", "b": "{{ y }}"}'
    assert render_instana(template, {"x": "<"}) == '{"a": "&lt;", "b": "{{ y }}"}'
    assert render_instana(template, {}) == '{"a": "{{ x }}", "b": "{{ y }}"}'
    assert render_instana(template, {"y": "1", "x": "2"}) == '{"a": "2", "b": "1"}'
    for values in ({}, {"a": "1"}, {}):
        with pytest.raises(UnsupportedTemplate) as caught:
            render_instana("{{ a }}\n {{#if}}", values)
        assert (caught.value.line, caught.value.column) == (2, 2)


def test_instana_rejects_dotted_value_names():
    with pytest.raises(ValueError, match="dotted"):
        render_instana("{{ a }}", {"a.b": "x"})


def test_html_escape_matches_handlebars_table():
    assert html_escape("&<>\"'`=x") == "&amp;&lt;&gt;&quot;&#x27;&#x60;&#x3D;x"


def test_parse_set_args_mirrors_cli_parse_params():
    args = ["a=1", "b=x=y", "c=", "d", "e=first", "e=", "__proto__=p", "f=2", "f=3"]
    assert parse_set_args(args) == {"a": "1", "b": "x", "e": "first", "f": "3"}
    with pytest.raises(ValueError, match="dotted"):
        parse_set_args(["a.b=c"])


# --------------------------------------------------------------------------- json-safe mode


def test_json_safe_escapes_for_json_and_keeps_formatting():
    text = '{\n    "a": "{{ v }}",  "n": 1,\n    "{{k}}": ["x{{v}}y", "{{ unset }}"]\n}\n'
    values = {"v": 'q"\\\n&', "k": "key"}
    expected = (
        '{\n    "a": "q\\"\\\\\\n&",  "n": 1,\n    "key": ["xq\\"\\\\\\n&y", "{{ unset }}"]\n}\n'
    )
    assert render_json_safe(text, values) == expected
    assert json.loads(render_json_safe(text, values))["a"] == values["v"]


def test_json_safe_leaves_untouched_tokens_byte_for_byte():
    text = '{"a": "caf\\u00e9 {{ x }}", "b": "caf\\u00e9"}'
    assert render_json_safe(text, {}) == text
    assert render_json_safe(text, {"x": "1"}) == '{"a": "café 1", "b": "caf\\u00e9"}'


def test_json_safe_renders_one_template_with_each_values_afresh():
    """A template's string tokens are found once and substituted with any values."""
    text = '["{{ x }}", "\\u007b{ y }}"]'
    assert render_json_safe(text, {"y": "2"}) == '["{{ x }}", "2"]'
    assert render_json_safe(text, {"x": "1"}) == '["1", "\\u007b{ y }}"]'
    for values in ({}, {"x": "1"}):
        with pytest.raises(json.JSONDecodeError):
            render_json_safe('["{{ x }}"', values)


def test_json_safe_substitutes_triple_stash_whole():
    assert render_json_safe('["{{{ a }}}"]', {"a": "<&>"}) == '["<&>"]'


@pytest.mark.parametrize("values", [{"a": "1"}, {}], ids=["values", "no values"])
@pytest.mark.parametrize("bad", ["{", '{"a": NaN}', '"{{ a }}" x'])
def test_json_safe_rejects_invalid_json(bad, values):
    with pytest.raises(ValueError):
        render_json_safe(bad, values)


def test_json_safe_without_values_is_the_text_itself():
    """pkgkit test renders every output again without values (the fixed point of 'stable')."""
    text = '{"a": "caf\\u00e9 {{ x }}", "{{ y }}": ["\\u007b{ z }}", 1e400, 12345678901234567890]}'
    assert render_json_safe(text, {}) is text
    assert render_json_safe(text, {}) == render_json_safe(text, {"other": "1"})


def test_render_dispatches_on_mode():
    assert MODES == ("instana", "json-safe")
    assert render('"{{a}}"', {"a": "&"}) == '"&amp;"'
    assert render('"{{a}}"', {"a": "&"}, "json-safe") == '"&"'
    with pytest.raises(ValueError, match="unknown render mode"):
        render("", {}, "other")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- finding


def test_find_placeholders_reports_name_offsets_and_position():
    text = '{\n  "a": "{{ x }}",\n  "b": "{{{y}}}"\n}'
    assert find_placeholders(text) == [
        Placeholder("x", 10, 17, 2, 9, "{{ x }}"),
        Placeholder("y", 28, 35, 3, 9, "{{{y}}}", unescaped=True),
    ]


def test_find_placeholders_marks_cli_literals():
    found = find_placeholders("{{ true }} {{ 12 }} {{ this }} {{ name }}")
    assert [p.cli_literal for p in found] == [True, True, True, False]


def test_find_malformed_placeholders_locates_each_problem():
    text = '[\n "{{ name }",\n "{{ }}", "{{x}}}",\n "{{ a-b }}", "{{{y}}", "\\\\{{ z }}"\n]'
    found = find_malformed_placeholders(text)
    assert [(m.raw, m.line, m.column) for m in found] == [
        ("{{ name }", 2, 3),
        ("{{ }}", 3, 3),
        ("{{x}}}", 3, 12),
        ("{{ a-b }}", 4, 3),
        ("{{{y}}", 4, 16),
        ("{{ z }}", 4, 28),
    ]
    reasons = [m.reason for m in found]
    assert "missing '}'" in reasons[0]
    assert "empty placeholder" in reasons[1]
    assert "unbalanced" in reasons[2]
    assert "not a placeholder name" in reasons[3]
    assert "unbalanced" in reasons[4]
    assert "backslash" in reasons[5]
    assert all(isinstance(m, MalformedPlaceholder) for m in found)


def test_find_malformed_placeholders_reports_unclosed_opening():
    (found,) = find_malformed_placeholders('"{{ name"')
    assert (found.start, found.end, found.reason) == (1, 8, "'{{' is never closed by '}}'")


def test_well_formed_text_has_no_malformed_placeholders():
    assert find_malformed_placeholders('{"a": "{{ a }} {{b}} {{{ c }}}", "b": {"c": {}}}') == []


# --------------------------------------------------------------------------- properties

NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(
    lambda name: name not in {"true", "false", "null", "undefined", "this"}
)
JS_SPACE = st.sampled_from(["", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\ufeff"])
SAFE_CHARS = st.characters(blacklist_characters="{}\\\x00&<>\"'`=", blacklist_categories=("Cs",))
PLAIN_TEXT = st.text(SAFE_CHARS, max_size=20)


@st.composite
def placeholders(draw: Any, names: st.SearchStrategy[str] = NAMES) -> tuple[str, str]:
    """A placeholder's text and its name."""
    name = draw(names)
    return "{{" + draw(JS_SPACE) + name + draw(JS_SPACE) + "}}", name


@st.composite
def templates(draw: Any) -> list[tuple[str, str | None]]:
    """Pieces of a template: (text, name or None for literal text)."""
    pieces: list[tuple[str, str | None]] = []
    for _ in range(draw(st.integers(0, 6))):
        pieces.append((draw(PLAIN_TEXT), None))
        pieces.append(draw(placeholders()))
    pieces.append((draw(PLAIN_TEXT), None))
    return pieces


def _reference(pieces: list[tuple[str, str | None]], values: dict[str, str]) -> str:
    return "".join(
        values[name] if name is not None and values.get(name) else text for text, name in pieces
    )


@settings(max_examples=150, deadline=None)
@given(
    templates(),
    st.dictionaries(NAMES, st.text(SAFE_CHARS, max_size=20), max_size=6),
)
def test_instana_equals_reference_model_without_special_characters(pieces, values):
    template = "".join(text for text, _ in pieces)
    assert render_instana(template, values) == _reference(pieces, values)


@st.composite
def templated_strings(draw: Any) -> tuple[str, list[tuple[str, str | None]]]:
    pieces = draw(templates())
    return "".join(text for text, _ in pieces), pieces


def _json_trees(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                PLAIN_TEXT | templated_strings().map(lambda t: t[0]), children, max_size=4
            )
        ),
        max_leaves=12,
    )


VALUES = st.dictionaries(
    NAMES,
    st.text(max_size=30)
    | st.sampled_from(['"', "\\", "\n", "\x00", "{{ x }}", "😀", "&<>", "\u2028", "x" * 3000]),
    max_size=6,
)


class _KeyCollisionError(Exception):
    pass


def _substituted(tree: Any, values: dict[str, str]) -> Any:
    """What render_json_safe must produce, computed on the parsed tree."""
    pattern = re.compile(r"\{\{[\s\u00a0\u2028\ufeff]*([a-z][a-z0-9_]*)[\s\u00a0\u2028\ufeff]*\}\}")

    def sub(text: str) -> str:
        return pattern.sub(lambda m: values.get(m.group(1), m.group(0)), text)

    if isinstance(tree, str):
        return sub(tree)
    if isinstance(tree, list):
        return [_substituted(item, values) for item in tree]
    if isinstance(tree, dict):
        result = {sub(key): _substituted(item, values) for key, item in tree.items()}
        if len(result) != len(tree):
            raise _KeyCollisionError
        return result
    return tree


@settings(max_examples=100, deadline=None)
@given(
    _json_trees(
        templated_strings().map(lambda t: t[0]) | st.integers() | st.booleans() | st.none()
    ),
    VALUES,
    st.sampled_from([None, 0, 2, 4]),
    st.booleans(),
)
def test_json_safe_always_parses_and_holds_exact_values(tree, values, indent, ensure_ascii):
    text = json.dumps(tree, indent=indent, ensure_ascii=ensure_ascii)
    rendered = render_json_safe(text, values)
    result = json.loads(rendered)
    try:
        expected = _substituted(tree, values)
    except _KeyCollisionError:
        return  # two keys became equal: valid JSON still, but no single expected tree
    assert result == expected


@settings(max_examples=200, deadline=None)
@given(st.text('ab {}\\"\n\t\u00a0-#!~&', max_size=40) | st.text(max_size=40))
def test_finding_never_raises_and_offsets_are_consistent(text):
    for found in [*find_placeholders(text), *find_malformed_placeholders(text)]:
        assert text[found.start : found.end] == found.raw
        line_start = text.rfind("\n", 0, found.start) + 1
        assert found.line == text.count("\n", 0, found.start) + 1
        assert found.column == found.start - line_start + 1


@settings(max_examples=300, deadline=None)
@given(
    st.text("ab {}\\\"\n\t&#/.~!>^*=()|@[]'0", max_size=40),
    st.dictionaries(st.sampled_from(["a", "b", "ab", "toString"]), st.text(max_size=5)),
)
def test_instana_returns_text_or_raises_unsupported_template(text, values):
    try:
        assert isinstance(render_instana(text, values), str)
    except UnsupportedTemplate as error:
        assert 0 <= error.offset <= len(text)
        assert error.line >= 1
        assert error.column >= 1


@pytest.mark.parametrize(
    ("template", "expected"),
    [("{{{7}}}", "7"), ("{{{7}}}x{{{7}}}", "7x7"), ("{{{true}}}{{x}}{{{1}}}", "true{{x}}1")],
)
def test_instana_unescaped_numbers_apart_are_written_as_text(template, expected):
    """Handlebars adds two unescaped numbers or booleans that follow each other (JavaScript's
    ``+``); with text or another value between them each is written as JavaScript writes it."""
    assert render_instana(template, {}) == expected
