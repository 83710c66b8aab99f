"""Bad files inside packages: each is a located finding in that file, and every other file and
package is still checked and reported; never an internal error, a traceback or a crash.

One run of ``pkgkit lint`` covers a monorepo of packages, each a copy of fixtures/go with one
bad input (so one package's problem visibly stops nothing else); the README bounds are also
tested in-process at and past each limit.
"""

from __future__ import annotations

import json
import os
import stat

import pytest

from bad_input_helpers import lint_json, located, pkgkit
from helpers import copy_go
from pkgkit.model.readme import MAX_INLINE_MARKERS, MAX_NESTING, Readme, ReadmeTooDeep

README_TAIL = "\n## More\n\n"


def _package(root, name):
    package = copy_go(root)
    return package.rename(root / name)


def _append_to_readme(package, text):
    readme = package / "README.md"
    before = readme.read_text(encoding="utf-8")
    readme.write_text(before + README_TAIL + text, encoding="utf-8")
    return before.count("\n") + README_TAIL.count("\n") + 1  # the line ``text`` starts on


@pytest.fixture(scope="module")
def monorepo(tmp_path_factory):
    """Packages with one bad input each, the line each README addition starts on, and one
    clean package with one ordinary finding (it must be reported too)."""
    root = tmp_path_factory.mktemp("monorepo")
    lines = {}
    big = _package(root, "big-number")
    dashboard = big / "dashboards" / "go-runtime-metrics.json"
    text = dashboard.read_text(encoding="utf-8")
    dashboard.write_text(text.replace('"x": 0,', '"x": ' + "9" * 5000 + ",", 1), encoding="utf-8")
    surrogate = _package(root, "surrogate") / "dashboards" / "go-runtime-metrics.json"
    text = surrogate.read_text(encoding="utf-8")
    surrogate.write_text(text.replace('"Go Runtime Metrics"', '"Go \\ud800"', 1), "utf-8")
    loop = _package(root, "link-loop")
    (loop / "events" / "loop.json").symlink_to("loop.json")
    for name, addition in {
        "quotes-1000": ">" * 1000 + " deep\n",
        "quotes-50000": ">" * 50_000 + " deep\n",
        "lists-500": "- " * 500 + "deep\n",
        "ordered-lists": "1. " * 200 + "deep\n",
        "indented-lists": "".join("  " * level + "- item\n" for level in range(300)),
        "emphasis": "*x " * 300_000 + "y\n",
        "nested-heading": "## " + "*x " * 3000 + "y" + "*" * 3000 + "\n",
    }.items():
        lines[name] = _append_to_readme(_package(root, name), addition)
    for name, pattern in {"redos": "(a+)+$", "nested-set": "[[a-z]+"}.items():
        dashboard = _package(root, name) / "dashboards" / "go-runtime-metrics.json"
        data = json.loads(dashboard.read_text(encoding="utf-8"))
        data["widgets"][0]["config"]["metricConfiguration"].update(metric=pattern, regex=True)
        dashboard.write_text(json.dumps(data, indent=2), encoding="utf-8")
        readme = dashboard.parent.parent / "README.md"
        text = readme.read_text(encoding="utf-8")
        readme.write_text(text.replace("`go.goroutine.count`", f"`{'a' * 40}!`", 1), "utf-8")
    plain = _package(root, "plain")
    (plain / "events" / "broken.json").write_text("{", encoding="utf-8")
    return root, lines


@pytest.fixture(scope="module")
def report(monorepo):
    root, _ = monorepo
    code, found, stderr = lint_json(root, ".", timeout=600)
    return code, found, stderr


def test_the_run_completes_with_findings_and_says_nothing_else(report):
    code, _, stderr = report
    assert (code, stderr) == (1, "")


def test_every_package_is_reported(report, monorepo):
    _, found, _ = report
    assert ("PKG001", "plain/events/broken.json", 1, 2) in located(found)


