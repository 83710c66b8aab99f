"""``pkgkit lint`` finds the same README problems where markdown-it-pyrs is not installed.

markdown-it-pyrs has wheels for CPython 3.11 and 3.12 only (pyproject.toml requires it only
there): elsewhere every README is read with markdown-it-py. A lint run with the module made
unimportable (``sys.modules["markdown_it_pyrs"] = None`` before pkgkit starts, as where it is
missing) prints exactly what a run with it prints.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

from helpers import copy_go, edit_text

#: Whether markdown-it-pyrs is installed here (a run that does not block it then reads with it).
HAS_MARKDOWN_IT_PYRS = importlib.util.find_spec("markdown_it_pyrs") is not None

#: ``pkgkit lint --no-cache --format json go``, then the Markdown parsers imported (on stderr).
LINT = """\
import sys
{block}
from pkgkit.cli import main
code = main(['lint', '--no-cache', '--format', 'json', 'go'])
print(sorted(m for m in ('markdown_it', 'markdown_it_pyrs') if sys.modules.get(m)), file=sys.stderr)
sys.exit(code)
"""
BLOCK = "sys.modules['markdown_it_pyrs'] = None"


def lint(cwd, *, block: bool) -> tuple[int, str, str]:
    """Exit code, standard output and error of the lint, markdown_it_pyrs blocked or not."""
    script = LINT.format(block=BLOCK if block else "")
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
    )
    return done.returncode, done.stdout, done.stderr


def test_readme_findings_are_the_same_without_markdown_it_pyrs(tmp_path):
    """A table cell with markup and an escaped pipe, a misspelt metric after padding, a setext
    heading, a closed ATX heading, a link in a cell and a heading turned into indented code."""
    readme = copy_go(tmp_path) / "README.md"
    edit_text(readme, "| Go Runtime Metrics |", "| Go *Runtime* `Metrics` \\| 2 |")
    edit_text(readme, "| `go.memory.limit` |", "|   `go.memory.limitt`   |")
    edit_text(readme, "### Resource Attributes\n", "Resource Attributes\n---\n")
    edit_text(readme, "## Events\n", "## Events #\n")
    edit_text(readme, "| High Goroutine Count |", "| High Goroutine Count [x](y) |")
    edit_text(readme, "## Metrics\n", "    ## Metrics\n")
    code, out, err = lint(tmp_path, block=False)
    assert err == ("['markdown_it_pyrs']\n" if HAS_MARKDOWN_IT_PYRS else "['markdown_it']\n")
    assert lint(tmp_path, block=True) == (code, out, "['markdown_it']\n")
    assert code == 0  # README problems only: warnings
    found = [(f["rule"], f["path"], f["line"], f["column"], f["message"]) for f in json.loads(out)]
    assert found == [
        ("PKG103", "go/README.md", 1, 1, "README.md has no 'Metrics' section"),
        (
            "DOC001", "go/README.md", 11, 3,
            "README lists dashboard 'Go Runtime Metrics | 2'; the closest dashboard, "
            "dashboards/go-runtime-metrics.json, is titled 'Go Runtime Metrics'",
        ),
        (
            "MET002", "go/README.md", 32, 5,
            "documented metric 'go.memory.limitt' is referenced by no dashboard, event or entity",
        ),
        (
            "MET004", "go/README.md", 32, 5,
            "instrumentation 'go.opentelemetry.io/contrib/instrumentation/runtime' does not emit"
            " a metric 'go.memory.limitt' (catalogue: go-runtime), nor do the OpenTelemetry"
            " conventions define it",
        ),
        (
            "DOC003", "go/README.md", 126, 3,
            "README lists event 'High Goroutine Count x'; the closest event, "
            "events/high-goroutine-count.json, is named 'High Goroutine Count'",
        ),
        (
            "MET001", "go/dashboards/go-runtime-metrics.json", 76, 21,
            "metric 'go.memory.limit' is not documented in the README metrics tables",
        ),
    ]
