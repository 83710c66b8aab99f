"""Real git repositories for tests: hermetic (no user or system git configuration)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "pkgkit tests",
    "GIT_AUTHOR_EMAIL": "tests@pkgkit.invalid",
    "GIT_COMMITTER_NAME": "pkgkit tests",
    "GIT_COMMITTER_EMAIL": "tests@pkgkit.invalid",
}


def git_env(**extra: str) -> dict[str, str]:
    """The process environment with git made hermetic, plus ``extra``."""
    return {**os.environ, **GIT_ENV, **extra}


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``git -C repo args`` and return the completed process (text output)."""
    return subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True, text=True, check=check, env=git_env(),
    )


def init_repo(repo: Path) -> Path:
    """An empty repository on branch main."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def commit_all(repo: Path, message: str) -> str:
    """Stage everything, commit, return the new HEAD."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", message)
    return git(repo, "rev-parse", "HEAD").stdout.strip()


def snapshot(source: Path, target: Path) -> str:
    """Copy the working tree of ``source`` (tracked and untracked, not ignored) into a new repo."""
    listed = git(source, "ls-files", "-z", "--cached", "--others", "--exclude-standard").stdout
    for relpath in filter(None, listed.split("\0")):
        origin = source / relpath
        if origin.is_file():
            (target / relpath).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, target / relpath)
    init_repo(target)
    return commit_all(target, "snapshot")
