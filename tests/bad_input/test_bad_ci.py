"""``pkgkit ci`` fails closed: no base it can determine is an error saying how to give one, a
removed manifest is a finding, a failing event test is in every report format, and a shallow
clone that lacks the merge-base is told to fetch more history."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bad_input_helpers import pkgkit
from gitrepo import GIT_ENV, commit_all, git, init_repo
from helpers import copy_go

FAILING_TEST = """\
series:
  - metric: go.goroutine.count
    values: "1200x10"
expect:
  - event: High Goroutine Count
    at: 10m
    fires: false
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with fixtures/go committed on main, and no remote."""
    repo = init_repo(tmp_path / "repo")
    copy_go(repo)
    commit_all(repo, "go")
    return repo


def ci(repo: Path, *args: str) -> tuple[int, str, str]:
    result = pkgkit(repo, "ci", *args, env=GIT_ENV, timeout=300)
    return result.returncode, result.stdout, result.stderr


def test_no_base_it_can_determine_is_an_error_that_says_how_to_give_one(repo):
    (repo / "go" / "README.md").write_text("# changed\n", encoding="utf-8")
    commit_all(repo, "a committed change, which comparing with HEAD would pass")
    code, out, err = ci(repo, "--no-test")
    assert (code, out) == (2, "")
    assert err == (
        "pkgkit: error: git: no base revision: none of origin/HEAD, origin/main, origin/master"
        " exists; pass --base REF (the branch the changes will merge into, or HEAD to check"
        " uncommitted changes only)\n"
    )


def test_the_help_of_base_says_what_happens_without_one():
    """The help promised a fallback to HEAD (which would pass every committed change)."""
    result = pkgkit(Path.cwd(), "ci", "--help", env={"COLUMNS": "1000"})
    (line,) = [line.strip() for line in result.stdout.splitlines() if "--base REF " in line]
    assert line.endswith(
        "(default: origin/HEAD, origin/main or origin/master, the first that exists, else an"
        " error; --base HEAD checks uncommitted changes only)"
    )


def test_a_removed_manifest_is_a_finding(repo):
    (repo / "go" / "package.json").unlink()
    code, out, err = ci(repo, "--base", "HEAD", "--no-test", "--format", "json")
    assert code == 1
    assert "changed: go" in err
    assert ("PKG010", "go/package.json") in {(f["rule"], f["path"]) for f in json.loads(out)}


def test_a_removed_package_is_still_skipped(repo):
    git(repo, "rm", "-q", "-r", "go")
    code, out, err = ci(repo, "--base", "HEAD", "--no-test", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert "deleted (skipped): go" in err


@pytest.fixture
def failing_test(repo):
    (repo / "go" / "tests" / "failing.yaml").write_text(FAILING_TEST, encoding="utf-8")
    (repo / "go" / "package.json").write_text(
        (repo / "go" / "package.json").read_text(encoding="utf-8").replace("1.0.0", "1.0.1"),
        encoding="utf-8",
    )
    return repo


EXPECTED = (
    "'High Goroutine Count' at 600s: expected to stay silent, but it fires"
    " (avg over 300s = 1200, condition > 1000)"
)


def test_a_failing_event_test_is_in_the_json_report(failing_test):
    code, out, _ = ci(failing_test, "--base", "HEAD", "--format", "json")
    assert code == 1
    found = [(f["rule"], f["path"], f["line"], f["column"], f["message"]) for f in json.loads(out)]
    assert found == [("CI002", "go/tests/failing.yaml", 5, 5, EXPECTED)]
    assert not list(failing_test.rglob(".hypothesis"))  # pkgkit test ran: its files are elsewhere


def test_a_failing_event_test_is_in_the_sarif_and_github_reports(failing_test):
    code, out, _ = ci(failing_test, "--base", "HEAD", "--format", "sarif", "--no-test")
    assert (code, json.loads(out)["runs"][0]["results"]) == (0, [])  # --no-test: no tests
    code, out, _ = ci(failing_test, "--base", "HEAD", "--format", "sarif")
    (result,) = json.loads(out)["runs"][0]["results"]
    assert (code, result["ruleId"], result["message"]["text"]) == (1, "CI002", EXPECTED)
    code, out, _ = ci(failing_test, "--base", "HEAD", "--format", "github")
    assert code == 1
    assert out.splitlines()[0] == (
        f"::error file=go/tests/failing.yaml,line=5,col=5,title=CI002::{EXPECTED}"
    )


def test_a_shallow_clone_without_the_merge_base_is_told_to_fetch_history(tmp_path, repo):
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "go" / "README.md").write_text("# changed\n", encoding="utf-8")
    commit_all(repo, "feature")
    git(repo, "checkout", "-q", "main")
    (repo / "other.txt").write_text("main moved on\n", encoding="utf-8")
    commit_all(repo, "main")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", "--no-single-branch", "-b", "feature",
        f"file://{repo}", str(shallow))
    code, out, err = ci(shallow, "--no-test")
    assert (code, out) == (2, "")
    assert err == (
        "pkgkit: error: git: no merge-base of origin/HEAD and HEAD in this shallow clone: fetch"
        " more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)\n"
    )
    shutil.rmtree(shallow)


def test_final_newline_without_check_format_is_refused(repo):
    """Listed by ci --help, it only says how --check-format checks: alone it did nothing."""
    code, out, err = ci(repo, "--base", "HEAD", "--no-test", "--final-newline", "always")
    assert (code, out) == (2, "")
    assert err == (
        "pkgkit: error: --final-newline says how --check-format checks; give both or neither\n"
    )
    code, _, err = ci(repo, "--base", "HEAD", "--no-test", "--check-format",
                      "--final-newline", "always")
    assert code == 0  # nothing changed since HEAD: nothing to check
