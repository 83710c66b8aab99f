"""The metric-id parser: round trips, never raises, finds references structurally."""

from hypothesis import given
from hypothesis import strategies as st

from helpers import GO_FIXTURE, write_package
from pkgkit.model.metrics import (
    MetricId,
    metric_pattern_regex,
    metric_references,
    nests_repetitions,
    parse_metric_id,
    pattern_matches,
    tag_references,
)
from pkgkit.model.package import load_package

_SEGMENT = st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=8)
_DOTTED = st.lists(_SEGMENT, min_size=1, max_size=4).map(".".join)
_SCOPES = st.lists(_DOTTED, min_size=1, max_size=4).map("/".join)
_KEYS = st.text("abcdefghijklmnopqrstuvwxyz._-/ ", min_size=1, max_size=12)
_VALUES = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ['"', "\\", '\\"', "a,b", "}", "{", 'x="y"', "=", "/"]
)
_SELECTORS = st.none() | st.lists(st.tuples(_KEYS, _VALUES), max_size=4).map(tuple)


@st.composite
def metric_ids(draw):
    name = draw(_DOTTED.filter(lambda n: not n.startswith("metrics.")))
    selectors = draw(_SELECTORS)
    if draw(st.booleans()):
        return MetricId(name, selectors=selectors)
    kind = draw(st.sampled_from(["sums", "gauges", "histograms"]))
    return MetricId(name, kind, draw(st.none() | _SCOPES), selectors)


@given(metric_ids())
def test_format_then_parse_is_the_identity(metric):
    assert parse_metric_id(metric.format()) == metric


@given(st.text())
def test_parser_never_raises_and_its_result_round_trips(text):
    metric = parse_metric_id(text)
    assert parse_metric_id(metric.format()) == metric


@given(st.text())
def test_pattern_matching_never_raises(text):
    pattern_matches(parse_metric_id(text, regex=True), [("go.memory.used", "scope")])


def test_name_is_after_the_last_slash_before_the_selectors():
    metric = parse_metric_id('metrics.gauges.a.b/c/d.e{k="x/y",z=""}')
    assert (metric.kind, metric.scope, metric.name) == ("gauges", "a.b/c", "d.e")
    assert metric.selectors == (("k", "x/y"), ("z", ""))


def test_escaped_quotes_in_selector_values():
    metric = parse_metric_id(r'metrics.sums.s/n{k="say \"hi\"",j="\\"}')
    assert metric.selectors == (("k", 'say "hi"'), ("j", "\\"))


def test_empty_selectors_differ_from_none():
    assert parse_metric_id("metrics.sums.s/n{}").selectors == ()
    assert parse_metric_id("metrics.sums.s/n").selectors is None


def test_an_id_without_a_scope_is_qualified_and_may_name_its_scope_in_a_selector():
    # k8s/dashboards/cron-job.json and k8s/entities/horizontal-pod-autoscaler.json
    plain = parse_metric_id("metrics.gauges.k8s.cronjob.active")
    assert (plain.kind, plain.scope, plain.name) == ("gauges", None, "k8s.cronjob.active")
    assert plain.qualified and plain.instrumentation_scope is None
    scope = "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/k8sclusterreceiver"
    selected = parse_metric_id(f'metrics.gauges.k8s.hpa.max{{scope="{scope}"}}')
    assert (selected.name, selected.scope) == ("k8s.hpa.max", None)
    assert selected.instrumentation_scope == scope
    assert selected.attribute_selectors == ()
    assert parse_metric_id('metrics.sums.s/n{scope="t",k="v"}').instrumentation_scope == "s"


def test_a_regular_expression_without_syntax_is_the_literal_id():
    # wxd-presto: escaped dots; wxd-prestissimo: "regex": true on a plain id
    scope = "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver"
    name = "watsonx_data_presto_task_executor_leaf_split_cpu_time_avg"
    escaped = parse_metric_id(rf"metrics\.gauges\.github\.com/{scope[11:]}/{name}", regex=True)
    plain = parse_metric_id(f"metrics.gauges.{scope}/{name}", regex=True)
    assert escaped == plain == MetricId(name, "gauges", scope)
    assert parse_metric_id(r"go\.memory\.used") == MetricId("go.memory.used")
    real = f"metrics.gauges.{scope}/presto_cpp..*.hive_file_handle_cache_num_hits"
    assert parse_metric_id(real, regex=True).pattern
    assert parse_metric_id(r"go\.memory\.\w+").pattern


