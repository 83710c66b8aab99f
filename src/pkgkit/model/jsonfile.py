"""One JSON file of a package: its text, its parsed value, and what went wrong loading it.

Loading never raises: an unreadable file, bytes that are not UTF-8, a syntax error or a document
nested too deeply become a :class:`LoadError` value that rules report. Positions are computed on
demand (:meth:`JsonFile.locate`), so a clean file costs one read and one ``json.loads``.

Every supported Python gives the same errors: a syntax error is worded as Python 3.13's ``json``
words it (:func:`restate_syntax_error`), and the nesting limit is pkgkit's own
(:data:`MAX_DEPTH`), not the interpreter's recursion limit (about 1,000 levels on 3.11, several
thousand from 3.13 on).
"""

from __future__ import annotations

import enum
import itertools
import json
from typing import TYPE_CHECKING

from pkgkit.model.positions import (
    Positions,
    ScanResult,
    line_column,
    parent_pointer,
    pointer_tokens,
    scan,
)
from pkgkit.util.files import FileTooLargeError, ReadRefusedError, read_regular_file

if TYPE_CHECKING:
    from typing import Any

#: Content files larger than this are reported and not parsed; real dashboards are kilobytes.
MAX_FILE_BYTES = 16 * 1024 * 1024

_BOM = "\ufeff"

#: Dashboards with more widgets than this are reported and not checked: Instana accepts 128,
#: and checking each widget of 100,000 against the schema and every rule takes minutes.
MAX_WIDGETS = 1000

#: Objects and arrays nest at most this deep; one level more is a ``TOO_DEEP`` load error, at the
#: bracket that opens it. Later stages walk documents recursively within this depth.
MAX_DEPTH = 500


class LoadErrorKind(enum.StrEnum):
    """Why a file could not be turned into a JSON object."""

    UNREADABLE = "unreadable"
    TOO_LARGE = "too-large"
    ENCODING = "encoding"
    EMPTY = "empty"
    SYNTAX = "syntax"
    TOO_DEEP = "too-deep"
    NOT_OBJECT = "not-object"


class LoadError:
    """A located reason the file has no usable content."""

    __slots__ = ("column", "kind", "line", "message")

    def __init__(self, kind: LoadErrorKind, message: str, line: int = 1, column: int = 1) -> None:
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column


class _Parser:
    """``json.loads`` with hooks, its decoder built once, noting what the last parse forgave.

    ``duplicates``: an object repeated a key (the last value is kept, as ``json.loads`` does);
    ``nonfinite``: a ``NaN``/``Infinity`` literal. One parse at a time: pkgkit parses in one
    thread (``--jobs`` forks processes).
    """

    __slots__ = ("_decode", "_decode_long", "duplicates", "nonfinite")

    def __init__(self) -> None:
        self.duplicates = False
        self.nonfinite = False
        pairs, constant = self._object, self._constant
        self._decode = json.JSONDecoder(object_pairs_hook=pairs, parse_constant=constant).decode
        self._decode_long = json.JSONDecoder(
            object_pairs_hook=pairs, parse_constant=constant, parse_int=javascript_int
        ).decode

    def parse(self, text: str) -> Any:  # noqa: ANN401 - JSON values are Any by nature
        """The value of ``text``; raises what ``json.loads`` raises, but for integer literals
        too long for :class:`int` (Python's limit on converting digits: 4,300 by default), read
        as JavaScript reads every number (:func:`javascript_int`)."""
        self.duplicates = self.nonfinite = False
        if text.startswith(_BOM):  # as json.loads does (the file's own mark is already gone)
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        try:
            return self._decode(text)
        except json.JSONDecodeError:
            raise
        except ValueError:  # only then: a hook for every integer would slow every parse
            self.duplicates = self.nonfinite = False
            return self._decode_long(text)

    def _object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            self.duplicates = True
        return result

    def _constant(self, name: str) -> float:
        self.nonfinite = True
        return float(name.replace("Infinity", "inf"))


def javascript_int(digits: str) -> int | float:
    """An integer literal, or a float when it has too many digits for :class:`int` (``inf``
    past about 1.8e308), as a JavaScript ``JSON.parse`` reads it in Instana's CLI."""
    try:
        return int(digits)
    except ValueError:
        return float(digits)


_PARSER = _Parser()


