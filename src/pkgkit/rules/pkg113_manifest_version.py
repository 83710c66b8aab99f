"""The package version is not a semantic version ``x.y.z``.

npm refuses to publish a version that is not semver, and Instana's CLI compares versions to
pick the newest. Pre-release and build suffixes are allowed.

Bad::

    {"version": "v1.0"}

Good::

    {"version": "1.0.0"}, {"version": "1.1.0-beta.1"}
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._common import manifest
from pkgkit.util.semver import is_semver

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "PKG113"
NAME = "manifest-version"
SEVERITY = Severity.ERROR
SUMMARY = "The package version is not x.y.z (semver)"

_NUMBERS = r"[0-9]+"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """A non-blank string version that is not semver (other values are schema findings)."""
    file = manifest(ctx.package)
    if file is None:
        return
    version = file.data.get("version")
    if not isinstance(version, str) or not version.strip() or is_semver(version):
        return
    yield Problem(
        file,
        f"version '{version}' is not a semantic version x.y.z",
        pointer="/version",
        hint=f'use "{_suggested(version)}" (major.minor.patch, e.g. 1.0.0)',
    )


def _suggested(version: str) -> str:
    """The first three numbers of ``version``, padded with zeros (``v1.2`` -> ``1.2.0``)."""
    numbers = [str(int(n)) for n in re.findall(_NUMBERS, version)[:3]]
    return ".".join(numbers + ["0"] * (3 - len(numbers))) if numbers else "1.0.0"
