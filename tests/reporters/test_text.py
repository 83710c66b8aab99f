"""The text report: findings grouped by package, hints, the summary; progress on a terminal."""

import io
import shutil
import sys

from helpers import run_cli
from pkgkit.diagnostics import Diagnostic, Severity
from pkgkit.lint.engine import LintReport, PackageResult
from pkgkit.reporters import text


def test_grouped_findings_and_summary(package, capsys):
    code, out, err = run_cli(capsys, "lint", "go")
    assert code == 1
    assert out == (
        "@instana-integration/go (go)\n"
        "go/dashboards/go-runtime-metrics.json:4:3: PKG008 duplicate key 'title' in object / "
        "(first at line 3); parsers keep only the last\n"
        "    hint: remove one of the two\n"
        "\n"
        "1 error, 0 warnings, 1 package checked.\n"
    )
    assert err == ""


def test_warning_marker_and_plural_summary():
    diagnostics = [
        Diagnostic("p/a.json", 1, 1, "MET002", Severity.WARNING, "w1"),
        Diagnostic("p/b.json", 2, 3, "MET002", Severity.WARNING, "w2"),
    ]
    report = LintReport([
        PackageResult("p", "p", diagnostics),
        PackageResult("q", "q", []),
        PackageResult("r", "r", [], skipped="private"),
    ])
    stream = io.StringIO()
    text.render(report, stream)
    assert stream.getvalue() == (
        "p (p)\n"
        "p/a.json:1:1: MET002 [warning] w1\n"
        "p/b.json:2:3: MET002 [warning] w2\n"
        "\n"
        "Findings per package: p 2, 1 clean.\n"
        "0 errors, 2 warnings, 2 packages checked, 1 private skipped.\n"
    )


def _finding(path):
    return Diagnostic(path, 1, 1, "PKG122", Severity.ERROR, "overlap")


def test_findings_per_package_most_first_with_a_shared_scope_said_once():
    report = LintReport([
        PackageResult("@instana-integration/go", "go", [_finding("go/a.json")]),
        PackageResult("@instana-integration/k8s", "k8s", [_finding("k8s/a.json")] * 3),
        PackageResult("@instana-integration/nodejs", "nodejs", []),
        PackageResult("@instana-integration/jenkins", "jenkins", [_finding("j/a.json")]),
    ])
    assert text.per_package(report) == (
        "Findings per @instana-integration/ package: k8s 3, go 1, jenkins 1, 1 clean."
    )


def test_findings_per_package_keep_names_of_different_scopes():
    report = LintReport([
        PackageResult("@a/x", "x", [_finding("x/a.json")]),
        PackageResult("@b/y", "y", [_finding("y/a.json")] * 2),
    ])
    assert text.per_package(report) == "Findings per package: @b/y 2, @a/x 1."


def test_one_package_has_no_per_package_line():
    report = LintReport([PackageResult("p", "p", [_finding("p/a.json")])])
    assert text.per_package(report) is None


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_on_a_terminal_only(package, tmp_path, capsys, monkeypatch):
    shutil.copytree(package, tmp_path / "go2")
    code, _, err = run_cli(capsys, "lint", ".")
    assert (code, err) == (1, "")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run_cli(capsys, "lint", ".")[0] == 1
    progress = terminal.getvalue()
    assert "\r\x1b[K[1/2] go" in progress
    assert "\r\x1b[K[2/2] go2" in progress
    assert progress.endswith("\r\x1b[K")
