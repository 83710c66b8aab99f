"""Machine-readable report: a JSON array of findings with a fixed set of keys."""

from __future__ import annotations

import json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

    from pkgkit.lint.report import LintReport


def render(report: LintReport, stream: TextIO) -> None:
    """Write ``[{rule, severity, path, line, column, pointer, message, hint}, ...]``."""
    from pkgkit.lint.report import result_as_data  # noqa: PLC0415

    render_data([result_as_data(result) for result in report.packages], stream)


def render_data(results: list[dict[str, Any]], stream: TextIO) -> None:
    """:func:`render` of package results as :func:`~pkgkit.lint.report.result_as_data`
    writes them."""
    items = [item for result in results for item in result["diagnostics"]]
    json.dump(items, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
