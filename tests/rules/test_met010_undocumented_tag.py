from helpers import copy_go, edit_json, findings, lint
from packages import (
    GO_SCOPE,
    NODE_SCOPE,
    PROMETHEUS_SCOPE,
    chart,
    dashboard,
    entity,
    metric,
    package,
    readme,
    tag_filter,
)

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
    assert result[0].severity.value == "warning"  # a filter on an attribute to document


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
    # python/entities/python-runtime.json: its only identifier is sdk.language
    assert result[0].message == (
        "'otel.attribute.sdk.language' names 'sdk.language', which is not a documented resource"
        " or metric attribute nor one the OpenTelemetry conventions define; the entity's"
        " instances are told apart by it: the entity has none unless the telemetry carries it"
    )
    assert result[0].hint == "did you mean 'telemetry.sdk.language'?"
    assert result[0].severity.value == "error"  # the entity shows nothing


def _filtered(metric_id, *filters, **more):
    return dashboard("D", chart("W", [metric(metric_id, "number", *filters, **more)]))


def test_fixed_internal_filters_are_not_checked(tmp_path):
    # wxd-prestissimo: metric.tag.PodType = "coordinator"; opentelemetry-demo:
    # otel.attribute.service.name = "checkoutservice"
    rows = [("presto_cpu", "number")]
    cpu = f"metrics.gauges.{PROMETHEUS_SCOPE}/presto_cpu"
    filters = (tag_filter("metric.tag.PodType", "coordinator"), tag_filter("otel.attribute.k", "x"))
    text = readme(rows, attributes=("service.instance.id",))
    root = package(tmp_path, text, dashboards__d=_filtered(cpu, *filters))
    assert lint(root, select="MET010") == []


def test_attributes_the_sdk_sets_are_known(tmp_path):
    # nodejs/entities/nodejs-runtime.json identifies by otel.attribute.telemetry.sdk.language;
    # opentelemetry-demo filters on service.name, which its README does not list
    heap = f"metrics.gauges.{NODE_SCOPE}/v8js.memory.heap.used"
    text = readme([(f"{NODE_SCOPE}/v8js.memory.heap.used", "byte")], ("service.instance.id",))
    root = package(
        tmp_path,
        text,
        entities__node=entity("Node.js Runtime", ["otel.attribute.telemetry.sdk.language"], heap),
        dashboards__d=_filtered(heap, tag_filter("otel.attribute.service.name")),
    )
    assert lint(root, select="MET010") == []


def test_an_attribute_the_readme_describes_in_prose_is_known(tmp_path):
    # as python/README.md says "Network I/O operations (grouped by direction)" (direction is
    # defined by the conventions too); here an application's own attribute
    text = readme([("app.queue.depth", "number")]).replace(
        "| app.queue.depth |", "| Queue depth (grouped by shard) |"
    )
    depth = "metrics.sums.checkoutservice/app.queue.depth"
    root = package(tmp_path, text, dashboards__d=_filtered(depth, groupbyTag="metric.tag.shard"))
    assert lint(root, select="MET010") == []


def test_an_attribute_the_catalogue_lists_for_the_metric_is_known(tmp_path):
    used = f"metrics.sums.{GO_SCOPE}/go.memory.used"
    text = readme([("go.memory.used", "By")], intro=f"Instrumentation scope `{GO_SCOPE}`.")
    root = package(
        tmp_path, text, dashboards__d=_filtered(used, groupbyTag="metric.tag.go.memory.type")
    )
    assert lint(root, select="MET010") == []


def test_metric_attributes_of_undocumented_metrics_are_left_to_met001(tmp_path):
    # opentelemetry-demo/dashboards/runtime-nodejs.json: a table grouped by metric.tag.space over
    # nodejs.heapSpaces.*, which the (empty) README does not document
    table = {
        "id": "t",
        "title": "Heap Spaces",
        "type": "table",
        "config": {
            "datasets": [{"metric": "metrics.gauges.paymentservice/nodejs.heapSpaces.used"}],
            "grouping": [{"groupbyTag": "metric.tag.space"}],
        },
    }
    root = package(tmp_path, readme(None), dashboards__d=dashboard("D", table))
    assert lint(root, select="MET010") == []


def test_one_finding_per_attribute_with_its_use_count(tmp_path):
    # as k8s/entities/*.json all identify by k8s.cluster.name (which the conventions define);
    # here attributes nobody defines
    rows = [("app.job.active", "number"), ("app.cron.active", "number")]
    ids = ["otel.attribute.app.cluster", "otel.attribute.app.zone"]
    root = package(
        tmp_path,
        readme(rows),
        entities__cron=entity("App Cron", ids, "metrics.gauges.app.cron.active"),
        entities__job=entity("App Job", ids, "metrics.gauges.app.job.active"),
    )
    result = lint(root, select="MET010")
    assert findings(result) == [
        ("MET010", "entities/cron.json", 5),
        ("MET010", "entities/cron.json", 6),
    ]
    assert result[0].message == (
        "'otel.attribute.app.cluster' names 'app.cluster', which is not a documented resource or"
        " metric attribute nor one the OpenTelemetry conventions define (used 2 times in 2 files);"
        " the entity's instances are told apart by it: the entity has none unless the telemetry"
        " carries it"
    )
    assert {d.severity.value for d in result} == {"error"}


def test_the_hint_names_only_an_attribute_the_key_misspells(tmp_path):
    # the README documents app.tier; k8s.namespace.name would be a real attribute, not a
    # misspelling of the documented service.name (k8s), but the conventions define it;
    # app.nmespace is no misspelling of anything documented or defined
    ids = [
        "otel.attribute.app.teir",
        "otel.attribute.k8s.namespace.name",
        "otel.attribute.app.nmespace",
    ]
    text = readme([("app.requests", "number")], attributes=("service.name", "app.tier"))
    requests = "metrics.sums.checkoutservice/app.requests"
    root = package(tmp_path, text, entities__app=entity("App", ids, requests))
    result = lint(root, select="MET010")
    assert findings(result) == [
        ("MET010", "entities/app.json", 5),
        ("MET010", "entities/app.json", 7),
    ]
    assert [d.hint for d in result] == [
        "did you mean 'app.tier'?",
        "document it in the README (Resource Attributes table or a metric's Attributes)",
    ]


def test_a_metric_attribute_in_the_documented_metrics_namespace_is_its_own(tmp_path):
    # nodejs/dashboards/runtime.json groups v8js.memory.heap.space.* by
    # metric.tag.v8js.heap.space.name; for an application's metric app.heap.space.size,
    # metric.tag.app.heap.space.name is its own and metric.tag.heap.kind is not
    size = "metrics.gauges.checkoutservice/app.heap.space.size"
    text = readme([("app.heap.space.size", "byte")])
    grouped = chart("Spaces", [metric(size, "byte", groupbyTag="metric.tag.app.heap.space.name")])
    other = chart("Other", [metric(size, "byte", groupbyTag="metric.tag.heap.kind")])
    root = package(tmp_path, text, dashboards__d=dashboard("D", grouped, other))
    assert findings(lint(root, select="MET010")) == [("MET010", "dashboards/d.json", 68)]
