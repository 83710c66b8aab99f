from helpers import copy_go, edit_text, findings, lint

HIGH_GOROUTINES = "events/high-goroutine-count.json"


def test_reference_to_a_metric_spelt_differently_in_the_readme(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", "| `go.goroutine.count` |", "| `go.goroutine_count` |")
    result = lint(package, select="MET001")
    assert findings(result) == [
        ("MET001", "dashboards/go-runtime-metrics.json", 29),
        ("MET001", "dashboards/go-runtime-metrics.json", 503),
        ("MET001", "dashboards/go-runtime-metrics.json", 538),
        ("MET001", HIGH_GOROUTINES, 11),
    ]
    assert result[0].hint == "did you mean 'go.goroutine_count'?"
    assert result[0].pointer == "/widgets/0/config/metricConfiguration/metric"


def test_unrelated_name_gets_a_plain_hint(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / HIGH_GOROUTINES, "runtime/go.goroutine.count", "runtime/go.cpu.seconds")
    result = lint(package, select="MET001")
    assert findings(result) == [("MET001", HIGH_GOROUTINES, 11)]
    assert result[0].hint == "add a row for it to the README metrics table"


def test_no_readme_means_nothing_to_compare(tmp_path):
    package = copy_go(tmp_path)
    (package / "README.md").unlink()
    assert lint(package, select="MET001") == []


def test_clean_fixture_documents_every_metric(tmp_path):
    assert lint(copy_go(tmp_path), select="MET001") == []
