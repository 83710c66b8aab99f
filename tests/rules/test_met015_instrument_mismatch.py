from helpers import copy_go, edit_text, findings, lint

EVENT = "events/high-goroutine-count.json"
GOROUTINES = "metrics.sums.go.opentelemetry.io/contrib/instrumentation/runtime/go.goroutine.count"
USED_ROW = "and runtime). | By | UpDownCounter |"


def test_a_documented_instrument_the_instrumentation_does_not_use(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", USED_ROW, "and runtime). | By | Counter |")
    result = lint(package, select="MET015")
    assert findings(result) == [("MET015", "README.md", 31)]
    assert result[0].message == (
        "'go.memory.used' is documented as 'Counter', but 'go.memory.used' is an UpDownCounter"
        " (catalogue: go-runtime)"
    )
    assert result[0].hint == "document the instrument as 'UpDownCounter'"


def test_the_otlp_kind_of_a_row_is_compared_as_a_kind(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", USED_ROW, "and runtime). | By | Sum |")
    assert lint(package, select="MET015") == []
    edit_text(package / "README.md", "and runtime). | By | Sum |", "and runtime). | By | Gauge |")
    assert findings(lint(package, select="MET015")) == [("MET015", "README.md", 31)]


def test_a_metric_id_of_the_wrong_kind(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / EVENT, GOROUTINES, GOROUTINES.replace("metrics.sums.", "metrics.gauges."))
    result = lint(package, select="MET015")
    assert findings(result) == [("MET015", EVENT, 11)]
    assert result[0].message == (
        "'go.goroutine.count' is charted as metrics.gauges, but it is an UpDownCounter, stored as"
        " metrics.sums (catalogue: go-runtime)"
    )
    assert result[0].hint == (
        "write the id as metrics.sums.go.opentelemetry.io/contrib/instrumentation/runtime"
        "/go.goroutine.count"
    )


def test_a_gauge_is_accepted_for_an_up_down_counter_only_the_conventions_know(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / EVENT, GOROUTINES, "metrics.gauges.my.app/v8js.memory.heap.used")
    assert lint(package, select="MET015") == []


def test_clean_fixture_documents_the_instruments_it_charts(tmp_path):
    assert lint(copy_go(tmp_path), select="MET015") == []
