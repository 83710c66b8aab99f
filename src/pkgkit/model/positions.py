"""Map JSON pointers to positions in JSON text, without recursion.

The scanner runs only when a problem needs a position (or when the fast parse saw a duplicate key
or a NaN literal), so clean files cost no more than ``json.loads``. It walks the text iteratively,
so deep nesting cannot exhaust the stack; pointers are built from their parent's, so memory grows
with the square of the depth. Documents nested deeper than ``jsonfile.MAX_DEPTH`` (500 levels)
are reported as too deep and never scanned.
"""

from __future__ import annotations

import functools
import json
import re

_TOKEN_SYNTAX = r"""
    (?P<ws>[ \t\n\r]+)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<punct>[{}\[\],:])
  | (?P<constant>NaN|-?Infinity)
  | (?P<scalar>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)
    """


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    """The scanner's token regex, compiled on the first scan (most runs never scan)."""
    return re.compile(_TOKEN_SYNTAX, re.VERBOSE | re.DOTALL)


def escape_pointer_token(token: str) -> str:
    """Escape one reference token of a JSON pointer (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer_tokens(pointer: str) -> list[str]:
    """The unescaped reference tokens of a JSON pointer (``"/a~1b/0"`` -> ``["a/b", "0"]``)."""
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


def pointer_of(path: tuple[str | int, ...] | list[str | int]) -> str:
    """The JSON pointer of a path of keys and indexes."""
    return "".join("/" + escape_pointer_token(str(part)) for part in path)


def parent_pointer(pointer: str) -> str:
    """The pointer of the container holding ``pointer`` (``""`` for the root)."""
    return pointer.rsplit("/", 1)[0] if pointer else ""


class ScanResult:
    """Offsets of every value and member key, plus what ``json.loads`` forgives silently."""

    __slots__ = ("constants", "duplicate_keys", "keys", "values")

    def __init__(self) -> None:
        self.values: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.duplicate_keys: list[tuple[str, int]] = []
        self.constants: list[tuple[str, int]] = []


class _Frame:
    """An open object or array of the scan: its pointer, next index or last key, keys seen."""

    __slots__ = ("index", "is_object", "key", "pointer", "seen")

    def __init__(self, pointer: str, *, is_object: bool) -> None:
        self.pointer = pointer
        self.is_object = is_object
        self.index = 0
        self.key: str | None = None
        self.seen: set[str] = set()


def scan(text: str) -> ScanResult:
    """Scan ``text`` (assumed to be JSON that parsed) and record positions."""
    result = ScanResult()
    stack: list[_Frame] = []
    expecting_key = False
    position = 0
    length = len(text)
    token_at = _token_pattern().match
    while position < length:
        match = token_at(text, position)
        if match is None:
            break
        kind = match.lastgroup
        token = match.group()
        start = position
        position = match.end()
        if kind == "ws":
            continue
        if kind == "punct":
            if token in "{[":
                pointer = _value_pointer(stack)
                result.values[pointer] = start
                stack.append(_Frame(pointer, is_object=token == "{"))
                expecting_key = token == "{"
            elif token in "}]":
                if stack:
                    stack.pop()
                _advance(stack)
                expecting_key = False
            elif token == ",":
                expecting_key = bool(stack) and stack[-1].is_object
            continue
        if expecting_key and kind == "string":
            frame = stack[-1]
            key = json.loads(token)
            member = frame.pointer + "/" + escape_pointer_token(key)
            if key in frame.seen:
                result.duplicate_keys.append((member, start))
            frame.seen.add(key)
            frame.key = key
            result.keys.setdefault(member, start)
            expecting_key = False
            continue
        pointer = _value_pointer(stack)
        result.values.setdefault(pointer, start)
        if kind == "constant":
            result.constants.append((pointer, start))
        _advance(stack)
    return result


def _value_pointer(stack: list[_Frame]) -> str:
    if not stack:
        return ""
    frame = stack[-1]
    if frame.is_object:
        return frame.pointer + "/" + escape_pointer_token(frame.key or "")
    return frame.pointer + "/" + str(frame.index)


def _advance(stack: list[_Frame]) -> None:
    """A value ended: arrays move to their next index."""
    if stack and not stack[-1].is_object:
        stack[-1].index += 1


class LineIndex:
    """Turn character offsets into 1-based ``(line, column)``; lines are found on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: list[int] | None = None

    @property
    def _starts(self) -> list[int]:
        if self._found is None:
            self._found = [0, *(m.end() for m in re.finditer("\n", self._text))]
        return self._found

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of ``offset``."""
        import bisect  # noqa: PLC0415 - only when a problem is located

        starts = self._starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return self._starts[line - 1] + column - 1
