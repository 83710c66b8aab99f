"""``pkgkit init``: a package that lints clean, never overwritten, and the pre-commit hook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from gitrepo import init_repo
from pkgkit.cli import main
from pkgkit.scaffold import HOOK_ID

EXISTING_CONFIG = """\
# team hooks: keep this comment
default_stages: [pre-commit]
repos:
  # formatting first
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.6.0  # pinned
    hooks:
      - id: trailing-whitespace
"""


def init(*args: str) -> int:
    return main(["init", *args])


def lint_json(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[object]]:
    capsys.readouterr()
    code = main(["lint", "--format", "json", str(path)])
    report = json.loads(capsys.readouterr().out)
    return code, report["diagnostics"] if isinstance(report, dict) else report


def test_new_package_lints_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert init("demo", "--dir", str(tmp_path), "--author", "Demo Team") == 0
    package = tmp_path / "demo"
    manifest = json.loads((package / "package.json").read_text(encoding="utf-8"))
    assert manifest["name"] == "@instana-integration/demo"
    assert manifest["author"] == "Demo Team"
    assert sorted(p.relative_to(package).as_posix() for p in package.rglob("*.json")) == [
        "dashboards/demo-overview.json",
        "events/demo-high-request-rate.json",
        "package.json",
    ]
    readme = (package / "README.md").read_text(encoding="utf-8")
    for heading in (
        "## Dashboards",
        "### Semantic Conventions",
        "### Resource Attributes",
        "## Events",
        "## Installation and Usage",
        "--set servicename=",
    ):
        assert heading in readme
    assert lint_json(package, capsys) == (0, [])


def test_scoped_and_dotted_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert init("@instana-integration/my-app.v2", "--dir", str(tmp_path), "--no-hook") == 0
    package = tmp_path / "my-app.v2"
    assert "# @instana-integration/my-app.v2" in (package / "README.md").read_text(encoding="utf-8")
    assert "My App V2 Overview" in (package / "README.md").read_text(encoding="utf-8")
    assert lint_json(package, capsys) == (0, [])
    assert not (tmp_path / ".pre-commit-config.yaml").exists()


def test_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "package.json").write_text("{}", encoding="utf-8")
    assert init("demo", "--dir", str(tmp_path)) == 2
    assert "already exists" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "demo").iterdir()] == ["package.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]


@pytest.mark.parametrize("name", ["Demo", "_demo", "de mo", "a/b", ""])
def test_invalid_name(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert init(name, "--dir", str(tmp_path)) == 2
    assert "not a valid package name" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_new_pre_commit_config_at_git_root(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    assert init("demo", "--dir", str(repo / "packages"), "--author", "x") == 0
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in config["repos"][0]["hooks"]] == [HOOK_ID]
    assert not (repo / "packages" / ".pre-commit-config.yaml").exists()


def test_existing_config_keeps_comments_and_order(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    config = repo / ".pre-commit-config.yaml"
    config.write_text(EXISTING_CONFIG, encoding="utf-8")
    assert init("demo", "--dir", str(repo / "packages"), "--author", "x") == 0
    text = config.read_text(encoding="utf-8")
    assert text.startswith(EXISTING_CONFIG)
    added = yaml.safe_load(text)["repos"][1]
    assert added["repo"] == "local"
    assert added["hooks"][0]["id"] == HOOK_ID
    assert "\n  - repo: local\n    hooks:\n      - id: pkgkit-lint\n" in text
    assert init("other", "--dir", str(repo / "packages"), "--author", "x") == 0
    assert config.read_text(encoding="utf-8") == text


def test_config_in_dir_wins(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    (repo / "pkgs").mkdir()
    (repo / "pkgs" / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    assert init("demo", "--dir", str(repo / "pkgs"), "--author", "x") == 0
    assert HOOK_ID in (repo / "pkgs" / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert not (repo / ".pre-commit-config.yaml").exists()


@pytest.mark.parametrize("text", ["repos: [\n", "- just a list\n", "repos: {}\n"])
def test_unusable_config_refuses_before_writing(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".pre-commit-config.yaml").write_text(text, encoding="utf-8")
    assert init("demo", "--dir", str(tmp_path), "--author", "x") == 2
    assert ".pre-commit-config.yaml" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pre-commit-config.yaml"]
    assert (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8") == text
