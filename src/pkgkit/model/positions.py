"""Map JSON pointers to positions in JSON text, without recursion.

The scanner runs only when a problem needs a position (or when the fast parse saw a duplicate key
or a NaN literal), so clean files cost no more than ``json.loads``. It walks the text iteratively,
so deep nesting cannot exhaust the stack; pointers are built from their parent's, so memory grows
with the square of the depth. Documents deeper than ``json.loads`` accepts (about 1,000 levels)
are reported as too deep and never scanned.
"""

from __future__ import annotations

import bisect
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
        starts = self._starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return self._starts[line - 1] + column - 1


_STRING_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_MEMBER_COLON = re.compile(r"[ \t\n\r]*:")


class StringSpan:
    """A JSON string token: ``[start, end)`` with its quotes; ``is_key`` for member names."""

    __slots__ = ("end", "is_key", "start")

    def __init__(self, start: int, end: int, is_key: bool) -> None:
        self.start = start
        self.end = end
        self.is_key = is_key

    def _fields(self) -> tuple[int, int, bool]:
        return self.start, self.end, self.is_key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StringSpan) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"StringSpan(start={self.start}, end={self.end}, is_key={self.is_key})"


def string_spans(text: str) -> list[StringSpan]:
    """Every string token of JSON-like text, in order.

    Tolerant: text that is not JSON between the strings (an unquoted placeholder, a trailing
    comma) is skipped, and a quote that starts no string on its line is passed over. A string
    directly followed by ``:`` is a member name.
    """
    return [
        StringSpan(start, end, bool(_MEMBER_COLON.match(text, end)))
        for start, end in _string_bounds(text)
    ]


def _string_bounds(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every string token; the regex engine skips a quote that starts none."""
    return [match.span() for match in _STRING_TOKEN.finditer(text)]


class StringIndex:
    """The string tokens of one text (as :func:`string_spans`), to find the one around a range.

    A string token never spans lines, so a scan from any line start finds the same tokens on
    that line as a scan from the top: only the lines asked about are scanned, each once.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[int, tuple[list[int], list[int]]] = {}

    def enclosing(self, start: int, end: int) -> StringSpan | None:
        """The string token that holds ``[start, end)`` inside its quotes, or None."""
        starts, ends = self._line_tokens(start)
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or end >= ends[index]:
            return None
        is_key = bool(_MEMBER_COLON.match(self._text, ends[index]))
        return StringSpan(starts[index], ends[index], is_key)

    def _line_tokens(self, offset: int) -> tuple[list[int], list[int]]:
        text = self._text
        line_start = text.rfind("\n", 0, offset) + 1
        if line_start not in self._lines:
            line_end = text.find("\n", offset)
            line_end = len(text) if line_end < 0 else line_end
            matches = _STRING_TOKEN.finditer(text, line_start, line_end)
            bounds = [match.span() for match in matches]
            self._lines[line_start] = ([s for s, _ in bounds], [e for _, e in bounds])
        return self._lines[line_start]
