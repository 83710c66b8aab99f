"""Threshold rule evaluation: notation, durations, windows, aggregations, operators, events."""

import pytest

from pkgkit.testing.evaluate import (
    EvaluationError,
    ThresholdRule,
    aggregate,
    event_fires,
    expand_values,
    in_window,
    parse_duration,
    roll_up,
    rule_fires,
    samples_of,
    threshold_rules,
)

MINUTE = 60_000


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1+2x3", [1, 3, 5, 7]),
        ("10-5x2", [10, 5, 0]),
        ("5x2", [5, 5, 5]),
        ("_x2 3", [None, None, 3]),
        ("1 _ 2.5 -1e3", [1, None, 2.5, -1000]),
    ],
)
def test_expanding_notation(text, values):
    assert expand_values(text) == values


@pytest.mark.parametrize("text", ["1+", "x3", "abc", "_+1x2"])
def test_bad_notation(text):
    with pytest.raises(EvaluationError):
        expand_values(text)


def test_durations():
    assert parse_duration("90s") == 90_000
    assert parse_duration("1h30m") == 90 * MINUTE
    assert parse_duration("250ms") == 250
    assert parse_duration("600") == 10 * MINUTE
    for bad in ("", "5 m", "1y", "m5"):
        with pytest.raises(EvaluationError):
            parse_duration(bad)


def test_samples_drop_gaps():
    assert samples_of([1, None, 3], MINUTE) == [(0, 1), (2 * MINUTE, 3)]


def test_window_includes_both_edges():
    samples = samples_of(range(11), MINUTE)
    assert in_window(samples, 10 * MINUTE, 5 * MINUTE) == [5, 6, 7, 8, 9, 10]
    assert in_window(samples, 10 * MINUTE - 1, 5 * MINUTE) == [5, 6, 7, 8, 9]
    assert in_window(samples, 0, 5 * MINUTE) == [0]


@pytest.mark.parametrize(
    ("aggregation", "value"),
    [
        ("sum", 20),
        ("avg", 5),
        ("min", 2),
        ("max", 8),
        ("absolute_diff", 2),
        ("relative_diff", 50),
    ],
)
def test_aggregations(aggregation, value):
    assert aggregate([4, 2, 8, 6], aggregation) == value


def test_diffs_are_signed_and_need_two_samples():
    assert aggregate([10, 4], "absolute_diff") == -6
    assert aggregate([10, 4], "relative_diff") == -60
    assert aggregate([7], "absolute_diff") is None
    assert aggregate([0, 5], "relative_diff") is None
    assert aggregate([], "avg") is None


def rule(operator=">", threshold=5.0, aggregation="max", window=5 * MINUTE, rollup=None):
    return ThresholdRule("scope/m", window, aggregation, operator, threshold, rollup)


@pytest.mark.parametrize(
    ("operator", "fires_at"),
    [(">", [6]), (">=", [5, 6]), ("<", [4]), ("<=", [4, 5]), ("=", [5]), ("!=", [4, 6])],
)
def test_operators(operator, fires_at):
    for value in (4, 5, 6):
        samples = [(0, float(value))]
        assert rule_fires(rule(operator), samples, 0) is (value in fires_at)


def test_an_empty_window_never_fires():
    assert not rule_fires(rule("<", 1), [], MINUTE)
    assert not rule_fires(rule("<", 1), [(0, 0.0)], 10 * MINUTE)


def test_rollup_averages_buckets():
    samples = samples_of([1, 3, 5, 7], 30_000)
    assert roll_up(samples, MINUTE) == [(30_000, 2), (90_000, 6)]
    assert roll_up(samples, None) == samples
    assert rule_fires(rule(">", 5.5, rollup=MINUTE), samples, 90_000)
    assert not rule_fires(rule(">", 6.5, rollup=MINUTE), samples, 90_000)


EVENT = {
    "name": "E",
    "rules": [
        {"ruleType": "threshold", "metricName": "metrics.sums.scope/m{k=\"v\"}", "window": 60000,
         "aggregation": "max", "conditionOperator": ">", "conditionValue": 1},
        {"ruleType": "threshold", "metricName": "metrics.sums.scope/n", "window": 60000,
         "aggregation": "max", "conditionOperator": ">", "conditionValue": 1},
    ],
}


def test_series_match_by_id_or_name():
    for metric in ('metrics.sums.scope/m{k="v"}', 'm{k="v"}', "m"):
        assert event_fires(EVENT, {metric: [(0, 2.0)]}, 0)
    assert not event_fires(EVENT, {"other": [(0, 2.0)]}, 0)


def test_rules_combine_with_or_unless_and():
    series = {"m": [(0, 2.0)]}
    assert event_fires(EVENT, series, 0)
    assert not event_fires({**EVENT, "ruleLogicalOperator": "AND"}, series, 0)
    assert event_fires({**EVENT, "ruleLogicalOperator": "AND"}, {**series, "n": [(0, 2.0)]}, 0)


def test_unevaluable_rules_are_reported():
    bad = {"rules": [{"ruleType": "threshold", "metricName": "m", "window": 1,
                      "aggregation": "p99", "conditionOperator": ">", "conditionValue": 1}]}
    with pytest.raises(EvaluationError, match="rule 0 cannot be evaluated: aggregation 'p99'"):
        threshold_rules(bad)
    assert threshold_rules({"rules": [{"ruleType": "system"}]}) == []
