"""CI001 is reported by ``pkgkit ci`` (see tests/commands/test_ci.py); ``pkgkit lint`` never
reports it."""

from __future__ import annotations

from pathlib import Path

from helpers import copy_go, edit_json, findings, lint


def test_lint_alone_never_reports_it(tmp_path: Path) -> None:
    package = copy_go(tmp_path)
    edit_json(package / "package.json", lambda data: data.update(version="0.0.1"))
    assert findings(lint(package, select="CI001")) == []
