"""``pkgkit rules``: the list, one rule's doc, did-you-mean, and the README table."""

from __future__ import annotations

import re

import pytest

from helpers import REPO
from pkgkit.cli import main
from pkgkit.commands.rules import markdown_table
from pkgkit.rules import all_rules

README_BLOCK = re.compile(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", re.DOTALL)


def test_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(all_rules())
    for line, rule in zip(lines, all_rules(), strict=True):
        assert line.split()[:2] == [rule.CODE, rule.SEVERITY.value]
        assert line.endswith(rule.SUMMARY + (" [fix]" if hasattr(rule, "FIX") else ""))


def test_one_rules_doc_says_how_its_findings_are_fixed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "PKG120"]) == 0
    assert (
        "\nFix (safe): the rule is added at the end of ``accessRules`` (created when missing).\n"
        in (capsys.readouterr().out)
    )


@pytest.mark.parametrize("wanted", ["PKG001", "pkg001", "json-syntax"])
def test_prints_one_rules_doc(wanted: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", wanted]) == 0
    out = capsys.readouterr().out
    assert out.startswith("PKG001 json-syntax (error)\n\nA JSON file does not parse.")
    assert "Bad::" in out
    assert "Good::" in out


def test_unknown_code_exits_2_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "PKG0001"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unknown rule 'PKG0001'" in captured.err
    assert "did you mean 'PKG001'?" in captured.err


def test_markdown_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "| Code | Name | Severity | Summary |"
    assert len(lines) == 2 + len(all_rules())
    assert lines[2].startswith(f"| {all_rules()[0].CODE} | `{all_rules()[0].NAME}` |")


def test_readme_rules_table_is_generated_from_the_registry() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = README_BLOCK.search(readme)
    assert block, "README.md lost its <!-- rules:start --> / <!-- rules:end --> markers"
    assert block[1] == markdown_table(all_rules()), (
        "README.md's rules table is stale: replace the lines between <!-- rules:start --> and "
        "<!-- rules:end --> with the output of `pkgkit rules --markdown`"
    )
