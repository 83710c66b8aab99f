"""--write-baseline records findings; --baseline reports only new ones, independent of lines."""

import json

import pytest

from helpers import edit_text, go_with_duplicate_key, run_cli

DASHBOARD = "dashboards/go-runtime-metrics.json"
TITLE = '  "title": "Go Runtime Metrics",\n'


@pytest.fixture
def package(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return go_with_duplicate_key(tmp_path)


def lint(capsys, *argv):
    return run_cli(capsys, "lint", "go", *argv)


def test_baseline_absorbs_recorded_findings_after_lines_move(package, tmp_path, capsys):
    code, _, err = lint(capsys, "--write-baseline", "baseline.json")
    assert code == 0
    assert "recorded 1 finding(s) in baseline.json" in err
    dashboard = package / DASHBOARD
    dashboard.write_text("\n\n\n" + dashboard.read_text(encoding="utf-8"), encoding="utf-8")
    assert "go-runtime-metrics.json:7:3: PKG008" in lint(capsys)[1]
    code, out, err = lint(capsys, "--baseline", "baseline.json")
    assert code == 0
    assert "PKG008" not in out
    assert "1 finding(s) recorded in baseline.json not shown" in err


def test_a_new_finding_is_reported(package, capsys):
    lint(capsys, "--write-baseline", "baseline.json")
    two_ids = '  "id": "x",\n  "id": "y",\n'
    edit_text(package / DASHBOARD, '  "id": "go-runtime-metrics",\n', two_ids)
    code, out, _ = lint(capsys, "--baseline", "baseline.json")
    assert code == 1
    assert "go-runtime-metrics.json:3:3: PKG008 duplicate key 'id'" in out
    assert "'title'" not in out


def test_matching_counts_identical_findings(package, capsys):
    edit_text(package / DASHBOARD, TITLE * 2, TITLE * 3)
    lint(capsys, "--write-baseline", "baseline.json")
    entry = json.loads((package.parent / "baseline.json").read_text())["findings"][0]
    assert (entry["rule"], entry["pointer"], entry["count"]) == ("PKG008", "/title", 2)
    edit_text(package / DASHBOARD, TITLE * 3, TITLE * 4)
    code, out, _ = lint(capsys, "--baseline", "baseline.json")
    assert code == 1
    assert out.count("PKG008") == 1


def test_fixed_findings_are_noted_as_stale(package, capsys):
    lint(capsys, "--write-baseline", "baseline.json")
    edit_text(package / DASHBOARD, TITLE * 2, TITLE)
    code, _, err = lint(capsys, "--baseline", "baseline.json")
    assert code == 0
    assert "1 finding(s) recorded in baseline.json no longer occur" in err


def test_findings_without_pointer_match_by_message(package, capsys):
    readme = package / "README.md"
    row = "|-----------------|-------------|\n"
    edit_text(readme, row, row + "| Go Ghost Dashboard | Not there |\n")
    lint(capsys, "--write-baseline", "baseline.json")
    findings = json.loads((package.parent / "baseline.json").read_text())["findings"]
    first = findings[0]
    assert (first["rule"], first["path"], first["pointer"]) == ("DOC001", "README.md", None)
    assert "Go Ghost Dashboard" in first["message"]
    readme.write_text("\n\n" + readme.read_text(encoding="utf-8"), encoding="utf-8")
    assert lint(capsys, "--baseline", "baseline.json")[0] == 0


def test_file_shape_is_stable_and_relative(package, tmp_path, capsys):
    lint(capsys, "--write-baseline", "baseline.json")
    document = json.loads((tmp_path / "baseline.json").read_text())
    assert document == {
        "pkgkit-baseline": 1,
        "findings": [
            {
                "package": "go",
                "path": DASHBOARD,
                "rule": "PKG008",
                "pointer": "/title",
                "message": "duplicate key 'title' in object / (first at line 3); "
                "parsers keep only the last",
                "count": 1,
            }
        ],
    }
    assert not list(tmp_path.glob(".baseline.json.*"))


def test_baseline_elsewhere_matches_from_another_working_directory(package, tmp_path, capsys,
                                                                     monkeypatch):
    (tmp_path / "ci").mkdir()
    lint(capsys, "--write-baseline", "ci/baseline.json")
    document = json.loads((tmp_path / "ci" / "baseline.json").read_text())
    assert document["findings"][0]["package"] == "../go"
    monkeypatch.chdir(package)
    code, _, _ = run_cli(capsys, "lint", ".", "--baseline", "../ci/baseline.json")
    assert code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such baseline file"),
        ("{not json", "baseline.json:1: not JSON"),
        (
            '{"pkgkit-baseline": 1,\n "findings": [],\n}',
            "baseline.json:2: not JSON: Illegal trailing comma before end of object",
        ),
        ('{"findings": []}', "not a pkgkit baseline"),
        ('{"pkgkit-baseline": 1, "findings": [{"rule": "PKG008"}]}', "findings[0] needs"),
    ],
)
def test_unusable_baseline_is_a_usage_error(package, tmp_path, capsys, content, message):
    if content is not None:
        (tmp_path / "baseline.json").write_text(content, encoding="utf-8")
    code, out, err = lint(capsys, "--baseline", "baseline.json")
    assert code == 2
    assert out == ""
    assert message in err


def test_baseline_options_exclude_each_other(package, capsys):
    with pytest.raises(SystemExit) as caught:
        lint(capsys, "--baseline", "a.json", "--write-baseline", "b.json")
    assert caught.value.code == 2
