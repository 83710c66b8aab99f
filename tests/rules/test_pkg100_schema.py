"""PKG100: schema violations, located at the value and explained."""

import json

from helpers import copy_go, edit_text, findings, fixes, lint, write_package

EVENT = """{
  "name": "Slow",
  "entityType": "openTelemetry",
  "rules": [
    {
      "ruleType": "treshold"
    }
  ]
}
"""


def _messages(result):
    return [d.message for d in result]


def test_reports_an_unknown_enum_value_at_the_value_with_did_you_mean(tmp_path):
    package = write_package(copy_go(tmp_path), {"events/slow.json": EVENT})
    result = lint(package, select="PKG100")
    assert findings(result) == [("PKG100", "events/slow.json", 6)]
    assert result[0].column == 19
    assert result[0].pointer == "/rules/0/ruleType"
    assert result[0].message.startswith('\'ruleType\' is "treshold"; expected one of "threshold"')
    assert result[0].hint.startswith("did you mean 'threshold'?")


def test_event_needs_a_name_an_entity_type_and_a_non_blank_name(tmp_path):
    package = write_package(
        copy_go(tmp_path),
        {
            "events/nameless.json": '{\n  "rules": []\n}\n',
            "events/blank.json": '{\n  "name": " ",\n  "entityType": "openTelemetry",\n'
            '  "rules": [{"ruleType": "system", "systemRuleId": "x"}]\n}\n',
        },
    )
    result = lint(package, select="PKG100")
    assert findings(result) == [
        ("PKG100", "events/blank.json", 2),
        ("PKG100", "events/nameless.json", 1),
        ("PKG100", "events/nameless.json", 1),
        ("PKG100", "events/nameless.json", 2),
    ]
    assert _messages(result) == [
        "'name' must not be empty or blank",
        "the document is missing the required property 'entityType'",
        "the document is missing the required property 'name'",
        "'rules' must have at least 1 item",
    ]
    assert result[2].hint.startswith("Name of the event as shown in Instana")


def test_entity_needs_label_identifiers_and_tag_filter_expression(tmp_path):
    package = write_package(copy_go(tmp_path), {"entities/go.json": '{\n  "data": {}\n}\n'})
    result = lint(package, select="PKG100")
    assert findings(result) == [("PKG100", "entities/go.json", 2)] * 3
    assert sorted(_messages(result)) == [
        f"'data' is missing the required property '{name}'"
        for name in ("identifiers", "label", "tagFilterExpression")
    ]


def test_smart_alert_needs_name_granularity_threshold_time_and_rules(tmp_path):
    package = write_package(copy_go(tmp_path), {"smart-alerts/a.json": "{}\n"})
    result = lint(package, select="PKG100")
    assert {f[1:] for f in findings(result)} == {("smart-alerts/a.json", 1)}
    assert sorted(_messages(result)) == [
        "the document is missing the required property 'granularity'",
        "the document is missing the required property 'name'",
        "the document is missing the required property 'timeThreshold'",
        "the document matches none of the allowed forms: single rule (with 'rule' and"
        " 'threshold') or rule list (with 'rules')",
    ]


def test_smart_alert_with_rule_and_threshold_or_rules_is_valid(tmp_path):
    base = {"name": "A", "granularity": 600000, "timeThreshold": {"type": "violationsInSequence"}}
    package = write_package(
        copy_go(tmp_path),
        {
            "smart-alerts/single.json": {**base, "rule": {}, "threshold": {}},
            "smart-alerts/list.json": {**base, "rules": [{"rule": {}}]},
        },
    )
    assert lint(package, select="PKG100") == []


def test_widget_outside_the_grid_is_reported_at_its_coordinate(tmp_path):
    package = copy_go(tmp_path)
    path = package / "dashboards" / "go-runtime-metrics.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["widgets"][1]["x"] = 12
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    result = lint(package, select="PKG100")
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if '"x": 12' in text)
    assert ("PKG100", "dashboards/go-runtime-metrics.json", line) in findings(result)
    assert "'x' is 12; it must be <= 11" in _messages(result)


