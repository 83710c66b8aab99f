"""Event rule unit tests: ``tests/*.yaml`` of a package, in the spirit of ``promtool test rules``.

A file holds a list of tests (or one test at the top level)::

    tests:
      - name: goroutine leak            # optional
        interval: 60s                   # sample spacing, default 60s
        series:
          - metric: go.goroutine.count  # a metricName, or the metric name without its scope
            values: "900+20x30"         # promtool notation, or a list: [1, 2, _, 4]
            interval: 30s               # optional, this series only
        expect:
          - event: High Goroutine Count # the event's name
            at: 10m                     # time from the first sample (a bare number is seconds)
            fires: true

Each expectation is checked with :mod:`pkgkit.testing.evaluate`; a mismatch or a format error is
reported as ``file:line:column: message`` at the YAML node concerned. The file is read with
PyYAML's safe loader (no tags run code).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from pkgkit.testing.evaluate import (
    MAX_SAMPLES,
    EvaluationError,
    Sample,
    event_fires,
    expand_values,
    parse_duration,
    rule_value,
    samples_of,
    series_for,
    threshold_rules,
)
from pkgkit.util import safeyaml
from pkgkit.util.files import ReadRefusedError, read_regular_file
from pkgkit.util.output import display_text
from pkgkit.util.suggest import did_you_mean

if TYPE_CHECKING:
    from pkgkit.model.package import Package

_TEST_KEYS = ("name", "interval", "series", "expect")
_SERIES_KEYS = ("metric", "values", "interval")
_EXPECT_KEYS = ("event", "at", "fires")
DEFAULT_INTERVAL = "60s"
#: Test files are a few kilobytes; a larger one is refused unread.
MAX_TEST_BYTES = 1024 * 1024


class FormatError(Exception):
    """A located problem with the test file."""

    def __init__(self, node: yaml.Node | yaml.Mark | None, message: str) -> None:
        mark = node.start_mark if isinstance(node, yaml.Node) else node
        self.line = mark.line + 1 if mark else 1
        self.column = mark.column + 1 if mark else 1
        super().__init__(message)


@dataclass
class _Context:
    events: dict[str, dict[str, Any]]
    problems: list[FormatError]


def run_test_file(path: str, package: Package) -> list[str]:
    """Every problem of one test file as ``path:line:column: message`` (empty: all pass);
    text from the file is escaped (:func:`~pkgkit.util.output.display_text`)."""
    shown = display_text(os.path.relpath(path))
    problems = file_problems(path, package)
    return [f"{shown}:{p.line}:{p.column}: {display_text(str(p))}" for p in problems]


def file_problems(path: str, package: Package) -> list[FormatError]:
    """Every problem of one test file, located (empty: all its tests pass)."""
    events = {
        file.data["name"]: file.data
        for file in package.documents("event")
        if isinstance(file.data.get("name"), str)
    }
    context = _Context(events, [])
    try:
        for test in _tests(_compose(path, package.root)):
            _run_test(test, context)
    except FormatError as error:
        context.problems.append(error)
    return context.problems


def _compose(path: str, root: str) -> yaml.Node:
    """The node tree of a test file: a regular file of at most :data:`MAX_TEST_BYTES`, not
    reached through a symbolic link out of the package ``root`` (when it is in the package)."""
    absolute, top = os.path.abspath(path), os.path.abspath(root)  # noqa: PTH100
    within = root if absolute.startswith(top.rstrip(os.sep) + os.sep) else None
    try:
        text = read_regular_file(path, MAX_TEST_BYTES, within=within).decode("utf-8")
        node = safeyaml.compose(text)
    except safeyaml.RefusedYamlError as error:
        raise FormatError(error.mark, str(error)) from None
    except ReadRefusedError as error:
        raise FormatError(None, f"the file {error.strerror}") from None
    except OSError as error:
        raise FormatError(None, f"cannot read the file: {error.strerror}") from None
    except UnicodeDecodeError:
        raise FormatError(None, "the file is not UTF-8") from None
    except yaml.MarkedYAMLError as error:
        raise FormatError(error.problem_mark, f"invalid YAML: {error.problem}") from None
    if node is None:
        raise FormatError(None, "the file is empty: expected a 'tests' list")
    return node


def _scalar(node: yaml.Node) -> Any:  # noqa: ANN401 - a YAML scalar
    if not isinstance(node, yaml.ScalarNode):
        raise FormatError(node, "expected a single value")
    try:
        return yaml.SafeLoader("").construct_object(node)
    except yaml.MarkedYAMLError as error:
        raise FormatError(node, f"invalid value: {error.problem}") from None


def _mapping(node: yaml.Node, keys: tuple[str, ...], what: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise FormatError(node, f"{what}: expected a mapping with {', '.join(keys)}")
    result: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = _scalar(key_node)
        if key not in keys:
            hint = did_you_mean(str(key), keys)
            raise FormatError(
                key_node, f"{what}: unknown key {key!r}" + (f" ({hint})" if hint else "")
            )
        result[key] = value_node
    return result


def _sequence(node: yaml.Node, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise FormatError(node, f"{what}: expected a list")
    return list(node.value)


def _required(mapping: dict[str, yaml.Node], key: str, parent: yaml.Node, what: str) -> yaml.Node:
    if key not in mapping:
        raise FormatError(parent, f"{what}: '{key}' is missing")
    return mapping[key]


def _tests(root: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(root, yaml.MappingNode) and any(_scalar(k) == "tests" for k, _ in root.value):
        tests = _mapping(root, ("tests",), "file")["tests"]
        yield from _sequence(tests, "tests")
    else:
        yield root


def _duration(node: yaml.Node, what: str) -> int:
    value = _scalar(node)
    try:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise EvaluationError(f"invalid duration {value!r}: expected e.g. 30s, 5m, 1h30m")
        return parse_duration(str(value))
    except EvaluationError as error:
        raise FormatError(node, f"{what}: {error}") from None


def _run_test(node: yaml.Node, context: _Context) -> None:
    test = _mapping(node, _TEST_KEYS, "test")
    interval = _duration(test["interval"], "interval") if "interval" in test else 60_000
    series: dict[str, list[Sample]] = {}
    total = 0
    for item in _sequence(_required(test, "series", node, "test"), "series"):
        metric, samples = _series(item, interval, context)
        total += len(samples)
        if total > MAX_SAMPLES:
            message = f"series: more than {MAX_SAMPLES:,} samples in one test, the most allowed"
            raise FormatError(item, message)
        series.setdefault(metric, []).extend(samples)
    for item in _sequence(_required(test, "expect", node, "test"), "expect"):
        try:
            _expectation(item, series, context)
        except FormatError as error:
            context.problems.append(error)


def _series(node: yaml.Node, interval: int, context: _Context) -> tuple[str, list[Sample]]:
    entry = _mapping(node, _SERIES_KEYS, "series")
    metric_node = _required(entry, "metric", node, "series")
    metric = _scalar(metric_node)
    if not isinstance(metric, str) or not metric:
        raise FormatError(metric_node, "series: 'metric' must be a metric name or id")
    if not any(rule.matches(metric) for rule in _all_rules(context)):
        context.problems.append(FormatError(metric_node, f"series {metric!r} feeds no event rule"))
    if "interval" in entry:
        interval = _duration(entry["interval"], "series interval")
    values = _values(_required(entry, "values", node, "series"))
    return metric, samples_of(values, interval)


def _all_rules(context: _Context) -> Iterator[Any]:
    for event in context.events.values():
        try:
            yield from threshold_rules(event)
        except EvaluationError:
            continue


def _values(node: yaml.Node) -> list[float | None]:
    try:
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) > MAX_SAMPLES:
                raise EvaluationError(
                    f"the series has more than {MAX_SAMPLES:,} samples, the most a test may give"
                )
            return [_list_value(item) for item in node.value]
        value = _scalar(node)
        return expand_values(str(value))
    except EvaluationError as error:
        raise FormatError(node, f"values: {error}") from None


def _list_value(node: yaml.Node) -> float | None:
    value = _scalar(node)
    if value is None or value == "_":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FormatError(node, f"values: {value!r} is not a number (use _ for a missing sample)")
    return float(value)


def _expectation(node: yaml.Node, series: dict[str, list[Sample]], context: _Context) -> None:
    entry = _mapping(node, _EXPECT_KEYS, "expect")
    name_node = _required(entry, "event", node, "expect")
    name = _scalar(name_node)
    if name not in context.events:
        hint = did_you_mean(str(name), context.events)
        raise FormatError(
            name_node, f"no event named {name!r} in the package" + (f" ({hint})" if hint else "")
        )
    at = _duration(_required(entry, "at", node, "expect"), "at")
    fires_node = _required(entry, "fires", node, "expect")
    expected = _scalar(fires_node)
    if not isinstance(expected, bool):
        raise FormatError(fires_node, "expect: 'fires' must be true or false")
    event = context.events[name]
    try:
        actual = event_fires(event, series, at)
    except EvaluationError as error:
        raise FormatError(name_node, f"event {name!r}: {error}") from None
    if actual != expected:
        raise FormatError(node, _mismatch(name, at, event, series, expected=expected))


def _mismatch(
    name: str, at: int, event: dict[str, Any], series: dict[str, list[Sample]], *, expected: bool
) -> str:
    said = "to fire, but it stays silent" if expected else "to stay silent, but it fires"
    details = []
    for rule in threshold_rules(event):
        value = rule_value(rule, series_for(rule, series), at)
        shown = "no data" if value is None else f"{value:g}"
        details.append(
            f"{rule.aggregation} over {rule.window // 1000}s = {shown}, "
            f"condition {rule.operator} {rule.threshold:g}"
        )
    return f"{name!r} at {at // 1000}s: expected {said} ({'; '.join(details)})"
