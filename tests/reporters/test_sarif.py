"""--format sarif: a SARIF 2.1.0 log that validates against the official schema."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, ValidationError

from helpers import run_cli
from pkgkit import __version__
from pkgkit.diagnostics import Diagnostic, Severity
from pkgkit.lint.engine import LintReport, PackageResult
from pkgkit.reporters.sarif import sarif_log
from pkgkit.rules import all_rules, rule_doc

#: oasis-tcs/sarif-spec Schemata/sarif-schema-2.1.0.json (2.1.0 with errata 01), vendored.
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))


def validate(log):
    Draft4Validator(SCHEMA, format_checker=Draft4Validator.FORMAT_CHECKER).validate(log)


@pytest.fixture
def log(package, capsys):
    (package / "events" / "extra.json").write_text('{"name": "A", "name": "B"}', "utf-8")
    code, out, _ = run_cli(capsys, "lint", "go", "--format", "sarif", "--select", "PKG008")
    assert code == 1
    return json.loads(out)


def test_validates_against_the_sarif_schema(log):
    validate(log)
    assert log["version"] == "2.1.0"


def test_driver_describes_every_rule(log):
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("pkgkit", __version__)
    assert driver["informationUri"].startswith("https://")
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert list(rules) == [rule.CODE for rule in all_rules()]
    pkg008 = next(rule for rule in all_rules() if rule.CODE == "PKG008")
    assert rules["PKG008"]["name"] == pkg008.NAME
    assert rules["PKG008"]["shortDescription"] == {"text": pkg008.SUMMARY}
    assert rules["PKG008"]["fullDescription"]["text"] == rule_doc(pkg008)
    assert rules["PKG008"]["help"]["text"] == rule_doc(pkg008)
    assert rules["PKG008"]["defaultConfiguration"] == {"level": "error"}


def test_results_are_located_relative_to_the_working_directory(log):
    run = log["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["PKG008", "PKG008"]
    first = run["results"][0]
    assert first["level"] == "error"
    assert first["message"]["text"].startswith("duplicate key 'title'")
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "PKG008"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "go/dashboards/go-runtime-metrics.json", "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 4, "startColumn": 3}
    assert run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "go/events/extra.json"
    )


def test_warnings_spaces_and_absolute_paths_stay_valid():
    diagnostics = [
        Diagnostic("my pkg/events/a b.json", 2, 5, "PKG008", Severity.WARNING, "m", None, "h"),
        Diagnostic("/abs/x.json", 1, 1, "NOPE999", Severity.ERROR, "100% sure"),
    ]
    report = LintReport([PackageResult("p", "my pkg", diagnostics)], ["rule X crashed"])
    log = sarif_log(report)
    validate(log)
    results = log["runs"][0]["results"]
    assert results[0]["level"] == "warning"
    assert results[0]["message"]["text"] == "m\nhint: h"
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris == ["my%20pkg/events/a%20b.json", "file:///abs/x.json"]
    assert "ruleIndex" not in results[1]
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_the_schema_check_is_real(log):
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(ValidationError):
        validate(log)


def test_clean_package_has_no_results(monkeypatch, capsys):
    monkeypatch.chdir(Path(__file__).parents[2])
    code, out, _ = run_cli(capsys, "lint", "fixtures/go", "--format", "sarif", "--isolated")
    log = json.loads(out)
    validate(log)
    assert code == 0
    assert log["runs"][0]["results"] == []
