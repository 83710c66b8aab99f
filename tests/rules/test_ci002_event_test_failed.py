"""CI002 is reported by ``pkgkit ci`` (tests/bad_input/test_bad_ci.py runs it on a failing event
test in every format); ``pkgkit lint`` never reports it."""

from __future__ import annotations

from pathlib import Path

from helpers import copy_go, findings, lint

FAILING = """\
series: [{metric: go.goroutine.count, values: "1200x10"}]
expect: [{event: High Goroutine Count, at: 10m, fires: false}]
"""


def test_lint_alone_never_reports_it(tmp_path: Path) -> None:
    package = copy_go(tmp_path)
    (package / "tests" / "failing.yaml").write_text(FAILING, encoding="utf-8")
    assert findings(lint(package, select="CI002")) == []


def test_ci_reports_each_failing_expectation_at_its_line(tmp_path: Path) -> None:
    from pkgkit.commands.ci import event_test_findings  # noqa: PLC0415
    from pkgkit.lint.config import Config  # noqa: PLC0415

    package = copy_go(tmp_path)
    (package / "tests" / "failing.yaml").write_text(FAILING, encoding="utf-8")
    found = event_test_findings(str(package), Config())
    assert [(d.code, Path(d.path).name, d.line, d.column) for d in found] == [
        ("CI002", "failing.yaml", 2, 10)
    ]
    assert event_test_findings(str(package), Config(ignore=("CI002",))) == []
    assert event_test_findings(
        str(package), Config(per_file_ignores={"tests/*.yaml": ("CI",)})
    ) == []
