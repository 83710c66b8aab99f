"""The README's examples of ``lint``, ``lint --fix``, ``fmt``, ``docs`` and ``conventions`` are
real output: each is run again here (on a copy of the package it names) and must read as the
README shows it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import GO_FIXTURE, REPO

PUBLISHED = REPO.parent / "shared" / "reference" / "packages"
README = (REPO / "README.md").read_text(encoding="utf-8")

#: Commands the README shows, each run in a folder holding a copy of the published package
#: (None: an empty folder).
EXAMPLES = [
    (None, "pkgkit conventions show go.memory.used"),
    (None, "pkgkit conventions show sdk.language"),
    ("go", "pkgkit fmt --check go"),
    ("go", "pkgkit fmt --diff go/entities/go-runtime.json"),
    ("jenkins", "pkgkit docs --check jenkins"),
    ("jenkins", "pkgkit docs --diff jenkins"),
    ("jenkins", "pkgkit lint --fix --diff jenkins"),
]


def shown(folder: Path, command: str, comment: str = "") -> str:
    """``$ command`` and what it prints, run in ``folder``, as the README shows it."""
    env = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-m", "pkgkit", *command.split()[1:]],
        cwd=folder, capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    return f"$ {command}{comment}\n{done.stdout}{done.stderr}"


@pytest.mark.skipif(not PUBLISHED.is_dir(), reason=f"{PUBLISHED} is absent")
@pytest.mark.parametrize(("package", "command"), EXAMPLES)
def test_the_readme_shows_what_the_command_prints(
    tmp_path: Path, package: str | None, command: str
) -> None:
    (tmp_path / ".git").mkdir()  # no configuration above the copy is read
    if package is not None:
        shutil.copytree(PUBLISHED / package, tmp_path / package)
    assert shown(tmp_path, command) in README


def test_the_readme_shows_what_lint_prints_for_a_misspelt_metric(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    go = shutil.copytree(GO_FIXTURE, tmp_path / "go")
    event = go / "events" / "high-goroutine-count.json"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace('go.goroutine.count"', 'go.goroutine.cuont"'), encoding="utf-8")
    comment = "        # a copy of fixtures/go with one metric name misspelt"
    assert shown(tmp_path, "pkgkit lint go", comment) in README
