"""--format github: workflow commands, escaped as the Actions runner expects; chosen
automatically under GitHub Actions."""

from helpers import run_cli
from pkgkit.diagnostics import Diagnostic, Severity
from pkgkit.reporters.github import command, escape_data, escape_property

ANNOTATION = (
    "::error file=go/dashboards/go-runtime-metrics.json,line=4,col=3,title=PKG008::"
    "duplicate key 'title' in object / (first at line 3); parsers keep only the last"
    "%0Ahint: remove one of the two"
)


def test_one_command_per_finding_then_the_summary(package, capsys):
    code, out, _ = run_cli(capsys, "lint", "go", "--format", "github")
    assert code == 1
    assert out.splitlines() == [ANNOTATION, "1 error, 0 warnings, 1 package checked."]


def test_chosen_under_github_actions(package, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run_cli(capsys, "lint", "go")[1].startswith("::error ")
    assert run_cli(capsys, "lint", "go", "--format", "text")[1].startswith("@instana-integration")


def test_warnings_are_warning_commands():
    diagnostic = Diagnostic("a.json", 1, 2, "MET002", Severity.WARNING, "unused")
    assert command(diagnostic) == "::warning file=a.json,line=1,col=2,title=MET002::unused"


def test_escaping():
    assert escape_data("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b"
    assert escape_property("dir:a,b/100%\n") == "dir%3Aa%2Cb/100%25%0A"
    diagnostic = Diagnostic("x,y:z.json", 3, 1, "PKG001", Severity.ERROR, "bad: 100% a,b")
    assert command(diagnostic._replace(hint="fix\rit")) == (
        "::error file=x%2Cy%3Az.json,line=3,col=1,title=PKG001::bad: 100%25 a,b%0Ahint: fix\\rit"
    )
    # A line break from a package is shown as \n: only the hint's own line break is %0A.
    assert command(diagnostic._replace(message="bad\n::error::x")) == (
        "::error file=x%2Cy%3Az.json,line=3,col=1,title=PKG001::bad\\n::error::x"
    )
