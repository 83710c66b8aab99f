"""pkgkit.cli.main freezes the objects for the exit only when it runs as the program."""

import gc
import sys

from helpers import REPO
from pkgkit import cli


def test_frozen_only_without_arguments(monkeypatch, capsys):
    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    go = str(REPO / "fixtures" / "go")
    assert cli.main(["lint", "--no-cache", go]) == 0
    assert calls == []
    monkeypatch.setattr(sys, "argv", ["pkgkit", "lint", "--no-cache", go])
    assert cli.main() == 0
    assert calls == ["freeze"]
    capsys.readouterr()

