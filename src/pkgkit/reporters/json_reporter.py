"""Machine-readable report: a JSON array of findings with a fixed set of keys."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

    from pkgkit.lint.report import LintReport


def render(report: LintReport, stream: TextIO) -> None:
    """Write ``[{rule, severity, path, line, column, pointer, message, hint}, ...]``."""
    items = [d.as_dict() for result in report.packages for d in result.diagnostics]
    json.dump(items, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
