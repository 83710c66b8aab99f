import json

from helpers import copy_go, edit_json, findings, lint

DASHBOARD = "dashboards/go-runtime-metrics.json"
PYTHON = "metrics.gauges.opentelemetry.instrumentation.system_metrics"


def entity(identifiers, metric):
    return json.dumps(
        {
            "data": {
                "label": "Python Runtime",
                "identifiers": identifiers,
                "tagFilterExpression": {"type": "TAG_FILTER", "name": "entity.type"},
                "metrics": [{"source": metric, "name": metric}],
            }
        },
        indent=2,
    )


def test_an_entity_identifier_the_conventions_lack_gets_a_did_you_mean(tmp_path):
    """Without a README (MET010 reports it where there is one: documented nowhere)."""
    package = copy_go(tmp_path)
    (package / "README.md").unlink()
    (package / "entities").mkdir()
    (package / "entities/py.json").write_text(
        entity(["otel.attribute.sdk.language"], f"{PYTHON}/process.runtime.cpython.cpu.utilization")
    )
    result = lint(package, select="MET014")
    assert findings(result) == [("MET014", "entities/py.json", 5)]
    assert result[0].message == (
        "'otel.attribute.sdk.language' names 'sdk.language', which the conventions do not define"
        " as a (resource) attribute of the entity's metrics (catalogue: python-system-metrics"
        " 0.66b2)"
    )
    assert result[0].hint == "did you mean 'telemetry.sdk.language'?"


def test_a_standard_identifier_and_an_attribute_of_the_metric_are_known(tmp_path):
    package = copy_go(tmp_path)
    (package / "entities").mkdir()
    (package / "entities/py.json").write_text(
        entity(
            ["otel.attribute.telemetry.sdk.language", "otel.attribute.type"],
            f"{PYTHON}/process.runtime.cpython.memory",
        )
    )
    assert lint(package, select="MET014") == []


def test_an_attribute_documented_nowhere_is_left_to_met010(tmp_path):
    package = copy_go(tmp_path)
    (package / "entities").mkdir()
    (package / "entities/py.json").write_text(
        entity(["otel.attribute.sdk.language"], f"{PYTHON}/process.runtime.cpython.cpu.utilization")
    )
    assert lint(package, select="MET014") == []


def test_a_filter_on_an_attribute_the_charted_metric_lacks(tmp_path):
    package = copy_go(tmp_path)

    def group_by(data):
        data["widgets"][4]["config"]["y1"]["metrics"][0]["groupbyTag"] = "metric.tag.http.route"

    edit_json(package / DASHBOARD, group_by)
    result = lint(package, select="MET014")
    assert findings(result) == [("MET014", DASHBOARD, 248)]
    assert "as a metric attribute of 'go.memory.used'" in result[0].message


def test_an_application_attribute_far_from_any_convention_is_not_judged(tmp_path):
    package = copy_go(tmp_path)
    (package / "README.md").unlink()
    (package / "entities").mkdir()
    (package / "entities/app.json").write_text(
        entity(["otel.attribute.shop.region", "otel.attribute.sdk.language"], "my.app/orders")
    )
    result = lint(package, select="MET014")
    assert findings(result) == [("MET014", "entities/app.json", 6)]
    assert "'sdk.language', which the conventions do not define (catalogue: semconv" in (
        result[0].message
    )


def test_clean_fixture_filters_on_defined_attributes(tmp_path):
    assert lint(copy_go(tmp_path), select="MET014") == []
