"""Evaluate the threshold rules of an event over metric series, for event rule unit tests.

Semantics pkgkit implements (and where they approximate Instana's, which runs server-side over
its own stored rollups and is not published in full):

* **Series.** A series is a list of samples ``(t, value)`` in milliseconds from 0, one per
  ``interval``; a missing sample (``_`` in the notation) is no sample at all.
* **Rollup.** With ``rollup`` larger than the interval, samples are first grouped into buckets
  ``[k*rollup, (k+1)*rollup)``; each bucket becomes one sample, the mean of its values, stamped at
  the bucket's last sample. (Instana rolls up per metric type; the mean is an approximation.)
* **Window.** At evaluation time ``t`` a rule sees the samples with ``t - window <= time <= t``:
  both edges are included, so a window of 5m at a 1m interval holds 6 samples and
  ``absolute_diff`` measures the change over the whole 5 minutes.
* **Aggregation** of the samples in the window: ``sum``, ``avg``, ``min``, ``max``;
  ``absolute_diff`` is ``last - first`` (signed: a growth is positive); ``relative_diff`` is
  ``(last - first) / |first| * 100``, a percentage (Instana documents no unit; pkgkit assumes
  percent), and has no value when ``first`` is 0. The diffs need at least two samples.
* **Condition.** ``value <conditionOperator> conditionValue`` with ``>``, ``>=``, ``<``, ``<=``,
  ``=`` (exact float equality) and ``!=``. No value (an empty window) never fires.
* **Event.** An event fires at ``t`` when any of its threshold rules fires at ``t``
  (``ruleLogicalOperator`` ``AND`` requires all of them). ``expirationTime``, grace periods and
  the "transient event" settings are not modelled: a test asks whether the condition holds at
  one instant.
* **Metrics.** A series matches a rule when its ``metric`` equals the rule's ``metricName``, or
  the metric name after the last ``/`` of the metricName (the scope prefix dropped, any
  ``{attribute="value"}`` selector kept), or that name without its selector.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

Sample = tuple[int, float]

AGGREGATIONS: Final = ("sum", "avg", "min", "max", "absolute_diff", "relative_diff")
OPERATORS: Final[dict[str, Callable[[float, float], bool]]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "=": operator.eq,
    "!=": operator.ne,
}

_DURATION = re.compile(r"(\d+)(ms|s|m|h|d)")
_UNIT_MS: Final = {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000}
_EXPANDING = re.compile(
    r"(?P<start>_|[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?)"
    r"(?:(?P<step>[-+]\d+(?:\.\d+)?(?:e[-+]?\d+)?)?x(?P<count>\d+))?",
    re.IGNORECASE,
)


class EvaluationError(ValueError):
    """A rule, duration or value notation pkgkit cannot evaluate."""


#: Samples a test may give its series in all (a week at one a minute is about 10,000): past
#: this an expansion such as ``1+1x100000000`` is an error, not minutes of work and gigabytes.
MAX_SAMPLES = 100_000
#: Digits of a number in a duration or a repeat count (a duration of 10**15 ms is 31,000 years).
_MAX_DIGITS = 15


def parse_duration(text: str) -> int:
    """``90s``, ``5m``, ``1h30m``, ``250ms`` -> milliseconds (a bare number is seconds)."""
    text = str(text).strip()
    if re.fullmatch(r"\d+", text):
        return _number(text, "duration") * 1000
    if not text or not re.fullmatch(r"(?:\d+(?:ms|s|m|h|d))+", text):
        raise EvaluationError(f"invalid duration {text!r}: expected e.g. 30s, 5m, 1h30m")
    return sum(_number(n, "duration") * _UNIT_MS[unit] for n, unit in _DURATION.findall(text))


def _number(digits: str, what: str) -> int:
    """``int(digits)``, refused past :data:`_MAX_DIGITS` digits (nothing that long is meant)."""
    if len(digits.lstrip("0")) > _MAX_DIGITS:
        raise EvaluationError(f"{what} {digits[:20]}... has more than {_MAX_DIGITS} digits")
    return int(digits)


def expand_values(text: str) -> list[float | None]:
    """promtool's expanding notation: ``1+2x3`` -> 1 3 5 7; ``5x2`` -> 5 5 5; ``_x2`` -> gaps."""
    values: list[float | None] = []
    for term in str(text).split():
        match = _EXPANDING.fullmatch(term)
        if match is None:
            raise EvaluationError(
                f"invalid value {term!r}: expected a number, '_', 'a+bxn', 'a-bxn' or 'axn'"
            )
        values.extend(_expand(match, MAX_SAMPLES - len(values)))
    return values


def _expand(match: re.Match[str], room: int) -> list[float | None]:
    """The samples of one term; more than ``room`` of them is an error (:data:`MAX_SAMPLES`)."""
    start, step, count = match.group("start", "step", "count")
    samples = 1 if count is None else _number(count, "count") + (start != "_")
    if samples > room:
        raise EvaluationError(
            f"the series has more than {MAX_SAMPLES:,} samples, the most a test may give"
        )
    if start == "_":
        if step:
            raise EvaluationError("'_' cannot have a step")
        return [None] * samples
    first = float(start)
    increment = float(step) if step else 0.0
    return [first + i * increment for i in range(samples)]


