"""What changed in a git repository since a base revision: files, and files at that revision.

Everything goes through the ``git`` command line (``git -C ROOT ...``); a failure becomes
:class:`GitError` carrying git's own message, never a traceback.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

#: Tried in order when no base is given: the remote's default branch, then the usual names.
DEFAULT_BASES = ("origin/HEAD", "origin/main", "origin/master")


class GitError(Exception):
    """git failed or is missing; the message says why."""


def git(root: str, *args: str) -> str:
    """Run ``git -C root args`` and return its standard output."""
    try:
        done = subprocess.run(
            ["git", "-C", root, *args],
            capture_output=True, text=True, errors="replace", check=False,
        )
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror}") from error
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def toplevel(path: str) -> str:
    """The root of the working tree holding ``path``."""
    return git(path, "rev-parse", "--show-toplevel").strip()


def resolves(root: str, revision: str) -> bool:
    """True when ``revision`` names a commit."""
    try:
        git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GitError:
        return False
    return True


@dataclass(frozen=True)
class Base:
    """The revision changes are measured from: what was asked, and the commit compared with."""

    name: str
    commit: str


def find_base(root: str, wanted: str | None) -> Base:
    """The merge-base of HEAD and ``wanted`` (default: the first of :data:`DEFAULT_BASES`).

    Fails closed: without ``wanted`` and without any of the default remote branches there is
    no base to compare with (comparing with HEAD would pass every committed change), and a
    shallow clone that lacks the merge-base says to fetch more history.
    """
    if wanted is None:
        wanted = next((name for name in DEFAULT_BASES if resolves(root, name)), None)
        if wanted is None:
            raise GitError(
                f"no base revision: none of {', '.join(DEFAULT_BASES)} exists; pass --base REF"
                " (the branch the changes will merge into, or HEAD to check uncommitted"
                " changes only)"
            )
    elif not resolves(root, wanted):
        raise GitError(f"unknown revision '{wanted}' (fetch it, or pass another --base)")
    try:
        commit = git(root, "merge-base", wanted, "HEAD").strip()
    except GitError as error:
        if _is_shallow(root):
            raise GitError(
                f"no merge-base of {wanted} and HEAD in this shallow clone: fetch more history"
                " (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)"
            ) from error
        raise
    return Base(wanted, commit)


def _is_shallow(root: str) -> bool:
    try:
        return git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
    except GitError:
        return False


def changed_files(root: str, base: Base) -> list[str]:
    """Paths (relative to ``root``, the top level) that differ from ``base``: committed,
    staged, unstaged, deleted, and untracked (not ignored)."""
    diff = git(root, "diff", "--name-only", "-z", "--no-renames", base.commit, "--")
    untracked = git(root, "ls-files", "--others", "--exclude-standard", "-z")
    return sorted({path for path in (diff + untracked).split("\0") if path})


def show(root: str, base: Base, relpath: str) -> str | None:
    """The text of ``relpath`` at ``base``, or None when it did not exist there."""
    try:
        return git(root, "show", f"{base.commit}:{relpath}")
    except GitError:
        return None
