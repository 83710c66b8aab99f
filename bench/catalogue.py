"""What the conventions catalogue costs a lint, measured in one run.

``pkgkit lint --no-cache --jobs 1`` of ``fixtures/go`` and of the published packages
(``../shared/reference/packages``, copied), each with the built-in catalogue and with an empty
one (the same install; the empty one replaces ``builtin_catalogue`` before the command runs):
the difference is what reading the catalogue and the lookups in it cost. Run from the
repository root with the interpreter that has pkgkit installed::

    .venv/bin/python bench/catalogue.py [--repeat 20] [--before PYTHON]

``--before PYTHON`` also times another install, an interpreter with pkgkit installed, e.g. the
commit before the catalogue in its own environment::

    git worktree add --detach /tmp/before-14 ce372a4
    cd /tmp/before-14 && python3 -m venv .venv && .venv/bin/pip install .

Times are the best of ``--repeat`` runs (the commands take turns), wall and CPU time (user +
system) of the whole process, beside ``python -c pass``. docs/architecture.md quotes a run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from run import FIXTURE, PUBLISHED, best_of

#: pkgkit's command line with an empty catalogue in place of the built-in one.
WITHOUT_CATALOGUE = """
import functools, sys
from pkgkit.conventions import catalogue
catalogue.builtin_catalogue = functools.cache(catalogue.Catalogue)
from pkgkit.cli import main
sys.exit(main(sys.argv[1:]))
"""


def commands(target: str, before: str | None) -> dict[str, list[str]]:
    """The commands to time for one target folder (relative to the working folder)."""
    lint = ["lint", "--no-cache", "--jobs", "1", target]
    timed = {
        "with the catalogue": [sys.executable, "-m", "pkgkit", *lint],
        "with an empty catalogue": [sys.executable, "-c", WITHOUT_CATALOGUE, *lint],
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    if before:
        timed["--before install"] = [before, "-m", "pkgkit", *lint]
    return timed


def main(argv: list[str] | None = None) -> int:
    """Print one line per target and command: best wall and CPU time, exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per command (default: 20)")
    parser.add_argument("--before", metavar="PYTHON", help="also time this interpreter's pkgkit")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="pkgkit-bench-catalogue-"))
    try:
        (work / ".git").mkdir()  # no configuration above the copies is read
        shutil.copytree(FIXTURE, work / "go")
        targets = ["go"]
        if PUBLISHED.is_dir():
            shutil.copytree(PUBLISHED, work / "published")
            targets.append("published")
        else:
            print(f"{PUBLISHED} is absent: the published packages are not timed")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PKGKIT_CACHE_DIR"] = str(work / "cache")
        os.chdir(work)
        for target in targets:
            timed = commands(target, args.before)
            best_of(timed, 1, env)  # bytecode written, files in the page cache
            for name, run in best_of(timed, args.repeat, env).items():
                print(
                    f"{target:9} {name:24} wall {run.seconds * 1000:7.1f} ms"
                    f"  CPU {run.cpu_seconds * 1000:7.1f} ms  exit {run.exit_code}"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
