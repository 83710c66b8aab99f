"""Each render property holds for good rendering and catches what breaks it."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pkgkit.render.renderer import find_placeholders
from pkgkit.testing.properties import (
    PROPERTIES,
    RENDER_MODES,
    RenderMode,
    _json_type,
    _shape_difference,
    expected_document,
    expected_for,
    load_template,
    substitute,
)

INSTANA, JSON_SAFE = RENDER_MODES["instana"], RENDER_MODES["json-safe"]
DASHBOARD = """{
  "title": "Svc {{ name }}",
  "widgets": [
    {"id": "w1", "title": "{{ name }} / {{ id }}", "tags": ["{{ id }}"]}
  ],
  "{{ key }}": "value"
}
"""
EVENT = """{
  "name": "{{ name }}",
  "entityType": "openTelemetry",
  "rules": [{"ruleType": "threshold", "metricName": "m", "window": 60000,
             "aggregation": "avg", "conditionOperator": ">", "conditionValue": 1}]
}
"""


def template(text=DASHBOARD, kind="dashboard"):
    loaded = load_template("t.json", kind, text, json.loads(text))
    assert loaded is not None
    return loaded


def check(prop, values, mode=JSON_SAFE, text=DASHBOARD, kind="dashboard"):
    return PROPERTIES[prop][1](template(text, kind), mode, values)


def naive(text, values):
    """Plain text replacement: no escaping at all."""
    for placeholder in reversed(find_placeholders(text)):
        if placeholder.name in values:
            text = text[: placeholder.start] + values[placeholder.name] + text[placeholder.end :]
    return text


def sequential(text, values):
    """Replace one variable after the other: a value can hold a later placeholder."""
    for name, value in values.items():
        text = naive(text, {name: value})
    return text


def dropping(text, values):
    """Like Handlebars without the CLI's default helper: unset placeholders vanish."""
    return naive(text, {p.name: values.get(p.name, "") for p in find_placeholders(text)})


def test_sites_know_name_position_pointer_and_keys():
    sites = template().sites
    assert [(s.name, s.line, s.column, s.pointer, s.in_key) for s in sites] == [
        ("name", 2, 17, "/title", False),
        ("name", 4, 28, "/widgets/0/title", False),
        ("id", 4, 41, "/widgets/0/title", False),
        ("id", 4, 62, "/widgets/0/tags/0", False),
        ("key", 6, 4, "/{{ key }}", True),
    ]
    assert template().variables == ["id", "key", "name"]


def test_a_file_without_placeholders_is_no_template():
    assert load_template("t.json", "dashboard", '{"a": "b"}', {"a": "b"}) is None


def test_oracle_substitutes_keys_and_values_and_keeps_unset():
    data = expected_document(json.loads(DASHBOARD), {"name": 'a"b', "key": "k"})
    assert data["title"] == 'Svc a"b'
    assert data["widgets"][0]["title"] == 'a"b / {{ id }}'
    assert data["k"] == "value"


TRICKY = {"name": '"\\\n{{ id }}&<', "id": "", "key": "}, {"}


@pytest.mark.parametrize("prop", list(PROPERTIES))
def test_json_safe_rendering_keeps_every_property(prop):
    assert check(prop, TRICKY) is None
    assert check(prop, {}) is None


def test_parses_fails_when_a_quote_breaks_the_instana_output():
    violation = check("parses", {"name": "\\"}, INSTANA)
    assert violation.prop == "parses"
    assert "not JSON" in violation.message
    assert (violation.site.line, violation.site.column) == (2, 17)


def test_round_trip_fails_on_html_escaping():
    violation = check("round-trip", {"id": "a&b"}, INSTANA)
    assert violation.site.pointer == "/widgets/0/title"
    assert "'x / a&amp;b'" not in violation.message
    assert "a&amp;b" in violation.message


def test_round_trip_checks_keys():
    violation = check("round-trip", {"key": "<k>"}, INSTANA)
    assert violation.site.in_key
    assert "no key '<k>'" in violation.message


def test_structure_fails_when_a_value_injects_a_key():
    mode = RenderMode("naive", naive, empty_is_unset=False)
    violation = check("structure", {"name": 'x", "injected": "y'}, mode)
    assert violation.prop == "structure"
    assert "keys injected ['injected']" in violation.message


def test_structure_fails_when_a_value_injects_an_element():
    mode = RenderMode("naive", naive, empty_is_unset=False)
    text = '{"title": "t", "tags": ["{{ id }}"]}'
    violation = check("structure", {"id": 'x", "y'}, mode, text)
    assert "/tags: 2 elements where the template has 1" in violation.message
    assert violation.site.pointer == "/tags/0"


