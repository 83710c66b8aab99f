"""One JSON file of a package: its text, its parsed value, and what went wrong loading it.

Loading never raises: an unreadable file, bytes that are not UTF-8, a syntax error or a document
nested too deeply become a :class:`LoadError` value that rules report. Positions are computed on
demand (:meth:`JsonFile.locate`), so a clean file costs one read and one ``json.loads``.
"""

from __future__ import annotations

import enum
import io
import json
import os

from pkgkit.model.positions import LineIndex, ScanResult, parent_pointer, pointer_tokens, scan

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Content files larger than this are reported and not parsed; real dashboards are kilobytes.
MAX_FILE_BYTES = 16 * 1024 * 1024

_BOM = "\ufeff"


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

    __slots__ = ("_decode", "duplicates", "nonfinite")

    def __init__(self) -> None:
        self.duplicates = False
        self.nonfinite = False
        decoder = json.JSONDecoder(object_pairs_hook=self._object, parse_constant=self._constant)
        self._decode = decoder.decode

    def parse(self, text: str) -> Any:  # noqa: ANN401 - JSON values are Any by nature
        """The value of ``text``; raises what ``json.loads`` raises."""
        self.duplicates = self.nonfinite = False
        if text.startswith(_BOM):  # as json.loads does (the file's own mark is already gone)
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        return self._decode(text)

    def _object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            self.duplicates = True
        return result

    def _constant(self, name: str) -> float:
        self.nonfinite = True
        return float(name.replace("Infinity", "inf"))


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
        self._lines: LineIndex | None = None
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
        self._parse(text)

    def _read(self) -> bytes | None:
        try:
            with open(self.path, "rb", buffering=0) as handle:
                raw = _read_at_most(handle, MAX_FILE_BYTES + 1)
        except OSError as error:
            self.error = LoadError(LoadErrorKind.UNREADABLE, f"cannot read file: {error.strerror}")
            return None
        if len(raw) > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            self.error = LoadError(
                LoadErrorKind.TOO_LARGE, f"file is larger than {limit} MiB; not parsed"
            )
            return None
        return raw

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

    def _parse(self, text: str) -> None:
        if not text or text.isspace():
            self.error = LoadError(LoadErrorKind.EMPTY, "file is empty")
            return
        try:
            data = _PARSER.parse(text)
        except json.JSONDecodeError as error:
            self.error = LoadError(
                LoadErrorKind.SYNTAX, f"invalid JSON: {error.msg}", error.lineno, error.colno
            )
            return
        except RecursionError:
            line, column = self.position(_depth_limit_offset(text))
            self.error = LoadError(
                LoadErrorKind.TOO_DEEP, "JSON nested too deeply to parse", line, column
            )
            return
        self.has_duplicate_keys = _PARSER.duplicates
        self.has_nonfinite = _PARSER.nonfinite
        if not isinstance(data, dict):
            self.error = LoadError(
                LoadErrorKind.NOT_OBJECT,
                f"top-level value is {_json_type(data)}; expected an object",
            )
            return
        self.data = data

    @property
    def scan(self) -> ScanResult:
        """Positions of every value and key (computed on first use)."""
        if self._scan is None:
            self._scan = scan(self.text or "")
        return self._scan

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset in the text.

        A byte-order mark is not part of ``text`` and takes no column, as in an editor.
        """
        if self._lines is None:
            self._lines = LineIndex(self.text or "")
        return self._lines.position(offset)

    def locate(self, pointer: str) -> tuple[int, int]:
        """Position of the value at ``pointer``, or of its closest located ancestor."""
        if self.error is not None and self.error.kind is not LoadErrorKind.NOT_OBJECT:
            return self.error.line, self.error.column
        values = self.scan.values
        while pointer not in values and pointer:
            pointer = parent_pointer(pointer)
        return self.position(values.get(pointer, 0))

    def locate_key(self, pointer: str) -> tuple[int, int]:
        """Position of the member name at ``pointer`` (falls back to the value)."""
        offset = self.scan.keys.get(pointer)
        return self.locate(pointer) if offset is None else self.position(offset)

    def get(self, pointer: str) -> Any:  # noqa: ANN401 - JSON values are Any by nature
        """The value at ``pointer`` or None."""
        value: Any = self.data
        for key in pointer_tokens(pointer):
            if isinstance(value, dict):
                value = value.get(key)
            elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
                value = value[int(key)]
            else:
                return None
        return value


#: Bytes asked for after the first read, which asks for the whole file (by its size) plus one.
_CHUNK = 1 << 16


def _read_at_most(handle: io.FileIO, limit: int) -> bytes:
    """The file's first ``limit`` bytes (fewer at its end), in as few reads as its size allows.

    ``read(limit)`` would allocate ``limit`` bytes up front, which costs more than reading a
    small file; the size is a hint only (a file may grow, a pseudo-file reports 0).
    """
    request = min(os.fstat(handle.fileno()).st_size, limit - 1) + 1
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = handle.read(min(request, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        request = _CHUNK
    return b"".join(chunks)


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _depth_limit_offset(text: str, limit: int = 500) -> int:
    """Offset of the bracket that first nests deeper than ``limit`` (strings skipped)."""
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
    return 0
