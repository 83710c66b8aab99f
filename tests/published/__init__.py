"""The findings pkgkit reports on the 11 packages Instana publishes, against reviewed expectations.

Each package in ``../shared/reference/packages/`` (relative to the repository root) is linted
with the default configuration, and its findings are compared with ``expected/<package>.json``:
one finding per line (rule, severity, path relative to the package, line, column, JSON pointer,
message, hint). ``docs/published-packages.md`` says for each group of expected findings (package
and rule) why it is a real defect, or that it is a known false positive and who owns its fix.

A change that moves these findings regenerates the files in the same commit::

    .venv/bin/python -m tests.published --update

and updates the groups in ``docs/published-packages.md`` (the test checks that the counts there
match the expectation files). ``python -m tests.published`` without ``--update`` only prints
what differs.

The llm package is ``"private": true``, which ``pkgkit lint`` skips as Instana's CLI does; it is
linted here anyway: it is one of the published packages whose findings the issue asks to judge.
"""

from __future__ import annotations

import collections
import json
import os
import re
from pathlib import Path
from typing import Any

from pkgkit.lint.config import Config
from pkgkit.lint.engine import check_package
from pkgkit.model.package import load_package

REPO = Path(__file__).resolve().parents[2]
PACKAGES = REPO.parent / "shared" / "reference" / "packages"
EXPECTED = Path(__file__).resolve().parent / "expected"
DOC = REPO / "docs" / "published-packages.md"
#: The keys of one expected finding, in the order they are written.
FIELDS = ("rule", "severity", "path", "line", "column", "pointer", "message", "hint")
UPDATE_COMMAND = "python -m tests.published --update"

Finding = dict[str, Any]


def package_names() -> list[str]:
    """The published packages present (folders with a package.json), sorted."""
    if not PACKAGES.is_dir():
        return []
    return sorted(p.name for p in PACKAGES.iterdir() if (p / "package.json").is_file())


def lint_published(name: str) -> list[Finding]:
    """Today's findings on one published package, private or not, with the default configuration."""
    root = PACKAGES / name
    diagnostics, crashes = check_package(load_package(str(root)), Config())
    if crashes:
        raise RuntimeError("; ".join(crashes))
    findings = []
    for diagnostic in diagnostics:
        record = diagnostic.as_dict()
        record["path"] = Path(os.path.relpath(Path(diagnostic.path).resolve(), root)).as_posix()
        findings.append({key: record[key] for key in FIELDS})
    return findings


def expected_path(name: str) -> Path:
    """Where the reviewed findings of one package are kept."""
    return EXPECTED / f"{name}.json"


def read_expected(name: str) -> list[Finding]:
    """The reviewed findings of one package (empty when it has no file yet)."""
    path = expected_path(name)
    if not path.is_file():
        return []
    findings: list[Finding] = json.loads(path.read_text(encoding="utf-8"))
    return findings


def dump(findings: list[Finding]) -> str:
    """A JSON array with one finding per line, so that a change reads as a one-line diff."""
    if not findings:
        return "[]\n"
    lines = (json.dumps(finding, ensure_ascii=False) for finding in findings)
    return "[\n" + ",\n".join(lines) + "\n]\n"


def describe(finding: Finding) -> str:
    """One finding as the text reporter shows it, for failure messages."""
    where = f"{finding['path']}:{finding['line']}:{finding['column']}"
    text = f"{where}: {finding['rule']} [{finding['severity']}] {finding['message']}"
    return text + (f"\n      hint: {finding['hint']}" if finding["hint"] else "")


def difference(expected: list[Finding], actual: list[Finding]) -> list[str]:
    """Lines describing findings gone (-) and new (+), empty when both agree."""
    gone = collections.Counter(map(dump_one, expected)) - collections.Counter(map(dump_one, actual))
    new = collections.Counter(map(dump_one, actual)) - collections.Counter(map(dump_one, expected))
    lines = [f"- {describe(json.loads(item))}" for item in gone.elements()]
    lines += [f"+ {describe(json.loads(item))}" for item in new.elements()]
    return lines


def dump_one(finding: Finding) -> str:
    """A canonical text of one finding (for counting)."""
    return json.dumps(finding, sort_keys=True, ensure_ascii=False)


def rule_counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings each rule has."""
    return dict(sorted(collections.Counter(f["rule"] for f in findings).items()))


_SECTION = re.compile(r"^## `?([\w.-]+)`?\s*$")
_ROW = re.compile(r"^\|\s*([A-Z]{3}\d{3})\s*\|\s*(\d+)\s*\|")


def documented_counts(text: str) -> dict[str, dict[str, int]]:
    """``{package: {rule: findings}}`` from the tables of docs/published-packages.md.

    A package's section is a level-2 heading naming it; each table row starting with a rule code
    and a count is one group (a rule may have several rows, one per verdict: they add up).
    """
    counts: dict[str, dict[str, int]] = {}
    package = None
    for line in text.splitlines():
        section = _SECTION.match(line)
        if section:
            package = section.group(1)
            counts.setdefault(package, {})
            continue
        row = _ROW.match(line)
        if row and package is not None:
            rules = counts[package]
            rules[row.group(1)] = rules.get(row.group(1), 0) + int(row.group(2))
    return {name: dict(sorted(rules.items())) for name, rules in counts.items()}
