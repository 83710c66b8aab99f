"""``pkgkit ci``: only changed packages are linted, and a changed package must raise its version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gitrepo import commit_all, git, init_repo
from helpers import copy_go, edit_json
from pkgkit.cli import main
from pkgkit.util.semver import is_newer


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with two committed packages, go and py; the working directory."""
    repo = init_repo(tmp_path / "repo")
    go = copy_go(repo)
    py = shutil.copytree(go, repo / "py")
    edit_json(py / "package.json", lambda data: data.update(name="@instana-integration/py"))
    commit_all(repo, "two packages")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    return repo


def ci(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]], str]:
    """Run ``pkgkit ci --format json --no-test``: (exit code, findings, stderr)."""
    code = main(["ci", "--format", "json", "--no-test", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def bump(package: Path, version: str) -> None:
    edit_json(package / "package.json", lambda data: data.update(version=version))


def test_unchanged_repository_checks_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, found, err = ci(capsys, "--base", "HEAD")
    assert (code, found) == (0, [])
    assert "no package changed" in err


def test_change_without_bump_is_a_finding(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_json(repo / "go" / "events" / "high-goroutine-count.json",
              lambda data: data["rules"][0].update(conditionValue=2000))
    code, found, err = ci(capsys, "--base", "HEAD")
    assert code == 1
    assert [(f["rule"], f["path"], f["line"]) for f in found] == [("CI001", "go/package.json", 3)]
    assert "1.0.0 is not above 1.0.0" in str(found[0]["message"])
    assert "changed: go" in err
    assert "py" not in err


def test_readme_only_change_still_needs_a_bump(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with (repo / "py" / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("\nMore words.\n")
    code, found, err = ci(capsys, "--base", "HEAD", "--select", "CI")
    assert code == 1
    assert [(f["rule"], f["path"]) for f in found] == [("CI001", "py/package.json")]
    assert "changed: py" in err
    assert "changed: go" not in err


@pytest.mark.parametrize("version", ["1.0.1", "1.1.0-rc.1", "2.0.0"])
def test_committed_bump_is_clean(
    version: str, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = git(repo, "rev-parse", "HEAD").stdout.strip()
    (repo / "go" / "README.md").write_text("# changed\n", encoding="utf-8")
    edit_json(repo / "go" / "events" / "high-goroutine-count.json",
              lambda data: data["rules"][0].update(conditionValue=2000))
    bump(repo / "go", version)
    commit_all(repo, "tune and bump")
    code, found, err = ci(capsys, "--base", base, "--select", "CI")
    assert (code, found) == (0, [])
    assert "changed: go" in err


def test_lint_findings_of_changed_packages_only(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "go" / "events" / "broken.json").write_text("{", encoding="utf-8")  # untracked
    (repo / "py" / "events" / "ignored.json").write_text("{", encoding="utf-8")
    git(repo, "add", "py/events/ignored.json")
    git(repo, "commit", "-q", "-m", "break py")
    bump(repo / "go", "1.0.1")
    code, found, _ = ci(capsys, "--base", "HEAD")
    assert code == 1
    assert [(f["rule"], f["path"]) for f in found] == [("PKG001", "go/events/broken.json")]


def test_new_and_deleted_packages(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "rm", "-q", "-r", "py")
    (repo / "go").rename(repo / "go2")
    code, found, err = ci(capsys, "--base", "HEAD")
    assert (code, found) == (0, [])
    assert "changed: go2" in err
    assert "deleted (skipped): go\n" in err
    assert "deleted (skipped): py\n" in err


def test_root_limits_the_packages(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "go" / "README.md").write_text("# changed\n", encoding="utf-8")
    code, found, err = ci(capsys, "--base", "HEAD", "py")
    assert (code, found) == (0, [])
    assert "no package changed" in err


def test_default_base_is_origin_main(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    bump(repo / "py", "1.0.1")
    commit_all(repo, "bump py")
    code, found, err = ci(capsys, "--select", "CI")
    assert (code, found) == (0, [])
    assert "base origin/main" in err
    assert "changed: py" in err


def test_ci001_can_be_ignored(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "go" / "README.md").write_text("# changed\n", encoding="utf-8")
    code, found, _ = ci(capsys, "--base", "HEAD", "--ignore", "CI001", "--select", "CI")
    assert (code, found) == (0, [])


@pytest.mark.parametrize(
    "args",
    [["--base", "no-such-ref"], ["missing-folder"], ["--write-baseline", "base.json"]],
)
def test_usage_errors_exit_2(
    args: list[str], repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ci", *args]) == 2
    assert "pkgkit: error:" in capsys.readouterr().err


def test_outside_a_git_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert main(["ci"]) == 2
    assert "pkgkit: error: git:" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("new", "old", "expected"),
    [
        ("1.0.1", "1.0.0", True),
        ("1.0.0", "1.0.0", False),
        ("1.0.0", "1.0.0-rc.1", True),
        ("1.0.0-rc.2", "1.0.0-rc.1", True),
        ("1.0.0-rc.10", "1.0.0-rc.9", True),
        ("1.0.0-alpha.1", "1.0.0-alpha", True),
        ("1.0.0-beta", "1.0.0-alpha.9", True),
        ("1.0.0-1", "1.0.0-alpha", False),
        ("1.0.0+build.2", "1.0.0+build.1", False),
        ("0.10.0", "0.9.9", True),
        ("v1.0.1", "1.0.0", None),
        ("1.0", "1.0.0", None),
        ("1.0.1-01", "1.0.0", None),  # a numeric identifier with a leading zero: not semver
    ],
)
def test_semantic_version_precedence(new: str, old: str, expected: bool | None) -> None:
    assert is_newer(new, old) is expected


def test_check_format_lists_unformatted_files_of_changed_packages(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """fixtures/go ends every file with a newline; Instana's export writes content without."""
    bump(repo / "go", "1.0.1")
    code, found, err = ci(capsys, "--base", "HEAD", "--check-format")
    assert (code, found) == (1, [])
    assert "would reformat: go/dashboards/go-runtime-metrics.json" in err
    assert "would reformat: go/package.json" not in err  # npm's final newline is kept
    assert "pkgkit ci: 8 files would be reformatted, 1 file left unchanged" in err
    assert "py/" not in err
    code, found, err = ci(capsys, "--base", "HEAD", "--check-format", "--final-newline", "keep")
    assert (code, found) == (0, [])
    assert "pkgkit ci: 0 files would be reformatted, 9 files left unchanged" in err


def test_check_format_reports_a_file_it_cannot_format(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bump(repo / "go", "1.0.1")
    (repo / "go" / "events" / "big.json").write_text('{"id": 9007199254740993}')
    code, found, err = ci(capsys, "--base", "HEAD", "--check-format", "--select", "CI")
    assert (code, found) == (1, [])
    assert (
        "go/events/big.json:1:8: cannot format without loss: JavaScript reads 9007199254740993 as "
        "9007199254740992\n"
    ) in err


def test_check_docs_lists_readmes_that_docs_would_change(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bump(repo / "go", "1.0.1")
    code, found, err = ci(capsys, "--base", "HEAD", "--check-docs")
    assert (code, found) == (0, [])
    assert "pkgkit ci: 0 files would be updated, 1 file left unchanged" in err
    (repo / "go" / "events" / "high-goroutine-count.json").unlink()
    code, found, err = ci(capsys, "--base", "HEAD", "--check-docs")
    assert code == 1
    assert {f["rule"] for f in found} == {"DOC003"}
    assert "would update: go/README.md" in err
    assert "pkgkit ci: 1 file would be updated, 0 files left unchanged" in err