def test_missing_manifest_fields_are_left_to_pkg110_but_wrong_types_are_reported(tmp_path):
    package = write_package(copy_go(tmp_path), {"package.json": '{\n  "name": 1\n}\n'})
    result = lint(package, select="PKG100")
    assert findings(result) == [("PKG100", "package.json", 2)]
    assert _messages(result) == ["'name' must be a string, not an integer (1)"]


def test_a_document_too_deep_for_the_validator_is_one_finding_not_a_crash(tmp_path):
    leaf = {"type": "TAG_FILTER", "name": "a", "operator": "EQ", "entity": "NOT_APPLICABLE"}
    expression = leaf
    for _ in range(200):
        expression = {"type": "EXPRESSION", "logicalOperator": "AND", "elements": [expression]}
    entity = {"data": {"label": "Go", "identifiers": ["a"], "tagFilterExpression": expression}}
    package = write_package(copy_go(tmp_path), {"entities/deep.json": json.dumps(entity)})
    result = lint(package, select="PKG100")
    deep = [d for d in result if "nested too deeply" in d.message]
    assert findings(deep) == [("PKG100", "entities/deep.json", 1)]


def test_clean_fixture_matches_its_schemas(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG100") == []


def test_each_unknown_property_of_a_closed_object_is_reported_with_did_you_mean(tmp_path):
    text = """{
  "name": "Slow",
  "entityType": "openTelemetry",
  "rules": [
    {
      "ruleType": "threshold",
      "metricName": "m",
      "conditionOperator": ">",
      "metric": "m",
      "operater": ">"
    }
  ]
}
"""
    package = write_package(copy_go(tmp_path), {"events/slow.json": text})
    result = lint(package, select="PKG100")
    assert findings(result) == [
        ("PKG100", "events/slow.json", 9),
        ("PKG100", "events/slow.json", 10),
    ]
    assert result[0].message == "'rules'[0] does not allow the property 'metric'"
    assert result[0].hint == "did you mean 'metricName'?"
    assert result[1].hint.startswith("allowed: ruleType, severity, metricName")


def test_fix_writes_the_one_valid_spelling_of_an_enum_value(tmp_path):
    package = copy_go(tmp_path)
    event = package / "events" / "high-goroutine-count.json"
    edit_text(event, '"conditionOperator": ">"', '"conditionOperator": "=="')
    edit_text(event, '"aggregation": "avg"', '"aggregation": "AVG"')
    before = event.read_text(encoding="utf-8")
    after = fixes(package, "PKG100")["events/high-goroutine-count.json"]
    assert after == before.replace('"=="', '"="').replace('"AVG"', '"avg"')
    edit_text(event, '"aggregation": "AVG"', '"aggregation": "mean"')  # no one right answer
    assert '"aggregation": "mean"' in fixes(package, "PKG100")["events/high-goroutine-count.json"]


def test_aggregations_and_operators_the_api_rejects_are_errors_at_the_value(tmp_path):
    # go/events/memory-leak-detection.json ("rate"), heap-allocation-spike.json ("delta"),
    # nodejs/events/frequent-major-gc.json ("count"), jenkins/events/failed-job.json ("==")
    package = copy_go(tmp_path)
    event = package / "events" / "high-goroutine-count.json"
    for aggregation in ("rate", "delta", "count"):
        edit_text(event, '"aggregation": "avg"', f'"aggregation": "{aggregation}"')
        result = lint(package, select="PKG100")
        assert findings(result) == [("PKG100", "events/high-goroutine-count.json", 12)]
        assert result[0].message.startswith(f'\'aggregation\' is "{aggregation}"; expected one of')
        assert result[0].severity.value == "error"  # the import fails
        edit_text(event, f'"aggregation": "{aggregation}"', '"aggregation": "avg"')
    edit_text(event, '"conditionOperator": ">"', '"conditionOperator": "=="')
    result = lint(package, select="PKG100")
    assert findings(result) == [("PKG100", "events/high-goroutine-count.json", 13)]
    assert result[0].pointer == "/rules/0/conditionOperator"
    assert result[0].hint.startswith("did you mean '='?")
