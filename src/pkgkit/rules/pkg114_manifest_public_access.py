"""package.json does not set ``publishConfig.access`` to ``"public"``.

npm publishes scoped packages (``@instana-integration/...``) as restricted unless told otherwise,
and Instana's CLI cannot download a restricted package. A ``"private": true`` package is never
published, so its access does not matter (``pkgkit lint`` skips such packages anyway, as
Instana's CLI does; this rule holds when its checks are run on one all the same).

Bad::

    {"name": "@instana-integration/go", "publishConfig": {"access": "restricted"}}

Good::

    {"name": "@instana-integration/go", "publishConfig": {"access": "public"}}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.rules._common import manifest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "PKG114"
NAME = "manifest-public-access"
SEVERITY = Severity.ERROR
SUMMARY = 'publishConfig.access is not "public"'

_HINT = 'add "publishConfig": {"access": "public"}'


def check(ctx: RuleContext) -> Iterator[Problem]:
    """A missing publishConfig, or an access other than public (wrong types: PKG100)."""
    file = manifest(ctx.package)
    if file is None or file.data.get("private") is True:
        return
    config = file.data.get("publishConfig")
    if config is None:
        yield Problem(file, "package.json has no publishConfig", pointer="", hint=_HINT)
        return
    if not isinstance(config, dict):
        return
    access = config.get("access")
    if access is None:
        yield Problem(
            file, "publishConfig has no 'access'", pointer="/publishConfig", hint=_HINT
        )
    elif isinstance(access, str) and access != "public":
        yield Problem(
            file,
            f"publishConfig.access is '{access}'; scoped packages must be published as public",
            pointer="/publishConfig/access",
            hint='set "access": "public"',
        )