def samples_of(values: Sequence[float | None], interval: int) -> list[Sample]:
    """Timestamped samples, gaps dropped."""
    return [(i * interval, v) for i, v in enumerate(values) if v is not None]


@dataclass(frozen=True)
class ThresholdRule:
    """The parts of a threshold rule pkgkit evaluates."""

    metric: str
    window: int
    aggregation: str
    operator: str
    threshold: float
    rollup: int | None = None

    def matches(self, metric: str) -> bool:
        """Whether a test series named ``metric`` feeds this rule."""
        name = self.metric.split("{", 1)[0].rsplit("/", 1)[-1]
        selector = self.metric[len(self.metric.split("{", 1)[0]) :]
        return metric in (self.metric, name + selector, name)


def threshold_rules(event: Mapping[str, Any]) -> list[ThresholdRule]:
    """The threshold rules of an event document (raises when one cannot be evaluated)."""
    rules = []
    for index, rule in enumerate(event.get("rules") or []):
        if not isinstance(rule, dict) or rule.get("ruleType") != "threshold":
            continue
        try:
            rules.append(_threshold_rule(rule))
        except (KeyError, TypeError, ValueError) as error:
            raise EvaluationError(f"rule {index} cannot be evaluated: {error}") from None
    return rules


def _threshold_rule(rule: Mapping[str, Any]) -> ThresholdRule:
    aggregation, op = rule["aggregation"], rule["conditionOperator"]
    if aggregation not in AGGREGATIONS:
        raise ValueError(f"aggregation {aggregation!r} is not one of {', '.join(AGGREGATIONS)}")
    if op not in OPERATORS:
        raise ValueError(f"conditionOperator {op!r} is not one of {' '.join(OPERATORS)}")
    if not isinstance(rule.get("metricName"), str):
        raise ValueError("only rules with a metricName are evaluated")
    rollup = rule.get("rollup")
    return ThresholdRule(
        rule["metricName"], int(rule["window"]), aggregation, op,
        float(rule["conditionValue"]), int(rollup) if rollup else None,
    )


def roll_up(samples: Sequence[Sample], rollup: int | None) -> list[Sample]:
    """One sample per rollup bucket (the mean, at the bucket's last sample)."""
    if not rollup:
        return list(samples)
    buckets: dict[int, list[Sample]] = {}
    for sample in samples:
        buckets.setdefault(sample[0] // rollup, []).append(sample)
    return [
        (bucket[-1][0], sum(v for _, v in bucket) / len(bucket))
        for _, bucket in sorted(buckets.items())
    ]


def in_window(samples: Sequence[Sample], at: int, window: int) -> list[float]:
    """Values with ``at - window <= time <= at``."""
    return [value for time, value in samples if at - window <= time <= at]


def aggregate(values: Sequence[float], aggregation: str) -> float | None:
    """The aggregated value of a window, or None when it has none."""
    if not values:
        return None
    if aggregation in ("absolute_diff", "relative_diff"):
        return _difference(values, relative=aggregation == "relative_diff")
    functions: dict[str, Callable[[Sequence[float]], float]] = {
        "sum": math.fsum, "avg": lambda v: math.fsum(v) / len(v), "min": min, "max": max,
    }
    return functions[aggregation](values)


def _difference(values: Sequence[float], *, relative: bool) -> float | None:
    if len(values) < 2:
        return None
    first, last = values[0], values[-1]
    if not relative:
        return last - first
    return None if first == 0 else (last - first) / abs(first) * 100


def rule_value(rule: ThresholdRule, samples: Sequence[Sample], at: int) -> float | None:
    """The aggregated value the rule compares at time ``at``."""
    return aggregate(in_window(roll_up(samples, rule.rollup), at, rule.window), rule.aggregation)


def rule_fires(rule: ThresholdRule, samples: Sequence[Sample], at: int) -> bool:
    """Whether the rule's condition holds at ``at``."""
    value = rule_value(rule, samples, at)
    return value is not None and OPERATORS[rule.operator](value, rule.threshold)


def event_fires(
    event: Mapping[str, Any], series: Mapping[str, Sequence[Sample]], at: int
) -> bool:
    """Whether the event fires at ``at`` given the series by metric (unmatched rules: no data)."""
    results = [
        rule_fires(rule, series_for(rule, series), at) for rule in threshold_rules(event)
    ]
    if event.get("ruleLogicalOperator") == "AND":
        return bool(results) and all(results)
    return any(results)


def series_for(rule: ThresholdRule, series: Mapping[str, Sequence[Sample]]) -> list[Sample]:
    merged = [s for metric, samples in series.items() if rule.matches(metric) for s in samples]
    return sorted(merged)
