"""``pkgkit rules [CODE]``: list every rule, or print one rule's documentation.

``pkgkit rules --markdown`` prints the rules table of the README from the same registry.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from pkgkit.rules import RuleModule


def add_parser(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private action type
    """Register ``rules``."""
    parser = subparsers.add_parser(
        "rules",
        help="list the rules, or explain one (pkgkit rules PKG001)",
        description="List every rule (code, severity, summary) or print one rule's documentation.",
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="a rule code or name")
    parser.add_argument(
        "--markdown", action="store_true", help="print the list as the README's Markdown table"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the list, the table, or one rule's doc."""
    from pkgkit.rules import all_rules, rule_doc  # noqa: PLC0415

    if args.code:
        rule = find_rule(args.code)
        sys.stdout.write(f"{rule.CODE} {rule.NAME} ({rule.SEVERITY.value})\n\n{rule_doc(rule)}\n")
    elif args.markdown:
        sys.stdout.write(markdown_table(all_rules()))
    else:
        sys.stdout.write(text_table(all_rules()))
    return 0


def find_rule(wanted: str) -> RuleModule:
    """The rule with this code or name (case-insensitive); usage error with a suggestion."""
    from pkgkit.commands import UsageError  # noqa: PLC0415
    from pkgkit.rules import all_rules  # noqa: PLC0415
    from pkgkit.util.suggest import did_you_mean  # noqa: PLC0415

    for rule in all_rules():
        if wanted.casefold() in (rule.CODE.casefold(), rule.NAME.casefold()):
            return rule
    names = [name for rule in all_rules() for name in (rule.CODE, rule.NAME)]
    hint = did_you_mean(wanted, names)
    raise UsageError(f"unknown rule '{wanted}'" + (f"; {hint}" if hint else ""))


def text_table(rules: tuple[RuleModule, ...]) -> str:
    """One aligned line per rule: code, severity, name, summary, and ``[fix]`` when
    ``lint --fix`` can fix its findings (``pkgkit rules CODE`` says how)."""
    width = max((len(rule.NAME) for rule in rules), default=0)
    return "".join(
        f"{rule.CODE:<7} {rule.SEVERITY.value:<7} {rule.NAME:<{width}}  {rule.SUMMARY}"
        f"{' [fix]' if getattr(rule, 'FIX', None) else ''}\n"
        for rule in rules
    )


def markdown_table(rules: tuple[RuleModule, ...]) -> str:
    """The README's rules table (GitHub Markdown)."""
    lines = ["| Code | Name | Severity | Summary |", "|------|------|----------|---------|"]
    lines.extend(
        f"| {rule.CODE} | `{rule.NAME}` | {rule.SEVERITY.value} | {_cell(rule.SUMMARY)} |"
        for rule in rules
    )
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
