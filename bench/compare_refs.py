"""Compare ``pkgkit lint --no-cache`` of some packages between a git ref and the working tree.

Both are installed the way the README's first command installs pkgkit (``pip install .``, not
editable) into fresh virtual environments, then each package is linted by both in turns (one
run of each per round, in a shuffled order, best of ``--repeat`` rounds), next to ``python -c
pass`` of the same environment, in ONE run of this script: compare the ratios, the machine is
shared and noisy::

    .venv/bin/python bench/compare_refs.py main fixtures/go ../shared/reference/packages/python

The ref is exported with ``git archive`` into a temporary folder, removed afterwards. Exit codes
of the lints are printed (a package with findings exits 1).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def install(source: Path, target: Path) -> Path:
    """A fresh virtual environment at ``target`` with ``source`` installed; its python."""
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(source)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return python


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time of one run and its exit code."""
    start = time.perf_counter()
    done = subprocess.run(
        command, check=False, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start, done.returncode


def main(argv: list[str] | None = None) -> int:
    """Install both, time both, print a table of best times and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="the git ref to compare with (e.g. main)")
    parser.add_argument("packages", nargs="+", type=Path, help="package folders to lint")
    parser.add_argument("--repeat", type=int, default=15, help="rounds (best of)")
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="pkgkit-compare-") as scratch:
        root = Path(scratch)
        env["PKGKIT_CACHE_DIR"] = str(root / "cache")
        checkout = root / "ref"
        checkout.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", args.ref], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(checkout)], input=archive, check=True)
        pythons = {
            args.ref: install(checkout, root / "venv-ref"),
            "working tree": install(REPO, root / "venv-tree"),
        }
        commands: dict[tuple[str, str], list[str]] = {}
        for label, python in pythons.items():
            pkgkit = str(python.parent / "pkgkit")
            commands[(label, "python -c pass")] = [str(python), "-c", "pass"]
            for package in args.packages:
                commands[(label, str(package))] = [pkgkit, "lint", "--no-cache", str(package)]
        for command in commands.values():  # priming: .pyc files, pkgkit's code cache
            timed(command, env)
        best = dict.fromkeys(commands, float("inf"))
        codes: dict[tuple[str, str], int] = {}
        order = list(commands)
        shuffle = random.Random(0).shuffle  # a new order each round: no command always follows
        for _ in range(args.repeat):  # the same heavy one
            shuffle(order)
            for key in order:
                command = commands[key]
                seconds, codes[key] = timed(command, env)
                best[key] = min(best[key], seconds)
    print(f"best of {args.repeat} rounds, interleaved; Python {sys.version.split()[0]}")
    print("| what | " + " | ".join(pythons) + " | after / before |")
    print("|---|" + "---|" * (len(pythons) + 1))
    before, after = list(pythons)
    for what in ["python -c pass", *map(str, args.packages)]:
        b, a = best[(before, what)], best[(after, what)]
        exit_code = codes[(after, what)]
        cells = f"{b * 1000:.1f} ms | {a * 1000:.1f} ms"
        print(f"| `{what}` (exit {exit_code}) | {cells} | {a / b:.2f}x |")
    for label in pythons:
        floor = best[(label, "python -c pass")]
        ratios = ", ".join(
            f"{Path(p).name} {best[(label, str(p))] / floor:.2f}x" for p in args.packages
        )
        print(f"{label}: lint / python -c pass: {ratios}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