def test_an_integer_too_long_for_python_is_read_as_javascript_reads_it(report):
    _, found, _ = report
    about = [(f["rule"], f["pointer"], f["message"]) for f in found if f["path"].startswith("big")]
    # JSON.parse reads 5,000 nines as Infinity: a widget x that is not a grid column.
    assert about == [
        ("PKG100", "/widgets/0/x", "'x' is Infinity; it must be <= 11"),
        ("PKG100", "/widgets/0/x", "'x' must be an integer, not a number (Infinity)"),
    ]


def test_a_lone_surrogate_is_kept_and_quoted_in_the_report(report):
    """JSON's "\\ud800" is a string Python cannot encode: the JSON report keeps it escaped."""
    _, found, _ = report
    assert [
        (f["rule"], f["path"], f["line"], f["column"], f["message"])
        for f in found if f["path"].startswith("surrogate/")
    ] == [
        ("DOC001", "surrogate/README.md", 11, 3,
         "README lists dashboard 'Go Runtime Metrics'; the closest dashboard,"
         " dashboards/go-runtime-metrics.json, is titled 'Go \ud800'"),
    ]


def test_a_symbolic_link_loop_is_a_finding(report):
    _, found, _ = report
    assert [(f["rule"], f["path"], f["message"]) for f in found if "link-loop" in f["path"]] == [
        ("PKG005", "link-loop/events/loop.json", "symbolic link in a loop; not read"),
    ]


@pytest.mark.parametrize(
    ("package", "column"),
    [
        ("quotes-1000", MAX_NESTING + 1),
        ("quotes-50000", MAX_NESTING + 1),
        ("lists-500", 2 * MAX_NESTING + 1),
        ("ordered-lists", 3 * MAX_NESTING + 1),
        ("indented-lists", 1),
    ],
)
def test_a_readme_nested_too_deeply_is_a_finding_at_its_line(report, monorepo, package, column):
    _, found, _ = report
    _, lines = monorepo
    line = lines[package] + (MAX_NESTING if package == "indented-lists" else 0)
    readme = [f for f in found if f["path"] == f"{package}/README.md"]
    assert [(f["rule"], f["line"], f["column"]) for f in readme] == [("PKG005", line, column)]
    assert readme[0]["message"] == (
        f"block quotes and lists nest more than {MAX_NESTING} deep here;"
        " README.md is not parsed"
    )


def test_a_paragraph_of_too_much_emphasis_is_a_finding(report, monorepo):
    _, found, _ = report
    _, lines = monorepo
    readme = [f for f in found if f["path"] == "emphasis/README.md"]
    assert [(f["rule"], f["line"], f["column"]) for f in readme] == [
        ("PKG005", lines["emphasis"], 1)
    ]
    assert readme[0]["message"].startswith("300,000 emphasis and link markers (*, _, [)")


def test_a_pattern_that_backtracks_exponentially_is_a_finding_not_a_hang(report):
    """Matching ``(a+)+$`` against a documented name of 40 a's and a '!' takes hours."""
    _, found, _ = report
    assert [
        (f["rule"], f["path"], f["line"], f["column"], f["message"])
        for f in found if f["path"].startswith("redos/") and f["rule"] == "MET011"
    ] == [
        ("MET011", "redos/dashboards/go-runtime-metrics.json", 29, 21,
         "metric pattern '(a+)+$' repeats a repetition, which can take exponential time to"
         " match; pkgkit does not match it"),
    ]


def test_a_pattern_python_warns_about_is_matched_without_a_warning(report):
    """``[[`` makes re warn "possible nested set": not on the user's terminal (the run's
    standard error is empty), not an error where warnings are errors."""
    _, found, _ = report
    assert [f["rule"] for f in found if f["path"].startswith("nested-set/")].count("MET011") == 1


def test_deeply_nested_emphasis_in_a_heading_is_read(report):
    _, found, _ = report
    assert [f for f in found if f["path"].startswith("nested-heading")] == []


# --------------------------------------------------------------------------- at and past each bound


def _readme(body):
    return Readme("README.md", "# Title\n\n" + body)


