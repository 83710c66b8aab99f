from helpers import copy_go, findings, lint, write_package

BROKEN = '{\n  "name": "High Load",\n  "rules": [{"conditionValue": {{ threshold }} }]\n}\n'


def test_an_unquoted_placeholder_is_reported_where_it_is_beside_the_syntax_error(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"events/high-load.json": BROKEN})
    result = lint(package, select="TPL004")
    assert findings(result) == [("TPL004", "events/high-load.json", 3)]
    assert result[0].column == 32
    assert "outside a JSON string" in result[0].message
    assert result[0].hint.startswith('put it inside a string ("{{ threshold }}")')
    codes = {d.code for d in lint(package, select="PKG001")}
    assert codes == {"PKG001"}


def test_placeholders_in_values_keys_and_escaped_strings_are_inside_strings(tmp_path):
    package = copy_go(tmp_path)
    write_package(
        package,
        {"events/ok.json": '{"name": "say \\"{{ servicename }}\\"", "{{ servicename }}": 1}'},
    )
    assert lint(package, select="TPL004") == []


def test_a_placeholder_spanning_a_closing_quote_is_outside(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"events/odd.json": '{"name": "{{ servicename "}}'})
    assert lint(package, select="TPL004") == []  # not a placeholder the CLI sees


def test_clean_fixture_quotes_every_placeholder(tmp_path):
    assert lint(copy_go(tmp_path), select="TPL004") == []
