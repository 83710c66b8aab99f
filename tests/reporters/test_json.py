"""--format json: an array of findings with a fixed set of keys; --output writes it to a file."""

import json

from helpers import run_cli

KEYS = ["rule", "severity", "path", "line", "column", "pointer", "message", "hint"]


def test_findings_as_a_json_array(package, capsys):
    code, out, _ = run_cli(capsys, "lint", "go", "--format", "json")
    assert code == 1
    [finding] = json.loads(out)
    assert list(finding) == KEYS
    assert finding == {
        "rule": "PKG008",
        "severity": "error",
        "path": "go/dashboards/go-runtime-metrics.json",
        "line": 4,
        "column": 3,
        "pointer": "/title",
        "message": "duplicate key 'title' in object / (first at line 3); "
        "parsers keep only the last",
        "hint": "remove one of the two",
    }


def test_output_file_gets_the_report_and_the_terminal_the_summary(package, tmp_path, capsys):
    (tmp_path / "report.json").write_text("old", encoding="utf-8")
    code, out, _ = run_cli(capsys, "lint", "go", "--format", "json", "--output", "report.json")
    assert code == 1
    assert out == "1 error, 0 warnings, 1 package checked.\n"
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))[0]["rule"] == "PKG008"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", "go", "report.json"]


def test_unwritable_output_is_a_usage_error(package, capsys):
    code, _, err = run_cli(capsys, "lint", "go", "--format", "json", "--output", "no/such/r.json")
    assert code == 2
    assert "--output no/such/r.json: cannot write" in err
