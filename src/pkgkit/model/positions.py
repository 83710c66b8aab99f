"""Map JSON pointers to positions in JSON text.

:class:`Positions` finds the offset of the value or member name a pointer names, reading the
containers on the pointer's path only as far as it leads: what locating a finding costs grows
with what is asked, and a clean file costs nothing beyond ``json.loads``. :func:`scan` records
every position of a document in one token scan, and what ``json.loads`` forgives (duplicate
keys, ``NaN`` literals): it runs only for files where the parse saw those. Neither recurses, so
deep nesting cannot exhaust the stack. Documents nested deeper than ``jsonfile.MAX_DEPTH``
(500 levels) are reported as too deep and never located.
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
    tokens = pointer.split("/")[1:]
    if "~" not in pointer:  # nothing escaped: most pointers
        return tokens
    return [t.replace("~1", "/").replace("~0", "~") for t in tokens]


def pointer_of(path: tuple[str | int, ...] | list[str | int]) -> str:
    """The JSON pointer of a path of keys and indexes."""
    return "".join("/" + escape_pointer_token(str(part)) for part in path)


def parent_pointer(pointer: str) -> str:
    """The pointer of the container holding ``pointer`` (``""`` for the root)."""
    return pointer.rpartition("/")[0]


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


class Positions:
    """Offsets of the values and member names of a JSON text, found for the pointers asked.

    The text is JSON that parsed, without duplicate keys (use :func:`scan` for a text with
    some). A pointer is followed from the root: in each container on its path, members are read
    one after another up to the one named, their values skipped by :mod:`json`'s own (C)
    scanner, and reading resumes there for the next pointer into the same container. So what
    locating costs grows with what is asked: a container is read at most once, and only as far
    as the furthest member asked for. The offsets equal :func:`scan`'s.
    """

    __slots__ = ("_containers", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._containers: dict[int, _Members] = {}

    def value_offset(self, pointer: str) -> int | None:
        """Offset of the value at ``pointer``, or None when the text has none there."""
        member = self._member(pointer)
        return None if member is None else member[1]

    def key_offset(self, pointer: str) -> int | None:
        """Offset of the opening quote of the member name at ``pointer``, or None."""
        member = self._member(pointer)
        return None if member is None else member[0]

    def _member(self, pointer: str) -> tuple[int | None, int] | None:
        """Key and value offsets of what ``pointer`` names (no key for the root and elements)."""
        if pointer and not pointer.startswith("/"):
            return None
        start = _skip(_WHITESPACE, self._text, 0)
        if start == len(self._text):
            return None
        member: tuple[int | None, int] | None = (None, start)
        for token in pointer.split("/")[1:]:
            if member is None:
                return None
            member = self._child(member[1], token)
        return member

    def _child(self, offset: int, token: str) -> tuple[int | None, int] | None:
        """The member ``token`` (escaped) of the container at ``offset``, read up to it."""
        members = self._containers.get(offset)
        if members is None:
            if self._text[offset] not in "{[":
                return None
            members = self._containers[offset] = _Members(offset)
        found = members.by_token.get(token)
        while found is None and members.read_next(self._text):
            found = members.by_token.get(token)
        return found


class _Members:
    """The members of one container read so far, and where reading goes on."""

    __slots__ = ("by_token", "last", "offset")

    def __init__(self, offset: int) -> None:
        self.offset = offset
        #: Escaped reference token -> offsets of the member's key (None in arrays) and value.
        self.by_token: dict[str, tuple[int | None, int]] = {}
        #: Offset of the last member's value read (the opening bracket before the first),
        #: None once the closing bracket is reached.
        self.last: int | None = offset

    def read_next(self, text: str) -> bool:
        """Read one more member; False at the end of the container."""
        if self.last is None:
            return False
        start = self.offset + 1 if self.last == self.offset else _read_value(text, self.last)[1]
        if text[self.offset] == "[":
            position = _skip(_NEXT_ELEMENT, text, start)
            if text.startswith("]", position):
                self.last = None
                return False
            self.by_token[str(len(self.by_token))] = (None, position)
            self.last = position
            return True
        member = _compiled(_NEXT_MEMBER).match(text, start)
        name = member and member.group(1)
        if member is None or name is None:  # the closing brace
            self.last = None
            return False
        if "\\" in name:
            name = json.loads(f'"{name}"')
        if "~" in name or "/" in name:
            name = escape_pointer_token(name)
        self.by_token.setdefault(name, (member.start(1) - 1, member.end()))
        self.last = member.end()
        return True


#: After an object's ``{`` or a member's value: the next member's name (group 1, unquoted), its
#: colon and the white space up to its value; or only white space before the ``}``.
_NEXT_MEMBER = r'[ \t\n\r]*,?[ \t\n\r]*(?:"((?:[^"\\]|\\.)*)"[ \t\n\r]*:[ \t\n\r]*)?'
#: After an array's ``[`` or an element: white space and a comma up to the next element or ``]``.
_NEXT_ELEMENT = r"[ \t\n\r]*,?[ \t\n\r]*"
_WHITESPACE = r"[ \t\n\r]*"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """One of the patterns above, compiled when a finding is first located (a clean package
    locates nothing)."""
    return re.compile(pattern, re.DOTALL)


#: Reads one JSON value at an offset (``raw_decode``): the C scanner ``json.loads`` uses. Only
#: where it ends matters: integers stay text (one of thousands of digits is past what ``int()``
#: converts, and a finding after it in the same container must still be located).
_read_value = json.JSONDecoder(parse_int=str).raw_decode


def _skip(pattern: str, text: str, offset: int) -> int:
    """Where ``pattern``, which also matches an empty text, stops matching from ``offset``."""
    match = _compiled(pattern).match(text, offset)
    return offset if match is None else match.end()


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


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of the character offset ``offset`` of ``text``."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
