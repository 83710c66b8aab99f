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
        "0 errors, 2 warnings, 2 packages checked, 1 private skipped.\n"
    )


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
