"""pkgkit's findings on the packages Instana publishes are the reviewed ones, and justified.

Regenerate with ``python -m tests.published --update`` (see tests/published/__init__.py).
"""

from __future__ import annotations

import pytest

from . import (
    DOC,
    PACKAGES,
    UPDATE_COMMAND,
    difference,
    documented_counts,
    expected_path,
    lint_published,
    package_names,
    read_expected,
    rule_counts,
)

NAMES = package_names()
needs_packages = pytest.mark.skipif(
    not NAMES, reason=f"the published packages are not in {PACKAGES} (../shared beside the clone)"
)


@needs_packages
@pytest.mark.parametrize("name", NAMES)
def test_findings_are_the_reviewed_ones(name):
    assert expected_path(name).is_file(), f"no expectation for {name}: run {UPDATE_COMMAND}"
    changes = difference(read_expected(name), lint_published(name))
    assert not changes, (
        f"{name}: findings moved (- gone, + new). If intended, run {UPDATE_COMMAND} and say in "
        f"{DOC.name} why each group is real:\n" + "\n".join(changes)
    )


@needs_packages
def test_all_eleven_packages_are_checked():
    # llm is "private": true; lint_published checks it all the same.
    assert len(NAMES) == 11
    assert "llm" in NAMES


@needs_packages
def test_every_group_of_findings_is_justified():
    documented = documented_counts(DOC.read_text(encoding="utf-8"))
    expected = {name: rule_counts(read_expected(name)) for name in NAMES}
    assert documented == expected


def test_expectation_files_name_only_published_packages():
    stored = {path.stem for path in expected_path("x").parent.glob("*.json")}
    if NAMES:
        assert stored <= set(NAMES)
    else:
        assert stored, "the expectation files are part of the repository"


def test_documented_counts_add_rows_of_one_rule():
    text = "# t\n\n## go\n\n| Rule | Findings |\n|---|---|\n| MET001 | 2 | a |\n| MET001 | 3 |\n" \
        "\n## `k8s`\n\n| DOC001 | 1 | x |\n"
    assert documented_counts(text) == {"go": {"MET001": 5}, "k8s": {"DOC001": 1}}