def test_malformed_text_is_an_unparsed_bare_name():
    for text in ['metrics.sums.s/n{k="unterminated}', "metrics.sums./n", "a{b"]:
        metric = parse_metric_id(text)
        assert not metric.qualified
        assert metric.name == text


def test_regular_expressions_are_patterns_matched_against_names():
    metric = parse_metric_id(r"go\.memory\..*")
    assert metric.pattern
    names = [("go.memory.used", "s"), ("go.memory.limit", "s"), ("go.goroutine.count", "s")]
    assert pattern_matches(metric, names) == ["go.memory.used", "go.memory.limit"]
    qualified = parse_metric_id(r"metrics\.sums\.s/go\.goroutine\.[a-z]+")
    assert pattern_matches(qualified, names) == ["go.goroutine.count"]
    assert pattern_matches(parse_metric_id("go.memory.+", regex=True), names) == [
        "go.memory.used",
        "go.memory.limit",
    ]


@given(st.text(st.sampled_from(list("ab.*+?{}[]|^$\\,12-dw")), max_size=10))
def test_a_pattern_without_a_group_nests_no_repetition(text):
    assert not nests_repetitions(MetricId(text, pattern=True))


def test_a_repeated_group_that_repeats_nests_repetitions():
    assert nests_repetitions(MetricId("(a+)+", pattern=True))
    assert nests_repetitions(MetricId(r"x(?:\w*\s?)*", pattern=True))
    assert not nests_repetitions(MetricId("(ab)+c*", pattern=True))
    assert not nests_repetitions(MetricId("presto_cpp..*.hive_file_handle", pattern=True))


def test_event_metric_pattern_objects_become_regular_expressions():
    regex = metric_pattern_regex({"prefix": "go.memory.", "operator": "startsWith"})
    metric = MetricId(regex, pattern=True)
    assert pattern_matches(metric, [("go.memory.used", None), ("go.gc", None)]) == [
        "go.memory.used"
    ]


def test_references_are_found_wherever_they_are_nested(tmp_path):
    write_package(
        tmp_path,
        {
            "package.json": {"name": "p"},
            "dashboards/d.json": {
                "widgets": [
                    {"config": {"y2": {"metrics": [{"metric": "a", "aggregation": "MAX"}]}}},
                    {"config": {"newWidget": {"deep": [{"metric": "b", "regex": True}]}}},
                ]
            },
            "events/e.json": {"rules": [{"metricPattern": {"prefix": "c"}, "window": 1}]},
            "entities/t.json": {
                "data": {
                    "identifiers": ["otel.attribute.service.name"],
                    "metrics": [{"source": "d", "formatter": "NUMBER"}],
                }
            },
        },
    )
    package = load_package(str(tmp_path))
    found = [(r.file.relpath, r.pointer, r.metric.name) for r in metric_references(package)]
    assert found == [
        ("dashboards/d.json", "/widgets/0/config/y2/metrics/0/metric", "a"),
        ("dashboards/d.json", "/widgets/1/config/newWidget/deep/0/metric", "b"),
        ("events/e.json", "/rules/0/metricPattern", "c"),
        ("entities/t.json", "/data/metrics/0/source", "d"),
    ]
    assert metric_references(package)[0].setting("aggregation") == "MAX"
    assert [t.attribute for t in tag_references(package)] == ["service.name"]


def test_clean_fixture_references_carry_their_context():
    references = metric_references(load_package(str(GO_FIXTURE)))
    # 17 dashboard series (14 runtime, 3 of the other instrumentations) and 7 events
    assert len(references) == 24
    first = references[0]
    assert first.context_pointer == "/widgets/0/config/metricConfiguration"
    assert first.setting("unit") == "number"
    assert first.metric.scope == "go.opentelemetry.io/contrib/instrumentation/runtime"
