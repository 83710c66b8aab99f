"""``python -m tests.published [--update] [PACKAGE ...]``: compare or regenerate the expectations.

Without ``--update``: print, per published package, the findings that differ from
``expected/<package>.json`` (exit 1 when any differ). With ``--update``: write today's findings
as the new expectation, then list the groups of ``docs/published-packages.md`` whose counts no
longer match (edit them by hand: each group says why its findings are real).
"""

from __future__ import annotations

import argparse
import sys

from . import (
    DOC,
    PACKAGES,
    difference,
    documented_counts,
    dump,
    expected_path,
    lint_published,
    package_names,
    read_expected,
    rule_counts,
)


def main(argv: list[str] | None = None) -> int:
    """Compare (or with ``--update`` write) the expected findings; 0 when nothing differs."""
    parser = argparse.ArgumentParser(prog="python -m tests.published", description=__doc__)
    parser.add_argument("packages", nargs="*", metavar="PACKAGE", help="default: all of them")
    parser.add_argument("--update", action="store_true", help="write today's findings")
    args = parser.parse_args(argv)
    names = args.packages or package_names()
    if not names:
        sys.stderr.write(f"no published packages in {PACKAGES}\n")
        return 2
    differs = False
    total = 0
    for name in names:
        findings = lint_published(name)
        total += len(findings)
        changes = difference(read_expected(name), findings)
        status = f"{len(changes)} change(s)" if changes else "as expected"
        print(f"{name}: {len(findings)} finding(s), {status}")
        for line in changes:
            print(f"  {line}")
        differs = differs or bool(changes)
        if args.update and (changes or not expected_path(name).is_file()):
            expected_path(name).write_text(dump(findings), encoding="utf-8")
    print(f"{total} finding(s) in {len(names)} package(s)")
    stale = stale_groups(names)
    for line in stale:
        print(line)
    if args.update:
        if stale:
            print(f"update these groups in {DOC.name} (why each finding is real)")
        return 0
    return 1 if differs or stale else 0


def stale_groups(names: list[str]) -> list[str]:
    """Groups of docs/published-packages.md whose count differs from the expectation files."""
    documented = documented_counts(DOC.read_text(encoding="utf-8")) if DOC.is_file() else {}
    lines = []
    for name in names:
        expected = rule_counts(read_expected(name))
        written = documented.get(name, {})
        for rule in sorted(set(expected) | set(written)):
            if expected.get(rule, 0) != written.get(rule, 0):
                lines.append(
                    f"{DOC.name}: {name} {rule}: documented {written.get(rule, 0)}, "
                    f"expected {expected.get(rule, 0)}"
                )
    return lines


if __name__ == "__main__":
    sys.exit(main())
