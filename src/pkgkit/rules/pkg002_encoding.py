"""A JSON file is not plain UTF-8 (other bytes, or a byte-order mark).

JSON exchanged between systems must be UTF-8 without a byte-order mark (RFC 8259). Instana's CLI
reads files as UTF-8 and ``JSON.parse`` rejects a leading BOM. pkgkit reads past a BOM to check the
rest of the file, but reports it.

Bad: a file saved as Latin-1 (``caf\\xe9``) or starting with the bytes ``EF BB BF``.

Good: the same file saved as UTF-8 without a BOM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pkgkit.diagnostics import Problem, Severity
from pkgkit.model.jsonfile import LoadErrorKind
from pkgkit.rules._common import json_files, load_errors

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

CODE = "PKG002"
NAME = "encoding"
SEVERITY = Severity.ERROR
SUMMARY = "A JSON file is not UTF-8, or starts with a byte-order mark"


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Undecodable files and files with a BOM."""
    yield from load_errors(ctx, LoadErrorKind.ENCODING)
    for file in json_files(ctx.package):
        if file.has_bom:
            yield Problem(
                file,
                "file starts with a UTF-8 byte-order mark, which JSON.parse rejects",
                hint="save the file as UTF-8 without BOM",
                line=1,
                column=1,
            )
