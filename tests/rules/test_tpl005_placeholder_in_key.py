from helpers import copy_go, findings, lint, write_package
from pkgkit.diagnostics import Severity


def test_a_placeholder_in_a_member_name_is_a_warning_at_the_placeholder(tmp_path):
    package = copy_go(tmp_path)
    write_package(
        package,
        {
            "events/keyed.json": '{\n  "name": "X",\n'
            '  "tag {{ servicename }}" : "{{ servicename }}"\n}'
        },
    )
    result = lint(package, select="TPL005")
    assert findings(result) == [("TPL005", "events/keyed.json", 3)]
    assert result[0].column == 8
    assert result[0].severity is Severity.WARNING


def test_placeholders_in_values_are_not_reported(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"events/v.json": '{"name": "{{ servicename }}", "l": ["{{ a }}"]}'})
    assert lint(package, select="TPL005") == []


def test_clean_fixture_has_fixed_member_names(tmp_path):
    assert lint(copy_go(tmp_path), select="TPL005") == []