class JsonFile:
    """A JSON file of a package, loaded eagerly and located lazily."""

    def __init__(self, path: str, relpath: str, kind: str) -> None:
        self.path = path
        self.relpath = relpath
        self.kind = kind
        self.text: str | None = None
        self.data: Any = None
        self.error: LoadError | None = None
        self.has_bom = False
        self.has_duplicate_keys = False
        self.has_nonfinite = False
        self._scan: ScanResult | None = None
        self._positions: Positions | None = None
        self._load()

    @property
    def ok(self) -> bool:
        """True when ``data`` is a JSON object rules can read."""
        return self.error is None

    def _load(self) -> None:
        raw = self._read()
        if raw is None:
            return
        text = self._decode(raw)
        if text is None:
            return
        self.text = text
        self._parse(text, raw)

    def _read(self) -> bytes | None:
        try:
            return read_regular_file(self.path, MAX_FILE_BYTES)
        except FileTooLargeError:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            self.error = LoadError(
                LoadErrorKind.TOO_LARGE, f"file is larger than {limit} MiB; not parsed"
            )
        except ReadRefusedError as error:
            self.error = LoadError(LoadErrorKind.UNREADABLE, f"file {error.strerror}")
        except OSError as error:
            self.error = LoadError(LoadErrorKind.UNREADABLE, f"cannot read file: {error.strerror}")
        return None

    def _decode(self, raw: bytes) -> str | None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            before = raw[: error.start]
            line = before.count(b"\n") + 1
            line_text = before[before.rfind(b"\n") + 1 :].decode("utf-8")  # valid up to start
            column = len(line_text.removeprefix(_BOM)) + 1  # characters, as editors count them
            self.error = LoadError(
                LoadErrorKind.ENCODING,
                f"file is not UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start}",
                line,
                column,
            )
            return None
        if text.startswith(_BOM):
            self.has_bom = True
            text = text[1:]
        return text

    def _parse(self, text: str, raw: bytes) -> None:
        if not text or text.isspace():
            self.error = LoadError(LoadErrorKind.EMPTY, "file is empty")
            return
        try:
            data = _PARSER.parse(text)
        except json.JSONDecodeError as error:
            self._syntax_error(text, error)
            return
        except RecursionError:  # deeper than the interpreter allows, so deeper than MAX_DEPTH
            self._too_deep(_depth_limit_offset(text))
            return
        # A document nested deeper than MAX_DEPTH has more than twice as many characters.
        if len(raw) > 2 * MAX_DEPTH and _may_nest_too_deep(raw) and _nests_too_deep(raw):
            self._too_deep(_depth_limit_offset(text))
            return
        self.has_duplicate_keys = _PARSER.duplicates
        self.has_nonfinite = _PARSER.nonfinite
        if not isinstance(data, dict):
            self.error = LoadError(
                LoadErrorKind.NOT_OBJECT,
                f"top-level value is {_json_type(data)}; expected an object",
            )
            return
        widgets = data.get("widgets") if self.kind == "dashboard" else None
        if isinstance(widgets, list) and len(widgets) > MAX_WIDGETS:
            self.error = LoadError(
                LoadErrorKind.TOO_LARGE,
                f"the dashboard has {len(widgets):,} widgets, more than pkgkit checks"
                f" ({MAX_WIDGETS:,}; Instana accepts 128); not checked",
            )
            return
        self.data = data

    def _syntax_error(self, text: str, error: json.JSONDecodeError) -> None:
        """The first problem before the parser stopped: nesting too deep, else the syntax error."""
        accepted = text[: error.pos]
        too_deep = _depth_limit_offset(accepted) if _may_nest_too_deep(accepted.encode()) else None
        if too_deep is not None:
            self._too_deep(too_deep)
            return
        error = restate_syntax_error(text, error)
        self.error = LoadError(
            LoadErrorKind.SYNTAX, f"invalid JSON: {error.msg}", error.lineno, error.colno
        )

    def _too_deep(self, offset: int | None) -> None:
        """A TOO_DEEP error at ``offset``, or at the start when the stack was already deep."""
        line, column = self.position(offset or 0)
        self.error = LoadError(
            LoadErrorKind.TOO_DEEP, "JSON nested too deeply to parse", line, column
        )

    @property
    def scan(self) -> ScanResult:
        """Positions of every value and key, duplicate keys and constants (one full scan, on
        first use): for the files whose parse saw a duplicate key or a constant."""
        if self._scan is None:
            self._scan = scan(self.text or "")
        return self._scan

    @property
    def positions(self) -> Positions:
        """Offsets of values and keys, found for the pointers asked (see :class:`Positions`)."""
        if self._positions is None:
            self._positions = Positions(self.text or "")
        return self._positions

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset in the text.

        A byte-order mark is not part of ``text`` and takes no column, as in an editor.
        """
        return line_column(self.text or "", offset)

    def locate(self, pointer: str) -> tuple[int, int]:
        """Position of the value at ``pointer``, or of its closest located ancestor."""
        if self.error is not None and self.error.kind is not LoadErrorKind.NOT_OBJECT:
            return self.error.line, self.error.column
        offset = self._value_offset(pointer)
        while offset is None and pointer:
            pointer = parent_pointer(pointer)
            offset = self._value_offset(pointer)
        return self.position(offset or 0)

    def locate_key(self, pointer: str) -> tuple[int, int]:
        """Position of the member name at ``pointer`` (falls back to the value)."""
        if self.error is not None and self.error.kind is not LoadErrorKind.NOT_OBJECT:
            return self.error.line, self.error.column
        if self.has_duplicate_keys:
            offset = self.scan.keys.get(pointer)
        else:
            offset = self.positions.key_offset(pointer)
        return self.locate(pointer) if offset is None else self.position(offset)

    def _value_offset(self, pointer: str) -> int | None:
        if self.has_duplicate_keys:  # Positions reads texts without; the full scan has them
            return self.scan.values.get(pointer)
        return self.positions.value_offset(pointer)

    def get(self, pointer: str) -> Any:  # noqa: ANN401 - JSON values are Any by nature
        """The value at ``pointer`` or None."""
        return self.values_along(pointer)[-1]

    def values_along(self, pointer: str) -> list[Any]:
        """The values at the root and at each step of ``pointer``, root first (None from the
        first step that leads nowhere on): the containers around a value, read in one walk."""
        value: Any = self.data
        values = [value]
        for key in pointer_tokens(pointer):
            if isinstance(value, dict):
                value = value.get(key)
            elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
                value = value[int(key)]
            else:
                value = None
            values.append(value)
        return values


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


#: What Python before 3.13 reports at the closing bracket after a trailing comma, and what 3.13
#: reports at the comma instead.
_TRAILING_COMMA_ERRORS = {
    "Expecting value": ("]", "Illegal trailing comma before end of array"),
    "Expecting property name enclosed in double quotes": (
        "}",
        "Illegal trailing comma before end of object",
    ),
}

_JSON_WHITESPACE = " \t\n\r"


def restate_syntax_error(text: str, error: json.JSONDecodeError) -> json.JSONDecodeError:
    """``error`` as Python 3.13+ reports it, whatever Python parsed ``text``.

    A comma, white space and a closing bracket (``[1,]``, ``{"a": 1,}``) is "Illegal trailing
    comma before end of array/object" at the comma from 3.13 on; Python 3.11 and 3.12 stop at the
    bracket instead, expecting a value or a member name there. Any other error is the same on
    every version and is returned as it is.
    """
    restated = _TRAILING_COMMA_ERRORS.get(error.msg)
    if restated is None or not text.startswith(restated[0], error.pos):
        return error
    comma = len(text[: error.pos].rstrip(_JSON_WHITESPACE)) - 1
    if comma < 0 or text[comma] != ",":
        return error
    return json.JSONDecodeError(restated[1], text, comma)


#: Every byte but ``[`` and ``{``.
_NOT_OPENING = bytes(byte for byte in range(256) if byte not in b"[{")


def _may_nest_too_deep(document: bytes, limit: int = MAX_DEPTH) -> bool:
    """False when the UTF-8 ``document`` has too few ``[`` and ``{`` to nest deeper than ``limit``.

    One ``bytes.translate`` (faster than two ``str.count``): a clean file pays no per-value cost
    for the depth limit.
    """
    return len(document.translate(None, _NOT_OPENING)) > limit


#: Bytes other than brackets and quotes, deleted by :func:`_nests_too_deep`.
_NOT_STRUCTURE = bytes(byte for byte in range(256) if byte not in b'[]{}"')
#: Depth change of each byte of a text reduced to brackets.
_DEPTH_STEP = [0] * 256
_DEPTH_STEP[ord("[")] = _DEPTH_STEP[ord("{")] = 1
_DEPTH_STEP[ord("]")] = _DEPTH_STEP[ord("}")] = -1


def _nests_too_deep(document: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the valid JSON ``document`` (UTF-8) nests deeper than ``limit``.

    The same answer as :func:`_depth_limit_offset`, from C loops: escapes are dropped (a run of
    backslashes pairs up from its left), then everything but brackets and quotes, then the
    strings with the brackets in them; the depth is the largest running sum of what is left.
    UTF-8 encodes no other character with an ASCII byte.
    """
    if b"\\" in document:
        document = document.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = document.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in structure:  # strings holding brackets: keep what is between them
        structure = b"".join(structure.split(b'"')[::2])
    return max(itertools.accumulate(map(_DEPTH_STEP.__getitem__, structure)), default=0) > limit


def _depth_limit_offset(text: str, limit: int = MAX_DEPTH) -> int | None:
    """Offset of the bracket that first nests deeper than ``limit`` (strings skipped), if any.

    ``text`` may end inside a string (the part of a document a parser accepted).
    """
    depth = 0
    in_string = escaped = False
    for offset, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return offset
        elif char in "]}":
            depth -= 1
    return None
