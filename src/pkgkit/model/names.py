"""The grammar of an integration package's name: ``@instana-integration/<name>``.

Shared by the manifest rule (PKG112) and the scaffold (``pkgkit init``); imports only :mod:`re`.
"""

from __future__ import annotations

import re

#: The npm scope Instana's CLI downloads integration packages from.
SCOPE = "@instana-integration/"
#: The characters of an unscoped name (a regular-expression character-class body).
NAME_CHARS = "a-z0-9._-"
#: An unscoped name: npm's lower-case alphabet, starting with a letter or digit.
UNSCOPED_NAME = re.compile(rf"[a-z0-9][{NAME_CHARS}]*")


def is_scoped_name(name: str) -> bool:
    """True for ``@instana-integration/<name>`` with a valid unscoped name."""
    return name.startswith(SCOPE) and UNSCOPED_NAME.fullmatch(name.removeprefix(SCOPE)) is not None
