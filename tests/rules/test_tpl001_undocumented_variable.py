from helpers import copy_go, findings, fixes, lint, write_package

DASHBOARD = "dashboards/go-runtime-metrics.json"


def _readme(package, old, new):
    path = package / "README.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_undocumented_variable_is_reported_once_per_file_at_its_first_use(tmp_path):
    package = copy_go(tmp_path)
    _readme(package, "  --set serviceinstanceid=$SERVICE_INSTANCE_ID\n", "")
    _readme(package, "--set servicename=$SERVICE_NAME \\", "--set servicename=$SERVICE_NAME")
    result = lint(package, select="TPL001")
    assert findings(result) == [("TPL001", DASHBOARD, 52)]
    assert result[0].column == 27
    assert "'serviceinstanceid'" in result[0].message
    assert "used 17 times in this file" in result[0].message
    assert result[0].hint == (
        "did you mean 'servicename'? If not, "
        "add '--set serviceinstanceid=<value>' to the README's import command"
    )


def test_a_misspelt_placeholder_gets_the_documented_name_as_hint(tmp_path):
    package = copy_go(tmp_path)
    write_package(
        package,
        {
            "events/extra.json": '{\n  "name": "X",\n  "entityType": "any",\n'
            '  "query": "service.name:{{ service_name }}",\n  "rules": []\n}\n'
        },
    )
    result = lint(package, select="TPL001")
    assert findings(result) == [("TPL001", "events/extra.json", 4)]
    assert result[0].column == 26
    assert "used" not in result[0].message
    assert result[0].hint.startswith("did you mean 'servicename'? If not, add '--set service_name=")


def test_placeholders_of_files_that_are_not_json_yet_are_checked(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"events/broken.json": '{"name": "X", "rules": [{"v": {{ limit }} }]}'})
    assert findings(lint(package, select="TPL001")) == [("TPL001", "events/broken.json", 1)]


def test_a_byte_order_mark_takes_no_column_like_in_the_other_findings(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"events/bom.json": '\ufeff{"name": "{{ limit }}"}'.encode()})
    result = lint(package, select="TPL001")
    assert [(d.line, d.column) for d in result] == [(1, 11)]


def test_literal_names_are_left_to_tpl003_and_no_readme_means_no_finding(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"events/literal.json": '{"name": "{{ true }}"}'})
    assert lint(package, select="TPL001") == []
    write_package(package, {"events/other.json": '{"name": "{{ other }}"}'})
    assert findings(lint(package, select="TPL001")) == [("TPL001", "events/other.json", 1)]
    assert lint(package, select="TPL001")[0].hint == (
        "add '--set other=<value>' to the README's import command"
    )
    (package / "README.md").unlink()
    assert lint(package, select="TPL001") == []


def test_clean_fixture_documents_every_variable(tmp_path):
    assert lint(copy_go(tmp_path), select="TPL001") == []


def test_fix_renames_a_misspelt_variable_in_every_placeholder_of_the_file_when_unsafe(tmp_path):
    package = copy_go(tmp_path)
    dashboard = package / "dashboards" / "go-runtime-metrics.json"
    text = dashboard.read_text(encoding="utf-8").replace("{{ servicename }}", "{{servicenme}}")
    dashboard.write_text(text, encoding="utf-8")
    assert fixes(package, "TPL001") == {}
    after = fixes(package, "TPL001", unsafe=True)["dashboards/go-runtime-metrics.json"]
    assert after == text.replace("{{servicenme}}", "{{servicename}}")
