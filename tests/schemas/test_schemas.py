"""The JSON Schemas in src/pkgkit/schemas/ (installed with the package ``pkgkit.schemas``).

Every schema must be a valid Draft 2020-12 schema, and python-jsonschema and the generated fast
path (:func:`pkgkit.schemas.validation.is_valid`) must agree on every instance below; for invalid
instances python-jsonschema reports the expected error location (a JSON pointer into the instance).
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from pkgkit.schemas.validation import is_valid

SCHEMAS = ("package", "dashboard", "event", "entity", "smart-alert")
DRAFT = "https://json-schema.org/draft/2020-12/schema"
PLACEHOLDER_PATTERN = r"^\{\{\s*[A-Za-z_][A-Za-z0-9_.-]*\s*\}\}$"


@cache
def _schema_text(name: str) -> str:
    return files("pkgkit.schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")


def load(name: str) -> dict[str, Any]:
    return json.loads(_schema_text(name))


def _pointer(parts: Any) -> str:
    return "".join(f"/{str(p).replace('~', '~0').replace('/', '~1')}" for p in parts)


def py_paths(name: str, instance: Any) -> set[str]:
    validator = Draft202012Validator(load(name))
    return {_pointer(e.absolute_path) for e in validator.iter_errors(instance)}


def _walk(node: Any, path: str = "#"):
    """Yield (path, subschema) for every subschema in ``properties`` outside ``if`` conditions."""
    if isinstance(node, dict):
        for key, sub in node.get("properties", {}).items():
            yield f"{path}/properties/{key}", sub
        for key, value in node.items():
            if key != "if":
                yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}/{i}")


# --------------------------------------------------------------------------- the schemas


def test_schemas_package_is_the_data_folder():
    spec = importlib.util.find_spec("pkgkit.schemas")
    assert spec is not None
    assert spec.submodule_search_locations, (
        f"pkgkit.schemas resolves to {spec.origin}, not to the schemas/ data package"
    )


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_is_valid_draft_2020_12(name):
    schema = load(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_has_id_title_description(name):
    schema = load(name)
    assert schema["$id"] == f"https://pkgkit.dev/schemas/{name}.schema.json"
    assert schema["title"].strip()
    assert schema["description"].strip()


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_property_is_documented(name):
    schema = load(name)
    for path, sub in _walk(schema):
        doc = sub
        if set(sub) == {"$ref"}:
            doc = schema["$defs"][sub["$ref"].removeprefix("#/$defs/")]
        assert doc.get("title"), f"{path} has no title"
        assert doc.get("description"), f"{path} has no description"


@pytest.mark.parametrize("name", SCHEMAS)
def test_placeholder_definition(name):
    schema = load(name)
    uses_placeholder = '"#/$defs/placeholder"' in _schema_text(name)
    if uses_placeholder:
        assert schema["$defs"]["placeholder"]["pattern"] == PLACEHOLDER_PATTERN


# --------------------------------------------------------------------------- instances

PKG = {"name": "@instana-integration/demo", "version": "1.0.0", "author": "IBM", "license": "MIT"}


def _threshold(**extra: Any) -> dict[str, Any]:
    rule = {
        "ruleType": "threshold",
        "severity": 5,
        "metricName": "metrics.gauges.demo.queue.depth",
        "aggregation": "avg",
        "conditionOperator": ">",
        "conditionValue": 100,
        "window": 300000,
    }
    rule.update(extra)
    return {k: v for k, v in rule.items() if v is not None}


def _event(*rules: dict[str, Any], **extra: Any) -> dict[str, Any]:
    event = {"name": "Queue too deep", "entityType": "openTelemetry", "rules": list(rules)}
    event.update(extra)
    return event


def _widget(**extra: Any) -> dict[str, Any]:
    widget = {
        "id": "w1",
        "title": "Queue depth",
        "type": "chart",
        "x": 0,
        "y": 0,
        "width": 6,
        "height": 13,
        "config": {"type": "line", "y1": {"metrics": []}},
    }
    widget.update(extra)
    return {k: v for k, v in widget.items() if v is not None}


def _dashboard(*widgets: dict[str, Any], **extra: Any) -> dict[str, Any]:
    dashboard = {
        "id": None,
        "title": "Demo Runtime",
        "accessRules": None,
        "widgets": list(widgets),
    }
    dashboard.update(extra)
    return dashboard


TAG_FILTER = {
    "type": "TAG_FILTER",
    "name": "otel.attribute.telemetry.sdk.language",
    "operator": "EQUALS",
    "entity": "NOT_APPLICABLE",
    "value": "demo",
    "stringValue": "demo",
    "numberValue": None,
}


def _entity(**data: Any) -> dict[str, Any]:
    body = {
        "label": "Demo Runtime",
        "identifiers": ["otel.attribute.service.name"],
        "tagFilterExpression": TAG_FILTER,
    }
    body.update(data)
    return {"data": {k: v for k, v in body.items() if v is not None}}


ALERT = {
    "name": "Demo errors",
    "granularity": 600000,
    "timeThreshold": {"type": "violationsInSequence", "timeWindow": 600000},
    "rule": {"alertType": "errors", "metricName": "errors"},
    "threshold": {"type": "staticThreshold", "operator": ">=", "value": 5},
}

VALID: list[tuple[str, str, Any]] = [
    # package.json
    ("package", "minimal", PKG),
    (
        "package",
        "full",
        {
            **PKG,
            "description": "Demo monitoring.",
            "private": False,
            "publishConfig": {"access": "public"},
            "keywords": ["instana", "demo"],
            "scripts": {},
            "files": ["dashboards"],
        },
    ),
    ("package", "rules-not-schema", {**PKG, "name": "demo", "version": "1.0"}),
    ("package", "placeholder-string", {**PKG, "description": "{{ description }}"}),
    # events
    ("event", "threshold", _event(_threshold())),
    (
        "event",
        "threshold-metric-pattern",
        _event(
            _threshold(
                metricName=None,
                metricPattern={"prefix": "metrics.gauges.", "operator": "startsWith"},
                rollup=1000,
            )
        ),
    ),
    (
        "event",
        "all-top-level-fields",
        _event(
            _threshold(),
            description="Fires when the queue is deep.",
            query='entity.type:"demoRuntime"',
            expirationTime=300000,
            enabled=True,
            triggering=False,
            ruleLogicalOperator="AND",
            actions=[],
            transientEventEnabled=False,
            transientEventAlertMuted=True,
            transientEventThreshold=0,
            id="extra-properties-are-allowed",
        ),
    ),
    ("event", "five-rules", _event(*[_threshold(severity=s) for s in (5, 10, -1, 5, 10)])),
    (
        "event",
        "placeholders-in-enums",
        _event(
            _threshold(conditionOperator="{{ operator }}", aggregation="{{agg}}"),
            ruleLogicalOperator="{{ logic.op }}",
            name="{{ servicename }} queue",
        ),
    ),
    ("event", "system", _event({"ruleType": "system", "severity": 10, "systemRuleId": "x.y"})),
    (
        "event",
        "entity-verification",
        _event(
            {
                "ruleType": "entity_verification",
                "severity": 10,
                "matchingEntityType": "host",
                "matchingOperator": "is",
                "matchingEntityLabel": "db-1",
                "offlineDuration": 60000,
            }
        ),
    ),
    (
        "event",
        "entity-count",
        _event({"ruleType": "entity_count", "conditionOperator": "<", "conditionValue": 2}),
    ),
    (
        "event",
        "entity-count-verification",
        _event(
            {
                "ruleType": "entity_count_verification",
                "conditionOperator": "!=",
                "conditionValue": 3,
                "matchingEntityType": "host",
                "matchingOperator": "startsWith",
                "matchingEntityLabel": "db-",
            }
        ),
    ),
    (
        "event",
        "host-availability",
        _event({"ruleType": "host_availability", "offlineDuration": 60000, "closeAfter": 1000}),
    ),
    # dashboards
    ("dashboard", "minimal", {"title": "Demo", "widgets": []}),
    (
        "dashboard",
        "published-shape",
        _dashboard(
            _widget(),
            _widget(id="w2", x=6, width=6),
            _widget(id="w3", x=0, y=13, width=12, title=""),
            _widget(id="w4", x=11, y=26, width=1, height=1),
        ),
    ),
    (
        "dashboard",
        "exported-shape",
        _dashboard(
            _widget(id="w1", x=None, y=None, width=None, height=None, title=None),
            id="QlCHQaXSTs",
            accessRules=[
                {"accessType": "READ_WRITE", "relationType": "GLOBAL", "relatedId": ""},
                {"accessType": "READ", "relationType": "USER", "relatedId": None},
                {"accessType": "{{ access }}", "relationType": "TEAM", "relatedId": "t1"},
            ],
            ownerId="6736887984c8b059ec4b1ad2",
            writable=True,
        ),
    ),
    # entities
    ("entity", "minimal", _entity()),
    (
        "entity",
        "full",
        _entity(
            metrics=[
                {
                    "type": "openTelemetry",
                    "source": "metrics.gauges.demo.queue.depth",
                    "name": "queue depth",
                    "label": "Queue depth",
                    "description": "Items waiting.",
                    "formatter": "NUMBER",
                    "aggregation": "MEAN",
                    "section": "CUSTOM_ENTITY",
                    "category": "Demo",
                }
            ],
            dashboards=[{"reference": "runtime.json"}],
            dependencies=[],
        ),
    ),
    (
        "entity",
        "expression",
        _entity(
            tagFilterExpression={
                "type": "EXPRESSION",
                "logicalOperator": "OR",
                "elements": [TAG_FILTER, {**TAG_FILTER, "operator": "{{ op }}"}],
            }
        ),
    ),
    # smart alerts
    ("smart-alert", "single-rule", ALERT),
    (
        "smart-alert",
        "rule-list",
        {
            **{k: v for k, v in ALERT.items() if k not in ("rule", "threshold")},
            "rules": [{"rule": {"alertType": "errors"}, "thresholds": {}}],
        },
    ),
]

_NO_AUTHOR = {k: v for k, v in PKG.items() if k != "author"}
_NO_RULE = {k: v for k, v in ALERT.items() if k != "rule"}
_NO_LABEL = {k: v for k, v in _entity()["data"].items() if k != "label"}

INVALID: list[tuple[str, str, Any, str]] = [
    # package.json
    ("package", "missing-author", _NO_AUTHOR, ""),
    ("package", "empty-name", {**PKG, "name": ""}, "/name"),
    ("package", "blank-license", {**PKG, "license": "  "}, "/license"),
    ("package", "numeric-version", {**PKG, "version": 1}, "/version"),
    ("package", "author-object", {**PKG, "author": {"name": "IBM"}}, "/author"),
    ("package", "private-string", {**PKG, "private": "true"}, "/private"),
    ("package", "keyword-number", {**PKG, "keywords": ["ok", 1]}, "/keywords/1"),
    ("package", "not-an-object", [], ""),
    # events
    (
        "event",
        "bad-operator",
        _event(_threshold(conditionOperator="=>")),
        "/rules/0/conditionOperator",
    ),
    (
        "event",
        "two-placeholders",
        _event(_threshold(conditionOperator="{{ a }}{{ b }}")),
        "/rules/0/conditionOperator",
    ),
    ("event", "negative-window", _event(_threshold(window=-1)), "/rules/0/window"),
    ("event", "zero-window", _event(_threshold(window=0)), "/rules/0/window"),
    ("event", "fractional-window", _event(_threshold(window=1.5)), "/rules/0/window"),
    ("event", "zero-rollup", _event(_threshold(rollup=0)), "/rules/0/rollup"),
    ("event", "zero-expiration", _event(_threshold(), expirationTime=0), "/expirationTime"),
    ("event", "empty-name", _event(_threshold(), name=""), "/name"),
    ("event", "blank-name", _event(_threshold(), name=" \t"), "/name"),
    ("event", "long-name", _event(_threshold(), name="n" * 257), "/name"),
    ("event", "long-entity-type", _event(_threshold(), entityType="e" * 65), "/entityType"),
    ("event", "no-rules", _event(), "/rules"),
    ("event", "six-rules", _event(*[_threshold()] * 6), "/rules"),
    ("event", "missing-rules", {"name": "n", "entityType": "host"}, ""),
    ("event", "rate-aggregation", _event(_threshold(aggregation="rate")), "/rules/0/aggregation"),
    ("event", "severity-7", _event(_threshold(severity=7)), "/rules/0/severity"),
    (
        "event",
        "severity-placeholder",
        _event(_threshold(severity="{{ severity }}")),
        "/rules/0/severity",
    ),
    ("event", "unknown-rule-type", _event(_threshold(ruleType="thresold")), "/rules/0/ruleType"),
    (
        "event",
        "bad-logical-operator",
        _event(_threshold(), ruleLogicalOperator="XOR"),
        "/ruleLogicalOperator",
    ),
    (
        "event",
        "metric-name-and-pattern",
        _event(_threshold(metricPattern={"prefix": "m.", "operator": "is"})),
        "/rules/0",
    ),
    ("event", "no-metric", _event(_threshold(metricName=None)), "/rules/0"),
    ("event", "threshold-typo", _event(_threshold(operator=">")), "/rules/0"),
    (
        "event",
        "pattern-without-operator",
        _event(_threshold(metricName=None, metricPattern={"prefix": "m."})),
        "/rules/0/metricPattern",
    ),
    ("event", "missing-condition-operator", _event(_threshold(conditionOperator=None)), "/rules/0"),
    ("event", "system-without-id", _event({"ruleType": "system", "severity": 5}), "/rules/0"),
    (
        "event",
        "bad-matching-operator",
        _event(
            {
                "ruleType": "entity_verification",
                "matchingEntityType": "host",
                "matchingOperator": "equals",
                "matchingEntityLabel": "x",
            }
        ),
        "/rules/0/matchingOperator",
    ),
    (
        "event",
        "close-after-too-long",
        _event({"ruleType": "host_availability", "closeAfter": 86400001}),
        "/rules/0/closeAfter",
    ),
    # dashboards
    ("dashboard", "outside-grid", _dashboard(_widget(x=8, width=6)), "/widgets/0/width"),
    (
        "dashboard",
        "outside-grid-second",
        _dashboard(_widget(), _widget(id="w2", x=11, width=2)),
        "/widgets/1/width",
    ),
    ("dashboard", "x-12", _dashboard(_widget(x=12, width=1)), "/widgets/0/x"),
    ("dashboard", "negative-x", _dashboard(_widget(x=-1)), "/widgets/0/x"),
    ("dashboard", "zero-width", _dashboard(_widget(width=0)), "/widgets/0/width"),
    ("dashboard", "width-13", _dashboard(_widget(width=13)), "/widgets/0/width"),
    ("dashboard", "negative-y", _dashboard(_widget(y=-1)), "/widgets/0/y"),
    ("dashboard", "negative-height", _dashboard(_widget(height=-4)), "/widgets/0/height"),
    ("dashboard", "zero-height", _dashboard(_widget(height=0)), "/widgets/0/height"),
    ("dashboard", "widget-without-config", _dashboard(_widget(config=None)), "/widgets/0"),
    ("dashboard", "config-not-object", _dashboard(_widget(config="line")), "/widgets/0/config"),
    ("dashboard", "empty-widget-id", _dashboard(_widget(id="")), "/widgets/0/id"),
    ("dashboard", "empty-title", _dashboard(title=""), "/title"),
    ("dashboard", "missing-widgets", {"title": "Demo"}, ""),
    ("dashboard", "empty-access-rules", _dashboard(accessRules=[]), "/accessRules"),
    (
        "dashboard",
        "bad-access-type",
        _dashboard(accessRules=[{"accessType": "WRITE", "relationType": "GLOBAL"}]),
        "/accessRules/0/accessType",
    ),
    (
        "dashboard",
        "bad-relation-type",
        _dashboard(accessRules=[{"accessType": "READ", "relationType": "EVERYONE"}]),
        "/accessRules/0/relationType",
    ),
    # entities
    ("entity", "missing-data", {"label": "Demo"}, ""),
    ("entity", "missing-label", {"data": _NO_LABEL}, "/data"),
    ("entity", "empty-label", _entity(label=""), "/data/label"),
    ("entity", "no-identifiers", _entity(identifiers=[]), "/data/identifiers"),
    (
        "entity",
        "bad-tag-operator",
        _entity(tagFilterExpression={**TAG_FILTER, "operator": "EQ"}),
        "/data/tagFilterExpression/operator",
    ),
    (
        "entity",
        "bad-nested-element",
        _entity(
            tagFilterExpression={
                "type": "EXPRESSION",
                "logicalOperator": "AND",
                "elements": [{**TAG_FILTER, "entity": "BOTH"}],
            }
        ),
        "/data/tagFilterExpression/elements/0/entity",
    ),
    (
        "entity",
        "expression-without-elements",
        _entity(tagFilterExpression={"type": "EXPRESSION", "logicalOperator": "AND"}),
        "/data/tagFilterExpression",
    ),
    ("entity", "metric-without-source", _entity(metrics=[{"label": "x"}]), "/data/metrics/0"),
    (
        "entity",
        "dashboard-without-reference",
        _entity(dashboards=[{"ref": "a.json"}]),
        "/data/dashboards/0",
    ),
    # smart alerts
    ("smart-alert", "rule-without-threshold", _NO_RULE, ""),
    ("smart-alert", "empty-rules", {**_NO_RULE, "rules": []}, "/rules"),
    ("smart-alert", "empty-name", {**ALERT, "name": ""}, "/name"),
    ("smart-alert", "zero-granularity", {**ALERT, "granularity": 0}, "/granularity"),
    (
        "smart-alert",
        "negative-time-window",
        {**ALERT, "timeThreshold": {"timeWindow": -1}},
        "/timeThreshold/timeWindow",
    ),
    (
        "smart-alert",
        "missing-time-threshold",
        {k: v for k, v in ALERT.items() if k != "timeThreshold"},
        "",
    ),
]


@pytest.mark.parametrize(
    ("name", "instance"), [(n, i) for n, _, i in VALID], ids=[f"{n}-{c}" for n, c, _ in VALID]
)
def test_valid_instances(name, instance):
    assert py_paths(name, instance) == set()
    assert is_valid(name, instance)


@pytest.mark.parametrize(
    ("name", "instance", "path"),
    [(n, i, p) for n, _, i, p in INVALID],
    ids=[f"{n}-{c}" for n, c, _, _ in INVALID],
)
def test_invalid_instances(name, instance, path):
    py = py_paths(name, instance)
    assert path in py, f"python-jsonschema reported {sorted(py)}"
    assert not is_valid(name, instance)


def test_grid_accepts_every_fitting_combination_and_nothing_else():
    for x in range(12):
        for width in range(1, 13):
            instance = _dashboard(_widget(x=x, width=width))
            fits = x + width <= 12
            assert (not py_paths("dashboard", instance)) is fits, (x, width)
            assert is_valid("dashboard", instance) is fits
