from helpers import copy_fixture, copy_go, edit_json, findings, lint
from pkgkit.diagnostics import Severity

DASHBOARD = "dashboards/go-runtime.json"
FILTER = ("widgets", 0, "config", "metricConfiguration", "tagFilterExpression", "elements", 0)


def _set_filter_value(package, value):
    def edit(data):
        element = data
        for part in FILTER:
            element = element[part]
        element["value"] = value

    edit_json(package / DASHBOARD, edit)


def test_a_documented_variable_no_file_uses_is_a_warning_at_its_set(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    _set_filter_value(package, "{{ service }}")
    result = lint(package, select="TPL002")
    assert findings(result) == [("TPL002", "README.md", 44)]
    assert result[0].column == 3
    assert result[0].severity is Severity.WARNING
    assert "'--set servicename=...'" in result[0].message
    assert result[0].hint == "did you mean 'service'?"


def test_without_any_placeholder_the_hint_says_to_remove_it(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    _set_filter_value(package, "checkout")
    result = lint(package, select="TPL002")
    assert result[0].hint == "remove it from the import command"


def test_every_set_of_every_code_block_counts(tmp_path):
    package = copy_go(tmp_path)
    readme = package / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8")
        + "\nOr, for one region:\n\n    pkg import --set region=eu --set=zone=a\n",
        encoding="utf-8",
    )
    result = lint(package, select="TPL002")
    lines = len(readme.read_text(encoding="utf-8").splitlines())
    assert findings(result) == [("TPL002", "README.md", lines)] * 2
    assert [d.column for d in result] == [16, 32]


def test_clean_fixtures_use_every_documented_variable(tmp_path):
    assert lint(copy_go(tmp_path), select="TPL002") == []
    assert lint(copy_fixture(tmp_path, "go-entity"), select="TPL002") == []
