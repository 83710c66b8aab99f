"""Text for the user's terminal: package text escaped, and standard output written safely.

Text that comes from a package (titles, names, file names) may hold characters that act instead
of showing: a terminal escape, a line break that starts a new report line or a GitHub workflow
command, a bidirectional control. :func:`display_text` escapes them for text output and
:func:`json_text` for JSON output; :func:`write_stdout` writes a whole report and says what went
wrong; :func:`readers_may_leave` lets every command write on after the reader of its output
went away. Used by the reporters (which may import this and the report only), the configuration
loader's errors, event tests, the commands and the command line.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Characters JSON leaves as they are that would act on a terminal or a log instead of
#: showing: DEL and C1 controls, lone surrogates (not encodable), line and paragraph separators,
#: and the bidirectional controls that reorder what is shown. The patterns below are compiled on
#: first use (``re``'s cache): most runs print no such character, and compiling them costs ~1 ms.
_UNSAFE_IN_JSON = "\x7f-\x9f\ud800-\udfff\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_IN_JSON_RE = f"[{_UNSAFE_IN_JSON}]"
#: The same and the C0 controls (escape sequences; line breaks that would start a new report
#: line or a GitHub workflow command).
_UNSAFE_RE = f"[\x00-\x1f{_UNSAFE_IN_JSON}]"
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: What no file pkgkit writes may take from a package's text: the characters that
#: :func:`display_text` escapes, but for tab, line feed and carriage return (layout) and lone
#: surrogates (UTF-8 cannot hold them: refused where the text is encoded).
_CONTROL = (
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def write_stdout(text: str) -> str | None:
    """Write ``text`` to standard output and flush it; what went wrong, or None.

    A standard output that is closed or fails (a full disk) is said in one line, for the
    caller to report (exit 2); standard output is then the null device, so that the
    interpreter's last flush has nothing to complain about. (A reader that went away is no
    failure: :func:`readers_may_leave`.)
    """
    stream = sys.stdout
    if stream is None:
        return "cannot write the report: standard output is closed"
    try:
        try:
            stream.write(text)
        except UnicodeEncodeError:  # a terminal that cannot show some character: escaped
            stream.buffer.write(text.encode(stream.encoding or "ascii", "backslashreplace"))
        stream.flush()
    except OSError as error:
        with contextlib.suppress(OSError, ValueError):
            _to_null(stream.fileno())
        return f"cannot write the report to standard output: {error.strerror}"
    return None


@contextlib.contextmanager
def readers_may_leave() -> Iterator[None]:
    """Within: a reader of standard output or standard error that goes away (``pkgkit fmt
    --diff | head -1``: a broken pipe) is no error. What is written after it left goes to the
    null device, and the command runs on to its own exit code, as if everything was read.

    The process's own streams are replaced by the same streams over a file that does this;
    streams someone else put in their place (pytest's capture) are left as they are.
    """
    saved = sys.stdout, sys.stderr
    sys.stdout = _reader_may_leave(sys.stdout, sys.__stdout__)
    sys.stderr = _reader_may_leave(sys.stderr, sys.__stderr__)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()
        sys.stdout, sys.stderr = saved


def _reader_may_leave(stream: TextIO, own: TextIO | None) -> TextIO:
    """``stream`` written through a :class:`_ReaderMayLeave` file, if it is the process's own."""
    if stream is None or stream is not own or not isinstance(stream, io.TextIOWrapper):
        return stream
    try:
        stream.flush()
        raw = _ReaderMayLeave(stream.fileno(), "w", closefd=False)
        block = os.fstat(raw.fileno()).st_blksize  # the buffer size open() gives it
    except (OSError, ValueError):  # a stream that fails is reported where it is written
        return stream
    return io.TextIOWrapper(
        io.BufferedWriter(raw, block if block > 1 else io.DEFAULT_BUFFER_SIZE),
        encoding=stream.encoding,
        errors=stream.errors,
        newline="\n",  # as Python opens them: no translation
        line_buffering=stream.line_buffering,
        write_through=stream.write_through,
    )


class _ReaderMayLeave(io.FileIO):
    """A file descriptor that becomes the null device when its reader goes away."""

    def write(self, data: Any) -> int:  # noqa: ANN401 - io.FileIO.write's own (a buffer)
        try:
            return super().write(data)
        except BrokenPipeError:
            _to_null(self.fileno())
            return super().write(data)


def _to_null(fd: int) -> None:
    """Point file descriptor ``fd`` at the null device (what is still buffered goes nowhere)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass


def control_character(text: str) -> str | None:
    """The first character of ``text`` that would act instead of showing (an escape, NUL, a
    bidirectional control) other than a tab, a line break or a lone surrogate; None if none."""
    if text.isprintable():  # most texts, at C speed
        return None
    found = re.compile(_CONTROL).search(text)  # compiled once, when first needed
    return None if found is None else found.group()


def abridged(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters, ``...`` marking the cut: how a message quotes a
    value that may be long (a 5,000-digit number)."""
    return text if len(text) <= width else text[: width - 3] + "..."


def display_text(text: str) -> str:
    """``text`` with every character that would not show as itself escaped (``\\n``,
    ``\\x1b``, ``\\ud800``, ``\\u202e``): a report line stays one line, and nothing it quotes
    from a package acts on the terminal or log that shows it."""
    if text.isprintable():  # no control, surrogate or separator: most texts, at C speed
        return text
    return re.sub(_UNSAFE_RE, _escape, text)


def json_text(text: str) -> str:
    """A JSON document written with ``ensure_ascii=False``, with the characters of
    :func:`display_text` that JSON leaves as they are written as ``\\uXXXX`` escapes: the same
    values, safe to print. Such characters stand only inside JSON strings, where the escape
    means the character itself."""
    if text.isascii() and "\x7f" not in text:
        return text
    return re.sub(_UNSAFE_IN_JSON_RE, _json_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
