"""The grammar of an integration package's name: ``@instana-integration/<name>``.

Shared by the manifest rule (PKG112) and the scaffold (``pkgkit init``).
"""

from __future__ import annotations

import re

#: The npm scope Instana's CLI downloads integration packages from.
SCOPE = "@instana-integration/"
#: The characters of an unscoped name (a regular-expression character-class body).
NAME_CHARS = "a-z0-9._-"
#: An unscoped name: npm's lower-case alphabet, starting with a letter or digit.
UNSCOPED_NAME = rf"[a-z0-9][{NAME_CHARS}]*"


def is_unscoped_name(name: str) -> bool:
    """True when ``name`` is a full match of :data:`UNSCOPED_NAME`."""
    return re.fullmatch(UNSCOPED_NAME, name) is not None


def is_scoped_name(name: str) -> bool:
    """True for ``@instana-integration/<name>`` with a valid unscoped name."""
    return name.startswith(SCOPE) and is_unscoped_name(name.removeprefix(SCOPE))