@pytest.mark.parametrize(
    "marker", ["> ", ">", "- ", "* ", "+ ", "1. ", "2) "], ids=repr
)
def test_nesting_at_the_bound_is_read_and_one_more_is_reported(marker):
    _readme(marker * MAX_NESTING + "x\n")
    with pytest.raises(ReadmeTooDeep) as raised:
        _readme("text\n\n" + marker * (MAX_NESTING + 1) + "x\n")
    assert (raised.value.line, raised.value.column) == (5, MAX_NESTING * len(marker) + 1)


def test_lists_nested_by_indentation_at_the_bound_are_read_and_one_more_is_reported():
    def nested(levels):
        return "".join("  " * level + "- item\n" for level in range(levels))

    readme = _readme(nested(MAX_NESTING))
    assert readme.sections[0].title == "Title"
    with pytest.raises(ReadmeTooDeep) as raised:
        _readme(nested(MAX_NESTING + 1))
    assert raised.value.line == 3 + MAX_NESTING


def test_markers_that_are_no_containers_do_not_count():
    """Horizontal rules, numbers, emphasis: long runs of marker characters.

    (Markers are counted as written, before parsing: 101 ``> `` in a code block are reported
    too, a price paid so that nothing deep ever reaches the parser.)
    """
    _readme("-" * 500 + "\n\n" + "1" * 500 + "\n\n" + "*" * 500 + "\n\n" + "- -" * 500 + "\n")


def test_inline_markers_at_the_bound_are_read_and_one_more_is_reported():
    _readme("_" * MAX_INLINE_MARKERS + "\n")
    with pytest.raises(ReadmeTooDeep) as raised:
        _readme("para\n\n" + "[" * (MAX_INLINE_MARKERS + 1) + "\n")
    assert raised.value.line == 5


def test_docs_does_not_write_a_readme_it_could_not_read_back(tmp_path):
    """A dashboard title of 100,000 '[' (found by the fuzz test): the Dashboards table docs
    would write is past the README's bound, so the README is left as it is."""
    package = copy_go(tmp_path)
    dashboard = package / "dashboards" / "go-runtime-metrics.json"
    data = json.loads(dashboard.read_text(encoding="utf-8"))
    data["title"] = "Go " + "[" * (MAX_INLINE_MARKERS + 1)
    dashboard.write_text(json.dumps(data), encoding="utf-8")
    before = (package / "README.md").read_bytes()
    result = pkgkit(tmp_path, "docs", "go")
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"pkgkit: go/README.md: not updated: the README it would write: {MAX_INLINE_MARKERS + 1:,}"
        " emphasis and link markers (*, _, [) in one paragraph, more than pkgkit reads"
    )
    assert (package / "README.md").read_bytes() == before


def test_lint_fix_on_a_package_holding_a_named_pipe_fixes_and_reports_the_pipe(tmp_path):
    """--fix works on a scratch copy of the package, which copied the pipe: shutil refused it
    ('is a named pipe', an internal error; found by the fuzz test). The copy holds a pipe in
    its place, never opened: the fix is made, and the pipe is reported as lint reports it."""
    package = copy_go(tmp_path)
    dashboard = package / "dashboards" / "go-runtime-metrics.json"
    dashboard.unlink()
    os.mkfifo(dashboard)
    event = package / "events" / "high-goroutine-count.json"  # DOC003: an unsafe rename
    event.write_text(event.read_text(encoding="utf-8").replace(
        '"High Goroutine Count"', '"High Goroutine Counts"', 1), encoding="utf-8")
    linted = lint_json(tmp_path, "go", timeout=60)
    assert "DOC003" in {f["rule"] for f in linted[1]}
    code, found, stderr = lint_json(tmp_path, "--fix", "--unsafe-fixes", "go", timeout=60)
    assert (code, found) == (1, [f for f in linted[1] if f["rule"] != "DOC003"])
    assert ("PKG005", "go/dashboards/go-runtime-metrics.json", 1, 1) in located(found)
    assert stderr.endswith(f"1 finding fixed (1 fix in 1 file), {len(found)} remaining\n")
    assert "| High Goroutine Counts |" in (package / "README.md").read_text(encoding="utf-8")
    assert stat.S_ISFIFO(dashboard.lstat().st_mode)
