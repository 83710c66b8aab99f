"""A baseline: today's findings, recorded so that only new ones are reported.

A finding is identified by its :class:`Fingerprint`: the package folder (relative to the
baseline file), the file (relative to the package), the rule and the JSON pointer; findings
without a pointer (README) add their message. Lines are not part of it, so editing a file above
a finding does not break the match. Matching counts: a fingerprint recorded twice absorbs two
findings, and a third is new.

The file is JSON, sorted for stable diffs, and written atomically (only with
``--write-baseline``)::

    {"pkgkit-baseline": 1, "findings": [
      {"package": "packages/go", "path": "dashboards/a.json", "rule": "PKG008",
       "pointer": "/name", "message": "...", "count": 1}]}
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pkgkit.lint.report import LintReport, PackageResult
from pkgkit.model.jsonfile import restate_syntax_error
from pkgkit.util.atomic import write_atomically
from pkgkit.util.files import read_regular_file

if TYPE_CHECKING:
    from pkgkit.diagnostics import Diagnostic

#: Format version, stored under this key; a file without it is not a baseline.
FORMAT_KEY, FORMAT_VERSION = "pkgkit-baseline", 1
#: A baseline larger than this is refused unread (100,000 findings take about 25 MiB).
MAX_BASELINE_BYTES = 256 * 1024 * 1024


class BaselineError(Exception):
    """A baseline file that cannot be read (exit 2)."""


@dataclass(frozen=True, order=True)
class Fingerprint:
    """What identifies a finding across edits: no line, no column."""

    package: str
    path: str
    rule: str
    pointer: str | None
    message: str | None


def _relative(path: str, start: str) -> str:
    return Path(os.path.relpath(Path(path).resolve(), Path(start).resolve())).as_posix()


def fingerprint(diagnostic: Diagnostic, package_root: str, base: str) -> Fingerprint:
    """The fingerprint of a finding of the package at ``package_root``; ``base`` is the
    baseline file's folder."""
    return Fingerprint(
        package=_relative(package_root, base),
        path=_relative(diagnostic.path, package_root),
        rule=diagnostic.code,
        pointer=diagnostic.pointer,
        message=diagnostic.message if diagnostic.pointer is None else None,
    )


def _located(report: LintReport, base: str) -> list[tuple[Fingerprint, Diagnostic]]:
    return [
        (fingerprint(diagnostic, result.root, base), diagnostic)
        for result in report.packages
        for diagnostic in result.diagnostics
    ]


def _folder_of(path: str) -> str:
    return str(Path(path).resolve().parent)


def write_baseline(report: LintReport, path: str) -> int:
    """Record every finding of ``report`` in ``path``; the number of findings recorded."""
    counts: Counter[Fingerprint] = Counter()
    messages: dict[Fingerprint, str] = {}
    for key, diagnostic in _located(report, _folder_of(path)):
        counts[key] += 1
        messages.setdefault(key, diagnostic.message)
    findings = [
        {**dataclasses.asdict(key), "message": messages[key], "count": counts[key]}
        for key in sorted(counts, key=_sort_key)
    ]
    document = {FORMAT_KEY: FORMAT_VERSION, "findings": findings}
    write_atomically(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return sum(counts.values())


def _sort_key(key: Fingerprint) -> tuple[str, str, str, str, str]:
    return key.package, key.path, key.rule, key.pointer or "", key.message or ""


def load_baseline(path: str) -> Counter[Fingerprint]:
    """The recorded fingerprints and their counts."""
    try:
        text = read_regular_file(path, MAX_BASELINE_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file") from None
    except OSError as error:
        raise BaselineError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise BaselineError(f"{path}: cannot read: {error}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        error = restate_syntax_error(text, error)
        raise BaselineError(f"{path}:{error.lineno}: not JSON: {error.msg}") from None
    except (ValueError, RecursionError) as error:  # a number too long, nesting too deep
        raise BaselineError(f"{path}: not a pkgkit baseline ({error})") from None
    findings = document.get("findings", []) if isinstance(document, dict) else None
    if not isinstance(findings, list) or document.get(FORMAT_KEY) != FORMAT_VERSION:
        raise BaselineError(
            f"{path}: not a pkgkit baseline (expected \"{FORMAT_KEY}\": {FORMAT_VERSION}; "
            "write one with --write-baseline)"
        )
    counts: Counter[Fingerprint] = Counter()
    for index, entry in enumerate(findings):
        key, count = _entry(entry, path, index)
        counts[key] += count
    return counts


def _entry(entry: Any, path: str, index: int) -> tuple[Fingerprint, int]:  # noqa: ANN401
    try:
        pointer = entry["pointer"]
        key = Fingerprint(
            package=str(entry["package"]),
            path=str(entry["path"]),
            rule=str(entry["rule"]),
            pointer=None if pointer is None else str(pointer),
            message=None if pointer is not None else str(entry["message"]),
        )
        return key, int(entry.get("count", 1))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise BaselineError(
            f"{path}: findings[{index}] needs package, path, rule, pointer, message and count"
        ) from None


@dataclass(frozen=True)
class Filtered:
    """A report without its baselined findings, and how the baseline was used."""

    report: LintReport
    absorbed: int
    stale: int


def apply_baseline(report: LintReport, baseline: Counter[Fingerprint], path: str) -> Filtered:
    """Drop the findings the baseline at ``path`` absorbs (each recorded one absorbs one)."""
    remaining = Counter(baseline)
    base, absorbed = _folder_of(path), 0
    results = []
    for result in report.packages:
        kept = []
        for diagnostic in result.diagnostics:
            key = fingerprint(diagnostic, result.root, base)
            if remaining[key] > 0:
                remaining[key] -= 1
                absorbed += 1
            else:
                kept.append(diagnostic)
        results.append(PackageResult(result.name, result.root, kept, result.skipped))
    filtered = LintReport(results, report.internal_errors, report.rules)
    return Filtered(filtered, absorbed, sum(remaining.values()))
