"""The README's examples of ``fmt``, ``docs`` and ``lint --fix`` are real output: each is run
again here on a copy of the published package it names, and must read as the README shows it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

PUBLISHED = REPO.parent / "shared" / "reference" / "packages"
README = (REPO / "README.md").read_text(encoding="utf-8")

#: Commands the README shows, each run in a folder holding a copy of the published package.
EXAMPLES = [
    ("go", "pkgkit fmt --check go"),
    ("go", "pkgkit fmt --diff go/entities/go-runtime.json"),
    ("jenkins", "pkgkit docs --check jenkins"),
    ("jenkins", "pkgkit docs --diff jenkins"),
    ("jenkins", "pkgkit lint --fix --diff jenkins"),
]


@pytest.mark.skipif(not PUBLISHED.is_dir(), reason=f"{PUBLISHED} is absent")
@pytest.mark.parametrize(("package", "command"), EXAMPLES)
def test_the_readme_shows_what_the_command_prints(
    tmp_path: Path, package: str, command: str
) -> None:
    (tmp_path / ".git").mkdir()  # no configuration above the copy is read
    shutil.copytree(PUBLISHED / package, tmp_path / package)
    env = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-m", "pkgkit", *command.split()[1:]],
        cwd=tmp_path, capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    shown = f"$ {command}\n{done.stdout}{done.stderr}"
    assert shown in README
