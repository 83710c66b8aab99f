import pytest

from helpers import copy_go, findings, lint, write_package


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("{{ servicename }", "missing '}'"),
        ("{{servicename}}}", "unbalanced braces"),
        ("{{ }}", "empty placeholder"),
        ("{{ service-name }}", "not a placeholder name"),
        ("{{ servicename", "never closed"),
    ],
)
def test_malformed_placeholders_are_reported_at_their_braces(tmp_path, value, reason):
    package = copy_go(tmp_path)
    write_package(package, {"events/bad.json": f'{{\n  "name": "x {value}"\n}}\n'})
    result = lint(package, select="TPL003")
    assert findings(result) == [("TPL003", "events/bad.json", 2)]
    assert result[0].column == 14
    assert reason in result[0].message
    assert value.split()[0] in result[0].message


def test_literal_names_cannot_be_set(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"events/literal.json": '{"name": "{{ 42 }} {{ true }}"}'})
    result = lint(package, select="TPL003")
    assert [(d.line, d.column) for d in result] == [(1, 11), (1, 20)]
    assert "Handlebars reads '42' as a literal" in result[0].message


def test_clean_fixture_has_well_formed_placeholders(tmp_path):
    assert lint(copy_go(tmp_path), select="TPL003") == []