def test_schema_fails_when_a_value_breaks_a_pattern():
    violation = check("schema", {"name": " "}, JSON_SAFE, EVENT, "event")
    assert violation.prop == "schema"
    assert "event schema rejects it" in violation.message
    assert violation.site.pointer == "/name"
    assert check("schema", {"name": "ok"}, JSON_SAFE, EVENT, "event") is None


def test_schema_is_skipped_for_a_template_that_is_invalid_already():
    text = EVENT.replace('"entityType": "openTelemetry",', "")
    assert check("schema", {"name": " "}, JSON_SAFE, text, "event") is None


def test_stable_fails_when_unset_placeholders_vanish():
    mode = RenderMode("dropping", dropping, empty_is_unset=False)
    violation = check("stable", {"name": "n"}, mode)
    assert "unset placeholder is not kept" in violation.message
    assert violation.site.name == "id"


def test_stable_fails_when_the_order_of_values_matters():
    mode = RenderMode("sequential", sequential, empty_is_unset=False)
    violation = check("stable", {"name": "{{ id }}", "id": "x", "key": "k"}, mode)
    assert "order" in violation.message


def test_stable_fails_when_the_output_is_no_fixed_point():
    violation = check("stable", {"name": "{{#if x}}"}, INSTANA)
    assert "not a fixed point" in violation.message
    assert violation.site.name == "name"


def test_instana_treats_an_empty_value_as_unset():
    assert check("stable", {"name": ""}, INSTANA) is None
    assert check("round-trip", {"name": ""}, INSTANA) is None


def test_properties_after_parses_leave_unparseable_output_to_parses():
    for prop in ("round-trip", "structure", "schema", "stable"):
        assert check(prop, {"name": "\\"}, INSTANA) is None


# Small spaces, so that two documents drawn often have the same shape or differ in one place.
STRINGS = st.sampled_from(["a", "{{ x }}", "b {{ y }}", "{{", "{{ x }}{{ y }}", "c"])
SCALARS = st.sampled_from([0, 1, 1.0, 2, True, False, None]) | STRINGS
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(STRINGS, inner, max_size=3),
    max_leaves=12,
)
VALUES = st.dictionaries(st.sampled_from(["x", "y"]), st.sampled_from(["", "v", "{{ y }}", '"']))


@given(st.dictionaries(STRINGS, DOCUMENTS, min_size=1), VALUES)
def test_the_oracle_of_a_template_is_the_document_substituted_string_by_string(data, values):
    """expected_for walks only where the template's strings hold '{{' (the rest is shared): the
    same document, with the same JSON types, as a walk of every string."""
    text = json.dumps({"{{ x }}": data})
    template = load_template("t.json", "dashboard", text, json.loads(text))
    assert template is not None
    expected = expected_for(template, values)
    assert json.dumps(expected) == json.dumps(substituted_walking_everything(template.data, values))


def substituted_walking_everything(data, values):
    """The oracle as it was written first: every string of the document substituted."""
    if isinstance(data, str):
        return substitute(data, values)
    if isinstance(data, list):
        return [substituted_walking_everything(item, values) for item in data]
    if isinstance(data, dict):
        return {
            substitute(k, values): substituted_walking_everything(v, values)
            for k, v in data.items()
        }
    return data


def shape_difference_walking_everything(want, got, path):
    """The structure property's comparison as it was written first: every node visited."""
    if type(want) is not type(got) and _json_type(want) != _json_type(got):
        return path, f"{_json_type(got)} where the template has {_json_type(want)}"
    if isinstance(want, dict):
        extra, missing = sorted(set(got) - set(want)), sorted(set(want) - set(got))
        if extra or missing:
            return path, f"keys injected {extra}, keys lost {missing}"
        pairs = [(k, want[k], got[k]) for k in want]
    elif isinstance(want, list):
        if len(want) != len(got):
            return path, f"{len(got)} elements where the template has {len(want)}"
        pairs = [(i, w, g) for i, (w, g) in enumerate(zip(want, got, strict=True))]
    else:
        return None
    for key, w, g in pairs:
        found = shape_difference_walking_everything(w, g, (*path, key))
        if found:
            return found
    return None


@given(DOCUMENTS, DOCUMENTS)
def test_structure_finds_the_first_difference_of_a_walk_of_every_node(want, got):
    """Scalars of the same Python type are not visited: the same answer (True against 1 and 0.0
    against 0 still differ or not as JSON types say)."""
    expected = shape_difference_walking_everything(want, got, ())
    assert _shape_difference(want, got, ()) == expected
    assert _shape_difference(want, want, ()) is None
