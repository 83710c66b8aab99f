"""PKG120: stand-alone dashboards carry the global READ_WRITE access rule."""

import json

from helpers import copy_go, edit_json, findings, fixes, inserted, lint, write_package

DASHBOARD = "dashboards/go-runtime-metrics.json"


def test_dashboard_without_the_global_rule_is_reported_at_access_rules(tmp_path):
    package = copy_go(tmp_path)
    edit_json(
        package / DASHBOARD,
        lambda d: d.update(accessRules=[{"accessType": "READ", "relationType": "GLOBAL"}]),
    )
    result = lint(package, select="PKG120")
    assert findings(result) == [("PKG120", DASHBOARD, 4)]
    assert result[0].pointer == "/accessRules"


def test_dashboard_without_access_rules_is_reported_at_the_top(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, lambda data: data.pop("accessRules"))
    assert findings(lint(package, select="PKG120")) == [("PKG120", DASHBOARD, 1)]


def test_dashboard_referenced_by_an_entity_needs_no_access_rules(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, lambda data: data.pop("accessRules"))
    write_package(
        package,
        {
            "dashboards/entity-only.json": {"title": "E", "widgets": []},
            "entities/go.json": {
                "data": {
                    "dashboards": [
                        {"reference": "go-runtime-metrics.json"},
                        {"reference": "./entity-only.json"},
                        "not an object",
                    ]
                }
            },
        },
    )
    assert lint(package, select="PKG120") == []


def test_a_reference_doc007_rejects_does_not_exempt_its_dashboard(tmp_path):
    package = copy_go(tmp_path)
    write_package(
        package,
        {
            "dashboards/entity-only.json": {"title": "E", "widgets": []},
            "entities/go.json": {
                "data": {"dashboards": [{"reference": "dashboards/entity-only.json"}]}
            },
        },
    )
    expected = [("PKG120", "dashboards/entity-only.json", 1)]
    assert findings(lint(package, select="PKG120")) == expected
    assert findings(lint(package, select="DOC007")) == [("DOC007", "entities/go.json", 5)]


def test_malformed_entities_and_access_rules_do_not_crash(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, lambda data: data.update(accessRules="public"))
    write_package(
        package, {"entities/a.json": {"data": []}, "entities/b.json": {"data": {"dashboards": 3}}}
    )
    assert findings(lint(package, select="PKG120")) == [("PKG120", DASHBOARD, 4)]


def test_clean_fixture_dashboard_is_global(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG120") == []


GLOBAL = {"accessType": "READ_WRITE", "relationType": "GLOBAL", "relatedId": ""}


def test_fix_appends_the_global_rule_in_the_files_layout(tmp_path):
    package = copy_go(tmp_path)
    rules = [{"accessType": "READ", "relationType": "GLOBAL"}]
    edit_json(package / DASHBOARD, lambda d: d.update(accessRules=rules))
    before = (package / DASHBOARD).read_text(encoding="utf-8")
    after = fixes(package, "PKG120")[DASHBOARD]
    assert inserted(before, after) == (
        ',\n    {\n      "accessType": "READ_WRITE",\n      "relationType": "GLOBAL",\n'
        '      "relatedId": ""\n    }'
    )
    assert json.loads(after)["accessRules"] == [*rules, GLOBAL]


def test_fix_adds_access_rules_when_missing_and_writes_inline_lists_inline(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / DASHBOARD, lambda data: data.pop("accessRules"))
    after = fixes(package, "PKG120")[DASHBOARD]
    assert json.loads(after)["accessRules"] == [GLOBAL]
    (package / DASHBOARD).write_text('{"title": "x", "accessRules": []}', encoding="utf-8")
    assert fixes(package, "PKG120")[DASHBOARD] == (
        '{"title": "x", "accessRules": [\n  {\n    "accessType": "READ_WRITE",\n'
        '    "relationType": "GLOBAL",\n    "relatedId": ""\n  }\n]}'
    )
    (package / DASHBOARD).write_text('{"accessRules": [{"accessType": "READ"}]}', encoding="utf-8")
    assert fixes(package, "PKG120")[DASHBOARD] == (
        '{"accessRules": [{"accessType": "READ"}, {"accessType": "READ_WRITE", '
        '"relationType": "GLOBAL", "relatedId": ""}]}'
    )
