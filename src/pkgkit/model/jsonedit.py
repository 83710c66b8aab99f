"""Minimal edits of a JSON file's text, for the fixes rules offer (``lint --fix``).

Each function returns one :class:`~pkgkit.diagnostics.TextEdit` at the value a JSON pointer
names, or None when that value cannot be found exactly: the rest of the file keeps its bytes.
New values are written in the file's own layout: on one line inside a one-line container, else
on lines of their own, indented like their siblings (JSON.stringify's spacing, the file's
indent step).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pkgkit.diagnostics import TextEdit

if TYPE_CHECKING:
    from pkgkit.model.jsonfile import JsonFile

_DECODER = json.JSONDecoder()
_WHITESPACE = " \t\n\r"


def value_span(file: JsonFile, pointer: str) -> tuple[int, int] | None:
    """Offsets (start, end) of the value at ``pointer`` in the file's text, or None."""
    text = file.text
    if text is None or file.data is None or not _exists(file.data, pointer):
        return None
    line, column = file.locate(pointer)
    start = _offset(text, line, column)
    try:
        value, end = _DECODER.raw_decode(text, start)
    except ValueError:
        return None
    return (start, end) if value == file.get(pointer) else None


def _exists(data: object, pointer: str) -> bool:
    from pkgkit.model.positions import pointer_tokens  # noqa: PLC0415

    for token in pointer_tokens(pointer):
        if isinstance(data, dict) and token in data:
            data = data[token]
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return False
    return True


def _offset(text: str, line: int, column: int) -> int:
    """The offset of a 1-based line and column (in characters)."""
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


def replace_value(file: JsonFile, pointer: str, value: object) -> TextEdit | None:
    """The value at ``pointer`` replaced by ``value`` (a scalar, written as JSON)."""
    span = value_span(file, pointer)
    if span is None:
        return None
    return TextEdit(span[0], span[1], json.dumps(value, ensure_ascii=False))


def append_item(file: JsonFile, pointer: str, value: object) -> TextEdit | None:
    """``value`` added at the end of the array at ``pointer``."""
    return _append_entry(file, pointer, "[]", "", value)


def add_member(file: JsonFile, pointer: str, key: str, value: object) -> TextEdit | None:
    """``"key": value`` added as the last member of the object at ``pointer``."""
    return _append_entry(file, pointer, "{}", json.dumps(key, ensure_ascii=False) + ": ", value)


def _append_entry(
    file: JsonFile, pointer: str, brackets: str, prefix: str, value: object
) -> TextEdit | None:
    """``prefix`` and ``value`` as the last entry of the container at ``pointer`` (opened and
    closed by ``brackets``), laid out as its other entries are: on one line after them, or on a
    line of its own at the last entry's indent (an empty container gets the file's indent step).
    """
    span = value_span(file, pointer)
    text = file.text
    if span is None or text is None or text[span[0]] != brackets[0]:
        return None
    start, end = span
    inside = text[start + 1 : end - 1]
    indent = _line_indent(text, start)
    opener, closer = brackets[0], brackets[1]
    if not inside.strip():
        step = indent_step(text)
        body = _written(value, indent + step, text)
        return TextEdit(start, end, f"{opener}\n{indent}{step}{prefix}{body}\n{indent}{closer}")
    last = len(text[: end - 1].rstrip(_WHITESPACE))
    if "\n" not in inside:
        return TextEdit(last, last, f", {prefix}{json.dumps(value, ensure_ascii=False)}")
    entry_indent = _line_indent(text, last - 1)  # the line where the last entry ends
    return TextEdit(last, last, f",\n{entry_indent}{prefix}{_written(value, entry_indent, text)}")


def indent_step(text: str) -> str:
    """The file's indent step: the indent of its first indented line (two spaces if none)."""
    for line in text.split("\n")[1:]:
        stripped = line.lstrip(" \t")
        if stripped and len(stripped) < len(line):
            return line[: len(line) - len(stripped)]
    return "  "


def _line_indent(text: str, offset: int) -> str:
    """The white space that starts the line holding ``offset``."""
    line_start = text.rfind("\n", 0, offset) + 1
    line = text[line_start:offset]
    return line[: len(line) - len(line.lstrip(" \t"))]


def _written(value: object, indent: str, text: str) -> str:
    """``value`` as JSON.stringify writes it with the file's indent step, its lines after the
    first indented by ``indent``."""
    written = json.dumps(value, ensure_ascii=False, indent=indent_step(text))
    return written.replace("\n", "\n" + indent)
