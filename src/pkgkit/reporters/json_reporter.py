"""Machine-readable report: a JSON array of findings with a fixed set of keys.

Text is written as itself (``ensure_ascii=False``) but for the characters that would act on a
terminal, written as JSON escapes (controls, lone surrogates:
:func:`~pkgkit.util.output.json_text`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pkgkit.util.output import json_text

if TYPE_CHECKING:
    from typing import TextIO

    from pkgkit.lint.report import LintReport


def render(report: LintReport, stream: TextIO) -> None:
    """Write ``[{rule, severity, path, line, column, pointer, message, hint}, ...]``."""
    items = [d.as_dict() for result in report.packages for d in result.diagnostics]
    stream.write(json_text(json.dumps(items, indent=2, ensure_ascii=False)) + "\n")
