"""lint --statistics: findings per rule, as ruff prints them; JSON with --format json."""

import json
import shutil

from helpers import REPO, edit_text, run_cli


def _two_packages(tmp_path, package):
    """The reporters' go copy (one PKG008) and a copy named go2 with one more finding."""
    shutil.copytree(package, tmp_path / "go2")
    old, new = "@instana-integration/go", "@instana-integration/go2"
    for name in ("package.json", "README.md"):
        path = tmp_path / "go2" / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old + '"', new + '"').replace(old + "\n", new + "\n")
                        .replace(old + " ", new + " "), encoding="utf-8")
    edit_text(tmp_path / "go2" / "README.md", "| Go Runtime Metrics |", "| Go Metrics |")


def test_counts_per_rule_most_first_then_per_package_and_summary(package, tmp_path, capsys):
    _two_packages(tmp_path, package)
    code, out, err = run_cli(capsys, "lint", "--no-cache", "--isolated", "--statistics", ".")
    assert (code, err) == (1, "")
    assert out == (
        "2\tPKG008\terror\tduplicate-key\n"
        "1\tDOC001\twarning\treadme-dashboard-missing\n"
        "Findings per @instana-integration/ package: go2 2, go 1.\n"
        "2 errors, 1 warning, 2 packages checked.\n"
    )


def test_json_statistics(package, capsys):
    code, out, _ = run_cli(capsys, "lint", "--no-cache", "--statistics", "--format", "json", "go")
    assert code == 1
    assert json.loads(out) == [
        {"code": "PKG008", "name": "duplicate-key", "severity": "error", "count": 1}
    ]


def test_a_clean_run_prints_only_the_summary(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(REPO / "fixtures" / "go", tmp_path / "go")
    (tmp_path / ".git").mkdir()
    code, out, _ = run_cli(capsys, "lint", "--no-cache", "--statistics", "go")
    assert (code, out) == (0, "0 errors, 0 warnings, 1 package checked.\n")


def test_output_file_holds_the_statistics_and_the_terminal_the_summary(package, tmp_path, capsys):
    target = tmp_path / "stats.txt"
    code, out, _ = run_cli(
        capsys, "lint", "--no-cache", "--statistics", "--output", str(target), "go"
    )
    assert code == 1
    assert target.read_text(encoding="utf-8").startswith("1\tPKG008\terror\tduplicate-key\n")
    assert out == "1 error, 0 warnings, 1 package checked.\n"
