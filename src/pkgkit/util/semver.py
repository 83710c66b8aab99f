"""Semantic versions (semver.org 2.0.0): parsing and precedence, pre-releases included."""

from __future__ import annotations

import functools
import re

_NUMBER = r"(?:0|[1-9][0-9]*)"
#: A pre-release identifier: a number without leading zeros, or alphanumerics with a letter or -.
_IDENTIFIER = r"(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
#: semver.org 2.0.0: x.y.z, optional -pre.release and +build.metadata (use with fullmatch).
SEMVER = (
    rf"(?P<major>{_NUMBER})\.(?P<minor>{_NUMBER})\.(?P<patch>{_NUMBER})"
    rf"(?:-(?P<pre>{_IDENTIFIER}(?:\.{_IDENTIFIER})*))?"
    r"(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?"
)


@functools.cache
def semver_pattern() -> re.Pattern[str]:
    """:data:`SEMVER` compiled (on first use: compiling it costs about a millisecond)."""
    return re.compile(SEMVER)


def is_semver(version: str) -> bool:
    """True when ``version`` is a semantic version (a full match of :data:`SEMVER`)."""
    return semver_pattern().fullmatch(version) is not None

#: A sort key: (major, minor, patch, release flag, pre-release identifiers).
VersionKey = tuple[int, int, int, int, tuple[tuple[int, int, str], ...]]


def version_key(version: str) -> VersionKey | None:
    """A key that orders versions by semver precedence, or None when ``version`` is not semver.

    A release sorts after its pre-releases; numeric identifiers sort numerically and before
    alphanumeric ones; a longer pre-release wins when all shared identifiers are equal; build
    metadata is ignored.
    """
    match = semver_pattern().fullmatch(version.strip()) if isinstance(version, str) else None
    if match is None:
        return None
    pre = match["pre"]
    identifiers = tuple(_identifier(part) for part in pre.split(".")) if pre else ()
    return (int(match["major"]), int(match["minor"]), int(match["patch"]), 0 if pre else 1,
            identifiers)


def _identifier(part: str) -> tuple[int, int, str]:
    return (0, int(part), "") if part.isdigit() else (1, 0, part)


def is_newer(version: str, than: str) -> bool | None:
    """True when ``version`` has higher precedence than ``than``; None when either is not semver."""
    new, old = version_key(version), version_key(than)
    if new is None or old is None:
        return None
    return new > old
