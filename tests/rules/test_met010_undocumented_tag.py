from helpers import copy_go, edit_json, findings, lint

DASHBOARD = "dashboards/go-runtime-metrics.json"


def test_tag_filter_on_an_undocumented_resource_attribute(tmp_path):
    package = copy_go(tmp_path)

    def misspell(data):
        elements = data["widgets"][0]["config"]["metricConfiguration"]["tagFilterExpression"]
        elements["elements"][1]["name"] = "otel.attribute.service.instanceid"

    edit_json(package / DASHBOARD, misspell)
    result = lint(package, select="MET010")
    assert findings(result) == [("MET010", DASHBOARD, 49)]
    assert result[0].hint == "did you mean 'service.instance.id'?"


def test_entity_identifiers_and_group_by_tags(tmp_path):
    package = copy_go(tmp_path)
    (package / "entities").mkdir()
    (package / "entities/go.json").write_text(
        '{"data": {\n'
        '  "identifiers": ["otel.attribute.service.name", "otel.attribute.sdk.language"],\n'
        '  "tagFilterExpression": {"type": "TAG_FILTER", "name": "entity.type"}}}\n'
    )
    edit_json(
        package / DASHBOARD,
        lambda data: data["widgets"][4]["config"]["y1"]["metrics"][0].update(
            groupbyTag="metric.tag.service.name"
        ),
    )
    result = lint(package, select="MET010")
    assert findings(result) == [("MET010", DASHBOARD, 248), ("MET010", "entities/go.json", 2)]
    assert "not a documented metric attribute" in result[0].message


def test_clean_fixture_filters_on_documented_attributes(tmp_path):
    assert lint(copy_go(tmp_path), select="MET010") == []


def test_attributes_the_conventions_define_need_no_documentation(tmp_path):
    package = copy_go(tmp_path)

    def filter_on(data):
        elements = data["widgets"][0]["config"]["metricConfiguration"]["tagFilterExpression"]
        elements["elements"][1]["name"] = "otel.attribute.telemetry.sdk.language"
        elements["elements"][0]["name"] = "otel.attribute.k8s.namespace.name"

    edit_json(package / DASHBOARD, filter_on)
    assert lint(package, select="MET010") == []


def test_a_near_miss_of_a_defined_attribute_is_named(tmp_path):
    package = copy_go(tmp_path)
    (package / "entities").mkdir()
    (package / "entities/go.json").write_text(
        '{"data": {\n  "identifiers": ["otel.attribute.sdk.language"],\n'
        '  "tagFilterExpression": {"type": "TAG_FILTER", "name": "entity.type"}}}\n'
    )
    result = lint(package, select="MET01")
    assert findings(result) == [("MET010", "entities/go.json", 2)]
    assert result[0].message == (
        "'otel.attribute.sdk.language' names 'sdk.language', which is not a documented resource"
        " or metric attribute nor one the OpenTelemetry conventions define"
    )
    assert result[0].hint == "did you mean 'telemetry.sdk.language'?"
