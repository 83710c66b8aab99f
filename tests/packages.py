"""Minimal packages modelled on the published ones, for the metric rules' tests.

Each builder returns what :func:`helpers.write_package` writes: a README with a metrics table and a
Resource Attributes table, dashboards of charts and big numbers, entities and events, shaped like
the files of ``../shared/reference/packages`` (only the keys the rules read are kept).
"""

from __future__ import annotations

from typing import Any

from helpers import write_package

K8S_SCOPE = "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/k8sclusterreceiver"
PROMETHEUS_SCOPE = (
    "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver"
)
NODE_SCOPE = "@opentelemetry/instrumentation-runtime-node"
PYTHON_SCOPE = "opentelemetry.instrumentation.system_metrics"
GO_SCOPE = "go.opentelemetry.io/contrib/instrumentation/runtime"

#: The README's line of its first metrics row (see :func:`readme`).
FIRST_ROW_LINE = 10


def readme(
    rows: list[tuple[str, str]] | None = None,
    attributes: tuple[str, ...] = ("service.name", "service.instance.id"),
    intro: str = "",
) -> str:
    """A README whose metrics table has one ``| `name` | description | unit |`` row per
    ``(name, unit)`` (none: the section is empty, as in the wxd packages), from line 10 on."""
    lines = ["# @instana-integration/p", "", "## Metrics", "", "### Semantic Conventions", ""]
    if rows is not None:
        lines += [
            intro,
            "| Metric Name | Description | Unit |",
            "| ----------- | ----------- | ---- |",
            *(f"| `{name}` | {name.rsplit('/', 1)[-1]} | {unit} |" for name, unit in rows),
            "",
        ]
    lines += ["### Resource Attributes", "", "| Attribute Key | Type | Description |"]
    lines += ["| --- | --- | --- |", *(f"| {key} | string | {key} |" for key in attributes)]
    return "\n".join(lines) + "\n"


def tag_filter(name: str, value: str = "{{ servicename }}") -> dict[str, Any]:
    """A ``TAG_FILTER`` element, as the published dashboards write them."""
    return {
        "name": name,
        "type": "TAG_FILTER",
        "value": value,
        "entity": "NOT_APPLICABLE",
        "operator": "EQUALS",
    }


def metric(
    metric_id: str, unit: str = "number", *filters: dict[str, Any], **more: Any
) -> dict[str, Any]:
    """A chart's metric configuration with the UI's default per-metric formatter."""
    return {
        "aggregation": "MEAN",
        "source": "INFRASTRUCTURE_METRICS",
        "formatter": "number.detailed",
        "unit": unit,
        "metric": metric_id,
        "tagFilterExpression": {
            "logicalOperator": "AND",
            "elements": list(filters),
            "type": "EXPRESSION",
        },
        **more,
    }


def chart(
    title: str, y1: list[dict[str, Any]], formatter: str = "number.detailed", **more: Any
) -> dict[str, Any]:
    """A time-series chart widget: ``y1`` metrics shown with the axis ``formatter``."""
    config = {
        "y1": {"formatter": formatter, "renderer": "line", "metrics": y1},
        "y2": {"formatter": "number.detailed", "renderer": "line", "metrics": []},
        "type": "TIME_SERIES",
        **more,
    }
    return {"id": title, "title": title, "type": "chart", "config": config}


def big_number(title: str, configuration: dict[str, Any], formatter: str) -> dict[str, Any]:
    """A big-number widget: one metric shown with the widget ``formatter``."""
    config = {"formatter": formatter, "metricConfiguration": configuration}
    return {"id": title, "title": title, "type": "bigNumber", "config": config}


def dashboard(title: str, *widgets: dict[str, Any]) -> dict[str, Any]:
    """A dashboard of ``widgets``, placed one under the other."""
    placed = [{**w, "x": 0, "y": 4 * i, "width": 12, "height": 4} for i, w in enumerate(widgets)]
    access = [{"accessType": "READ_WRITE", "relationType": "GLOBAL", "relatedId": ""}]
    return {"id": title, "title": title, "accessRules": access, "widgets": placed}


def entity(label: str, identifiers: list[str], *sources: str, **more: Any) -> dict[str, Any]:
    """A custom entity type whose metrics are ``sources`` (formatter ``NUMBER``, as published)."""
    metrics = [
        {"type": "openTelemetry", "source": s, "name": s, "label": s, "formatter": "NUMBER"}
        for s in sources
    ]
    data = {
        "label": label,
        "identifiers": identifiers,
        "tagFilterExpression": {"type": "EXPRESSION", "logicalOperator": "AND", "elements": []},
        "metrics": metrics,
        **more,
    }
    return {"data": data}


def event(name: str, metric_name: str, aggregation: str, value: float) -> dict[str, Any]:
    """A custom event with one threshold rule."""
    rule = {
        "ruleType": "threshold",
        "window": 300000,
        "severity": 5,
        "metricName": metric_name,
        "aggregation": aggregation,
        "conditionOperator": ">",
        "conditionValue": value,
    }
    return {"name": name, "entityType": "openTelemetry", "rules": [rule]}


def package(root: Any, text: str, **files: dict[str, Any]) -> Any:
    """Write ``package.json``, ``README.md`` (``text``) and ``files`` (``dashboards__a`` is
    ``dashboards/a.json``) under ``root``."""
    written: dict[str, Any] = {"package.json": {"name": "@instana-integration/p"}}
    written["README.md"] = text
    written.update({name.replace("__", "/") + ".json": data for name, data in files.items()})
    return write_package(root, written)
