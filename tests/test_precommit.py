"""The pre-commit hooks file is tested code: its file filter, and real commits through it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from gitrepo import commit_all, git, git_env, init_repo, snapshot
from helpers import GO_FIXTURE, REPO, copy_go, write_package
from pkgkit.model.package import packages_for_paths
from pkgkit.scaffold import PACKAGE_FILES

if TYPE_CHECKING:
    from collections.abc import Iterator

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
NOT_PACKAGE_FILES = [
    "src/pkgkit/cli.py",
    "go/dashboards/notes.txt",
    "go/dashboards.json",
    "go/package-lock.json",
    "go/README.rst",
    "go/tests/nested/case.yaml",
    "go/events/readme.md",
    "docs/ci.md",
    ".pre-commit-config.yaml",
]
MORE_PACKAGE_FILES = [
    "README.md",
    "packages/db2/entities/db2.json",
    "packages/db2/smart-alerts/deep/alert.json",
    "go/tests/render.yaml",
    "go/tests/render.yml",
]


def fixture_files() -> list[str]:
    """Every file of fixtures/go, relative to the repository root."""
    return [p.relative_to(REPO).as_posix() for p in sorted(GO_FIXTURE.rglob("*")) if p.is_file()]


#: Each hook's command; the formatting hooks see only package JSON files.
ENTRIES = {
    "pkgkit-lint": "pkgkit lint",
    "pkgkit-test": "pkgkit test",
    "pkgkit-fmt": "pkgkit fmt",
    "pkgkit-fmt-check": "pkgkit fmt --check",
}
FORMATTING_HOOKS = {"pkgkit-fmt", "pkgkit-fmt-check"}


def test_every_hook_is_known() -> None:
    assert [hook["id"] for hook in HOOKS] == list(ENTRIES)


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
def test_hook_shape(hook: dict[str, object]) -> None:
    assert hook["language"] == "python"
    assert hook["entry"] == ENTRIES[hook["id"]]  # type: ignore[index]
    assert hook["require_serial"] is True
    if hook["id"] not in FORMATTING_HOOKS:
        assert hook["files"] == PACKAGE_FILES, "pkgkit init writes scaffold.PACKAGE_FILES"


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
@pytest.mark.parametrize("path", fixture_files() + MORE_PACKAGE_FILES)
def test_files_regex_matches_package_files(hook: dict[str, str], path: str) -> None:
    if hook["id"] in FORMATTING_HOOKS:
        assert bool(re.search(hook["files"], path)) == path.endswith(".json"), path
    else:
        assert re.search(hook["files"], path), path


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
@pytest.mark.parametrize("path", NOT_PACKAGE_FILES)
def test_files_regex_skips_other_files(hook: dict[str, str], path: str) -> None:
    assert not re.search(hook["files"], path), path


def test_files_map_to_their_package_once(tmp_path: Path) -> None:
    go = copy_go(tmp_path)
    write_package(tmp_path / "bare", {"dashboards/d.json": {}})
    (tmp_path / "README.md").write_text("# repository\n", encoding="utf-8")
    files = [
        go / "README.md",
        go / "dashboards" / "go-runtime-metrics.json",
        tmp_path / "README.md",
        tmp_path / "bare" / "dashboards" / "d.json",
        go / "package.json",
    ]
    assert packages_for_paths([str(f) for f in files]) == [str(go), str(tmp_path / "bare")]


def test_relative_paths_stay_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_go(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert packages_for_paths(["go/events/high-cpu-utilization.json", "go"]) == ["go"]


@pytest.fixture(scope="session")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A snapshot of this checkout as a git repository pre-commit can clone: (path, rev)."""
    source = tmp_path_factory.mktemp("pkgkit-source")
    return source, snapshot(REPO, source)


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private PRE_COMMIT_HOME: hook environments are built once per test session."""
    return tmp_path_factory.mktemp("pre-commit-home")


def installed_repo(
    repo: Path, hook_source: tuple[Path, str], pre_commit_home: Path, hook: str
) -> Path:
    """A repository holding the go package, with ``hook`` installed as its pre-commit hook."""
    source, rev = hook_source
    init_repo(repo)
    copy_go(repo)
    (repo / "notes").mkdir()
    (repo / "notes" / "README.md").write_text("# Not a package\n", encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {source}\n  rev: {rev}\n  hooks:\n  - id: {hook}\n",
        encoding="utf-8",
    )
    pre_commit(repo, pre_commit_home, "install")
    return repo


@pytest.fixture
def author_repo(
    tmp_path: Path, hook_source: tuple[Path, str], pre_commit_home: Path
) -> Iterator[Path]:
    """A repository holding the go package, with pkgkit-lint installed as its pre-commit hook."""
    yield installed_repo(tmp_path / "repo", hook_source, pre_commit_home, "pkgkit-lint")


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the pre-commit of this virtualenv in ``repo``."""
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        env=git_env(PRE_COMMIT_HOME=str(home)),
    )


def commit(repo: Path, message: str) -> subprocess.CompletedProcess[str]:
    """``git add -A && git commit`` with the installed hook running."""
    git(repo, "add", "-A")
    return git(repo, "commit", "-m", message, check=False)


def test_clean_commit_goes_through(author_repo: Path) -> None:
    result = commit(author_repo, "add the go package")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pkgkit lint" in result.stdout + result.stderr
    assert "Passed" in result.stdout + result.stderr


def test_commit_that_breaks_the_package_is_blocked(author_repo: Path) -> None:
    commit_all(author_repo, "add the go package")
    event = author_repo / "go" / "events" / "high-cpu-utilization.json"
    event.write_text('{"name": "broken",', encoding="utf-8")
    result = commit(author_repo, "break an event")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "PKG001" in output
    assert "go/events/high-cpu-utilization.json" in output
    assert git(author_repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"


def test_commit_outside_packages_is_not_linted(author_repo: Path) -> None:
    commit_all(author_repo, "add the go package")
    (author_repo / "notes" / "README.md").write_text("# Still not a package\n", encoding="utf-8")
    result = commit(author_repo, "edit notes")
    assert result.returncode == 0, result.stdout + result.stderr


UNFORMATTED = '{"name": "High CPU", "conditionValue": 1.0}'


@pytest.mark.parametrize("hook", ["pkgkit-fmt", "pkgkit-fmt-check"])
def test_an_unformatted_file_stops_the_commit(
    tmp_path: Path, hook_source: tuple[Path, str], pre_commit_home: Path, hook: str
) -> None:
    """pkgkit-fmt rewrites the staged file and the commit stops (pre-commit: files were
    modified); staged again, it goes through. pkgkit-fmt-check only names it."""
    repo = installed_repo(tmp_path / "repo", hook_source, pre_commit_home, hook)
    event = repo / "go" / "events" / "high-cpu-utilization.json"
    commit_all(repo, "add the go package")
    event.write_text(UNFORMATTED, encoding="utf-8")
    result = commit(repo, "edit an event")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"
    if hook == "pkgkit-fmt-check":
        assert "would reformat: go/events/high-cpu-utilization.json" in output
        assert event.read_text(encoding="utf-8") == UNFORMATTED
        return
    assert "files were modified by this hook" in output
    assert "reformatted: go/events/high-cpu-utilization.json" in output
    assert event.read_text(encoding="utf-8") == (
        '{\n  "name": "High CPU",\n  "conditionValue": 1\n}'
    )
    again = commit(repo, "edit an event, formatted")
    assert again.returncode == 0, again.stdout + again.stderr
