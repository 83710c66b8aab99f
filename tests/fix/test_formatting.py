"""pkgkit.fix.formatting: the canonical text of a package JSON file, or located refusals."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from jsontexts import documents, exact, in_javascript_order

from pkgkit.fix.changes import Change
from pkgkit.fix.formatting import (
    FinalNewline,
    Refusal,
    Skipped,
    Target,
    format_file,
    package_json_files,
    targets_for_paths,
)
from pkgkit.fix.stringify import number_loss

NON_FINITE = "NaN and Infinity are not JSON (written as null)"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the file each example is written to (module-scoped: Hypothesis runs many
    examples in one test call)."""
    return tmp_path_factory.mktemp("fmt")


def format_bytes(
    scratch: Path,
    data: bytes,
    final_newline: FinalNewline = FinalNewline.AUTO,
    relpath: str = "dashboards/doc.json",
) -> Change | list[Refusal]:
    path = scratch / "doc.json"
    path.write_bytes(data)
    return format_file(Target(str(path), relpath), final_newline)


def formatted(scratch: Path, text: str) -> str:
    result = format_bytes(scratch, text.encode("utf-8", "surrogatepass"))
    assert isinstance(result, Change), result
    return result.after


def refusals(scratch: Path, text: bytes) -> list[tuple[int, int, str]]:
    result = format_bytes(scratch, text)
    assert isinstance(result, list), result
    return [(r.line, r.column, r.message) for r in result]


@settings(max_examples=200, deadline=None)
@given(documents)
@example('{"a": 1.0, "b": [1E3, -0, 1e21, 0.000001], "c": "\\u00e9\\ud800\\/"}')
@example('{"b": 1, "10": 2, "2": 3, "01": 4}')
@example('{"id": 12345678901234567890}')
def test_formatting_keeps_every_value_and_is_idempotent(scratch: Path, text: str) -> None:
    """Formatted: the same values (numbers compared exactly, as decimals), keys in
    JavaScript's order, and formatting again changes nothing. Refused: exactly when a number
    is one JavaScript reads as another value."""
    result = format_bytes(scratch, text.encode("utf-8", "surrogatepass"))
    lossy = [literal for literal in _number_literals(text) if number_loss(literal) is not None]
    if isinstance(result, list):
        assert lossy
        assert all("cannot format without loss: JavaScript reads" in r.message for r in result)
        assert len(result) == len(lossy)
        return
    assert not lossy
    assert exact(result.after) == in_javascript_order(exact(text))
    assert formatted(scratch, result.after) == result.after


def _number_literals(text: str) -> list[str]:
    """Every number of the JSON ``text`` as written."""
    found: list[str] = []

    def keep(literal: str) -> str:
        found.append(literal)
        return literal

    json.loads(text, parse_int=keep, parse_float=keep)
    return found


def test_already_canonical_text_is_unchanged(scratch: Path) -> None:
    text = '{\n  "a": [\n    1,\n    "x"\n  ],\n  "b": {}\n}'
    result = format_bytes(scratch, text.encode())
    assert isinstance(result, Change)
    assert not result.changed


@pytest.mark.parametrize(
    ("text", "choice", "after"),
    [
        ('{"a":1}\n', FinalNewline.AUTO, '{\n  "a": 1\n}'),
        ('{"a":1}\n', FinalNewline.NEVER, '{\n  "a": 1\n}'),
        ('{"a":1}', FinalNewline.ALWAYS, '{\n  "a": 1\n}\n'),
        ('{"a":1}\n', FinalNewline.KEEP, '{\n  "a": 1\n}\n'),
        ('{"a":1}', FinalNewline.KEEP, '{\n  "a": 1\n}'),
        ('{"a":1}\r\n', FinalNewline.KEEP, '{\n  "a": 1\n}\n'),
    ],
)
def test_final_newline(scratch: Path, text: str, choice: FinalNewline, after: str) -> None:
    result = format_bytes(scratch, text.encode(), choice)
    assert isinstance(result, Change)
    assert result.after == after


@pytest.mark.parametrize(
    ("choice", "after"),
    [
        (FinalNewline.AUTO, '{\n  "name": "x"\n}\n'),  # as npm writes package.json
        (FinalNewline.NEVER, '{\n  "name": "x"\n}'),
        (FinalNewline.KEEP, '{\n  "name": "x"\n}'),
    ],
)
def test_package_json_ends_with_a_newline_as_npm_writes_it(
    scratch: Path, choice: FinalNewline, after: str
) -> None:
    result = format_bytes(scratch, b'{"name": "x"}', choice, relpath="package.json")
    assert isinstance(result, Change)
    assert result.after == after


def test_a_byte_order_mark_is_dropped_and_counts_as_a_change(scratch: Path) -> None:
    result = format_bytes(scratch, b'\xef\xbb\xbf{\n  "a": 1\n}')
    assert isinstance(result, Change)
    assert (result.before, result.after) == ('\ufeff{\n  "a": 1\n}', '{\n  "a": 1\n}')


