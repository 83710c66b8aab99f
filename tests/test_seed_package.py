"""Acceptance: the seed Go README against content that uses the instrumentation's real names.

tests/fixtures/seed-go/README.md is the seed README as given; its dashboard and events use what
go.opentelemetry.io/contrib/instrumentation/runtime really emits (process.runtime.go.mem.heap_alloc
...), plus the CPU, context-deadline and HTTP-pool metrics the seed's events rely on, which the
instrumentation does not emit.
"""

from pathlib import Path

import pytest

from helpers import findings, lint

SEED = Path(__file__).parent / "fixtures" / "seed-go"
DASHBOARD = "dashboards/go-runtime-metrics.json"
RUNTIME = "go.opentelemetry.io/contrib/instrumentation/runtime"
HOST = "go.opentelemetry.io/contrib/instrumentation/host"


@pytest.fixture(scope="module")
def seed():
    return lint(SEED, select="MET")


def test_every_inconsistency_is_found_where_it_is(seed):
    assert findings(seed) == [
        ("MET005", "README.md", 31),  # heap_inuse documented as Number
        ("MET002", "README.md", 32),  # heap.alloc: referenced nowhere ...
        ("MET004", "README.md", 32),  # ... and not emitted (heap_alloc is)
        ("MET002", "README.md", 33),
        ("MET004", "README.md", 33),
        ("MET002", "README.md", 34),
        ("MET003", "README.md", 34),  # heap.inuse repeats heap_inuse
        ("MET004", "README.md", 34),
        ("MET002", "README.md", 35),
        ("MET004", "README.md", 35),
        ("MET005", "README.md", 35),  # heap.objects documented as Byte
        ("MET001", DASHBOARD, 80),  # heap_alloc (and events/heap-allocation-spike.json)
        ("MET001", DASHBOARD, 115),  # heap_sys
        # heap_inuse is shown in bytes, documented as Number: the instrumentation reports bytes,
        # so the chart is right (MET005 reports the README)
        ("MET001", DASHBOARD, 203),  # heap_objects (and events/memory-leak-detection.json)
        # not emitted: documenting it would not help (MET004 only)
        ("MET004", "events/context-deadline-exceeded.json", 11),
        ("MET004", "events/high-cpu-utilization.json", 11),
        ("MET007", "events/high-heap-usage.json", 14),  # 0.8 against heap_inuse
        ("MET004", "events/http-connection-pool-exhaustion.json", 11),
    ]


def _hints(diagnostics, code, path):
    return [d.hint for d in diagnostics if d.code == code and d.path == path]


def test_content_with_the_emitted_name_hints_to_fix_the_readme_row(seed):
    prefix = "the instrumentation emits 'process.runtime.go.mem.heap_"
    assert _hints(seed, "MET001", DASHBOARD) == [
        f"{prefix}alloc': fix the README row 'process.runtime.go.mem.heap.alloc' (line 32)",
        f"{prefix}sys': fix the README row 'process.runtime.go.mem.heap.sys' (line 33)",
        f"{prefix}objects': fix the README row 'process.runtime.go.mem.heap.objects' (line 35)",
    ]


def test_readme_row_hints_the_emitted_spelling(seed):
    assert _hints(seed, "MET004", "README.md") == [
        "did you mean 'process.runtime.go.mem.heap_alloc'?",
        "did you mean 'process.runtime.go.mem.heap_sys'?",
        "did you mean 'process.runtime.go.mem.heap_inuse'?",
        "did you mean 'process.runtime.go.mem.heap_objects'?",
    ]
    assert _hints(seed, "MET002", "README.md")[0] == (
        "the content uses 'process.runtime.go.mem.heap_alloc'; did you mean it?"
    )


def test_cpu_time_points_at_the_host_instrumentation(seed):
    (cpu,) = [d for d in seed if d.code == "MET004" and "cpu" in d.path]
    assert cpu.message == (
        f"instrumentation '{RUNTIME}' does not emit a metric 'process.runtime.go.cpu.time'"
        " (catalogue: go-runtime), nor do the OpenTelemetry conventions define it"
    )
    assert cpu.hint == f"'process.cpu.time' is emitted by instrumentation '{HOST}'"


def test_unrelated_names_get_no_misleading_hint(seed):
    deadline = [d for d in seed if "context-deadline" in d.path]
    assert [d.hint for d in deadline] == [
        "use a metric it emits, or document the instrumentation that reports this one",
    ]


def test_unit_findings_say_both_units(seed):
    messages = [d.message for d in seed if d.code in {"MET005", "MET007"}]
    assert messages == [
        "'process.runtime.go.mem.heap_inuse' is documented in 'Number' (a plain number), but"
        " it is reported in 'By' (bytes) (catalogue: go-runtime)",
        "'process.runtime.go.mem.heap.objects' is documented in 'Byte' (bytes), but"
        " 'process.runtime.go.mem.heap_objects' is reported in 'no unit' (a plain number)"
        " (catalogue: go-runtime)",
        "threshold 0.8 is a fraction, but 'process.runtime.go.mem.heap_inuse' is in bytes",
    ]
