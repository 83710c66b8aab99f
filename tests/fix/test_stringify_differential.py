"""Differential test: ``pkgkit fmt`` against real ``JSON.stringify(JSON.parse(text), null, 2)``.

One node process (no npm package needed) reads JSON lines ``{"text": ...}`` and answers
``{"output": ...}`` or ``{"error": ...}``. Skipped, with the reason, where node is absent.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pytest
from hypothesis import example, given, settings
from jsontexts import OTHER_VALUE_NUMBERS, SAME_VALUE_NUMBERS, documents, exact, in_javascript_order

from helpers import REPO
from pkgkit.fix.changes import Change
from pkgkit.fix.formatting import Target, format_file, package_json_files

if TYPE_CHECKING:
    from collections.abc import Iterator

PUBLISHED = REPO.parent / "shared" / "reference" / "packages"
STRINGIFY = """
const lines = require("readline").createInterface({input: process.stdin});
lines.on("line", (line) => {
  let reply;
  try {
    reply = {output: JSON.stringify(JSON.parse(JSON.parse(line).text), null, 2)};
  } catch (error) {
    reply = {error: String(error.message)};
  }
  process.stdout.write(JSON.stringify(reply) + "\\n");
});
"""


class Node:
    """One long-lived ``node`` process answering stringify requests."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._stdin: IO[bytes] = process.stdin  # type: ignore[assignment]
        self._stdout: IO[bytes] = process.stdout  # type: ignore[assignment]

    def stringify(self, text: str) -> str:
        """``JSON.stringify(JSON.parse(text), null, 2)`` as node computes it."""
        self._stdin.write(json.dumps({"text": text}).encode("ascii") + b"\n")
        self._stdin.flush()
        line = self._stdout.readline()
        if not line:
            pytest.fail(f"node exited (code {self._process.poll()})")
        reply = json.loads(line)
        assert "output" in reply, reply
        output: str = reply["output"]
        return output


@pytest.fixture(scope="module")
def node() -> Iterator[Node]:
    executable = shutil.which("node")
    if executable is None:
        pytest.skip("node is needed to compare with JavaScript's JSON.stringify")
    process = subprocess.Popen(
        [executable, "-e", STRINGIFY], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        yield Node(process)
    finally:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.close()
        process.wait(timeout=10)
        process.stdout.close()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the file each example is written to (module-scoped: Hypothesis runs many
    examples in one test call)."""
    return tmp_path_factory.mktemp("fmt-node")


def ours(scratch: Path, text: str) -> Change | list[object]:
    path = scratch / "doc.json"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    result = format_file(Target(str(path), "dashboards/doc.json"))
    return result if isinstance(result, Change) else list(result)


@settings(max_examples=200, deadline=None)
@given(documents)
@example("[" + ",".join(SAME_VALUE_NUMBERS) + "]")
@example("[" + ",".join(OTHER_VALUE_NUMBERS) + "]")
@example('{"b": 1, "10": 2, "2": 3, "01": 4, "4294967295": 5, "4294967294": 6}')
@example('"\\ud800\\udc00\\udc00\\u007f\\u2028\\u0000\\u001F\\/"')
def test_fmt_writes_what_json_stringify_writes(node: Node, scratch: Path, text: str) -> None:
    """Formatted: byte for byte what node writes. Refused: node would change a number."""
    expected = node.stringify(text)
    result = ours(scratch, text)
    if isinstance(result, Change):
        assert result.after == expected
    else:
        assert exact(expected) != in_javascript_order(exact(text))


def _published_files() -> list[Path]:
    if not PUBLISHED.is_dir():
        return []
    return [
        Path(target.path)
        for package in sorted(PUBLISHED.iterdir())
        for target in package_json_files(str(package))
    ]


@pytest.mark.skipif(not PUBLISHED.is_dir(), reason=f"{PUBLISHED} is absent")
@pytest.mark.parametrize("path", _published_files(), ids=lambda p: str(p.relative_to(PUBLISHED)))
def test_every_published_file_formats_as_json_stringify_writes_it(node: Node, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    result = format_file(Target(str(path), "dashboards/any.json"))  # no final newline
    assert isinstance(result, Change), result
    assert result.after == node.stringify(text)
