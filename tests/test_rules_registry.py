"""Every rule module is registered, documented with a bad and a good example, and tested."""

from __future__ import annotations

import importlib.machinery
import pkgutil
import re
import zipfile
from importlib import import_module
from types import ModuleType

import pytest

import pkgkit.rules
from helpers import REPO
from pkgkit.diagnostics import Severity
from pkgkit.rules import all_rules, rule_doc

MODULE_NAMES = sorted(
    info.name
    for info in pkgutil.iter_modules(pkgkit.rules.__path__)
    if not info.name.startswith("_")
)
FILE_NAME = re.compile(r"^(?P<code>[a-z]{2,3}\d{3})_[a-z0-9_]+$")
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
#: "Bad: inline example." or "Bad::" followed by an indented block (and the same for Good).
EXAMPLE = re.compile(
    r"^(?P<kind>Bad|Good)\b[^\n:]*:(?::\n\n(?P<block>(?: {4}[^\n]*\n|\n)+)|(?P<inline>[^\n]+))",
    re.MULTILINE,
)


def module(name: str) -> ModuleType:
    return import_module(f"pkgkit.rules.{name}")


def examples(doc: str) -> dict[str, str]:
    """``{"Bad": ..., "Good": ...}``: the example after each Bad/Good heading of a doc."""
    return {
        m["kind"]: (m["block"] or m["inline"] or "").strip() for m in EXAMPLE.finditer(doc + "\n")
    }


def test_every_rule_module_is_registered() -> None:
    assert [rule.__name__.rsplit(".", 1)[1] for rule in all_rules()] == sorted(
        MODULE_NAMES, key=lambda name: module(name).CODE
    )


def test_codes_and_names_are_unique() -> None:
    for attribute in ("CODE", "NAME"):
        values = [getattr(rule, attribute) for rule in all_rules()]
        assert len(values) == len(set(values)), attribute


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_header(name: str) -> None:
    rule = module(name)
    match = FILE_NAME.match(name)
    assert match, f"rule file {name}.py is not named <code>_<slug>.py"
    assert match["code"].upper() == rule.CODE
    assert KEBAB.match(rule.NAME), rule.NAME
    assert isinstance(rule.SEVERITY, Severity)
    assert isinstance(rule.SUMMARY, str)
    assert rule.SUMMARY.strip()
    assert callable(rule.check)


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_doc_has_a_bad_and_a_good_example(name: str) -> None:
    rule = module(name)
    assert rule.__doc__, f"{name}: the module docstring is the rule's documentation"
    found = examples(rule_doc(rule))  # type: ignore[arg-type]
    assert found.get("Bad"), f"{name}: no 'Bad:' example in the docstring"
    assert found.get("Good"), f"{name}: no 'Good:' example in the docstring"
    assert found["Bad"] != found["Good"]


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_rule_has_a_test_module(name: str) -> None:
    expected = REPO / "tests" / "rules" / f"test_{name}.py"
    assert expected.is_file(), f"add {expected.relative_to(REPO)} (one test per finding shape)"


# --------------------------------------------------------------------------- the folder walk


def test_the_rule_folder_walk_names_what_pkgutil_names():
    walked = pkgkit.rules._module_names(pkgkit.rules.__path__)
    assert walked == [i.name for i in pkgutil.iter_modules(pkgkit.rules.__path__) if not i.ispkg]


def test_the_folder_walk_names_modules_as_pkgutil_does(tmp_path):
    for name in ["b.py", "a.py", "__init__.py", "_private.py", "c.pyc", "d.abi3.so", "e.so",
                 "a.pyc", "notes.txt", "README", "x-y.py"]:
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()  # a folder without __init__: no module
    (tmp_path / "__pycache__").mkdir()
    expected = [info.name for info in pkgutil.iter_modules([str(tmp_path)])]
    assert pkgkit.rules._module_names([str(tmp_path)]) == expected


@pytest.mark.parametrize(
    "filename",
    ["a.py", "a.pyc", "a.pyw", "a.so", "a.abi3.so", "a.cpython-311-x86_64-linux-gnu.so",
     "a.so.py", "a.py.so", "a.pyc.py", "a.py.txt", "README", ".py"],
)
def test_a_file_s_module_suffix_is_the_longest_import_suffix_it_ends_with(filename):
    suffixes = sorted(importlib.machinery.all_suffixes(), key=len, reverse=True)
    expected = next((s for s in suffixes if filename.endswith(s)), None)
    assert pkgkit.rules._module_suffix(filename) == expected


def test_a_path_entry_that_is_not_a_folder_is_left_to_pkgutil(tmp_path):
    archive = tmp_path / "rules.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("r001_x.py", "")
        zipped.writestr("_helper.py", "")
    names = pkgkit.rules._module_names([str(archive), str(tmp_path / "missing")])
    assert names == [info.name for info in pkgutil.iter_modules([str(archive)])]


#: The rules whose findings ``lint --fix`` can fix.
FIXABLE = {
    "DOC001", "DOC003", "DOC005", "DOC007", "DOC008", "MET001", "MET013", "PKG100", "PKG120",
    "TPL001",
}  # fmt: skip


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_a_fixable_rule_says_what_its_fix_does(name: str) -> None:
    """FIX (one line: the list's [fix]) and a 'Fix' paragraph in the doc (what `pkgkit rules
    CODE` shows), saying whether it is safe."""
    rule = module(name)
    fix = getattr(rule, "FIX", None)
    assert (rule.CODE in FIXABLE) == (fix is not None)
    paragraph = re.search(r"^Fix \((safe|unsafe)\)?|^Fix: ", rule_doc(rule), re.MULTILINE)
    assert (fix is not None) == (paragraph is not None)
    if fix is not None:
        assert isinstance(fix, str)
        assert "\n" not in fix