def test_a_top_level_array_is_formatted_too(scratch: Path) -> None:
    assert formatted(scratch, "[1,2]") == "[\n  1,\n  2\n]"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b'{\n  "a": 1,\n  "a": 2\n}',
            [(3, 3, "cannot format without loss: duplicate key 'a' (only the last is kept)")],
        ),
        (
            b'{"x": {"a/b": 1, "a/b": 2}}',
            [(1, 18, "cannot format without loss: duplicate key 'a/b' (only the last is kept)")],
        ),
        (
            b'{\n  "v": NaN,\n  "w": [-Infinity]\n}',
            [
                (2, 8, f"cannot format without loss: {NON_FINITE}"),
                (3, 9, f"cannot format without loss: {NON_FINITE}"),
            ],
        ),
        (
            b'{\n  "id": 12345678901234567890,\n  "t": 0.10000000000000001\n}',
            [
                (
                    2,
                    9,
                    "cannot format without loss: JavaScript reads 12345678901234567890 as "
                    "12345678901234567000",
                ),
                (3, 8, "cannot format without loss: JavaScript reads 0.10000000000000001 as 0.1"),
            ],
        ),
        (
            b'{"big": [1e400]}',
            [
                (
                    1,
                    10,
                    "cannot format without loss: JavaScript reads 1e400 as Infinity and "
                    "JSON.stringify writes null",
                )
            ],
        ),
        (
            b'{\n  "name": "caf\xe9"\n}',
            [(2, 15, "cannot format: file is not UTF-8: byte 0xe9 at offset 16")],
        ),
        (
            b'{\n  "a": 1,\n}',
            [(2, 9, "cannot format: invalid JSON: Illegal trailing comma before end of object")],
        ),
        (b"  \n", [(1, 1, "cannot format: file is empty")]),
    ],
)
def test_refusals_are_located(
    scratch: Path, data: bytes, expected: list[tuple[int, int, str]]
) -> None:
    assert refusals(scratch, data) == expected


def test_nesting_too_deep_to_read_is_refused(scratch: Path) -> None:
    assert refusals(scratch, b"[" * 600 + b"]" * 600) == [
        (1, 501, "cannot format: JSON nested too deeply to parse")
    ]


def test_a_package_json_files_are_its_manifest_and_content_json(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    for relpath in [
        "package.json", "README.md", "notes.json", "dashboards/a.json", "dashboards/deep/b.json",
        "dashboards/c.txt", "events/e.json", "entities/n.json", "smart-alerts/s.json",
        "tests/t.json", "node_modules/x/package.json",
    ]:  # fmt: skip
        (package / relpath).parent.mkdir(parents=True, exist_ok=True)
        (package / relpath).write_text("{}", encoding="utf-8")
    outside = tmp_path / "outside.json"
    outside.write_text("{}", encoding="utf-8")
    (package / "dashboards" / "link.json").symlink_to(outside)
    (package / "dashboards" / "inner-link.json").symlink_to(package / "dashboards" / "a.json")
    (package / "events" / "linked").symlink_to(tmp_path)
    os.mkfifo(package / "events" / "pipe.json")
    assert [t.relpath for t in package_json_files(str(package))] == [
        "package.json", "dashboards/a.json", "dashboards/deep/b.json", "events/e.json",
        "entities/n.json", "smart-alerts/s.json",
    ]  # fmt: skip


def test_paths_name_files_only_when_they_are_package_json_files(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "dashboards").mkdir(parents=True)
    for relpath in ["package.json", "README.md", "other.json", "dashboards/a.json"]:
        (package / relpath).write_text("{}", encoding="utf-8")
    (tmp_path / "package.json").write_text("{}", encoding="utf-8")  # a repository's own
    (package / "dashboards" / "link.json").symlink_to(package / "dashboards" / "a.json")
    paths = [
        str(package / name)
        for name in ["README.md", "other.json", "dashboards/a.json", "dashboards/link.json"]
    ]
    targets, skipped = targets_for_paths([*paths, str(tmp_path / "package.json"), paths[2]])
    assert targets == [Target(str(package / "dashboards" / "a.json"), "dashboards/a.json")]
    assert skipped == [Skipped(paths[3], "a symbolic link; not followed")]


def test_a_file_reached_through_a_linked_folder_is_not_formatted(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "dashboards").mkdir(parents=True)
    (package / "package.json").write_text("{}", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.json").write_text("{}", encoding="utf-8")
    (package / "dashboards" / "sub").symlink_to(elsewhere)
    path = str(package / "dashboards" / "sub" / "x.json")
    assert targets_for_paths([path]) == (
        [],
        [Skipped(path, "reached through a symbolic link; not followed")],
    )
