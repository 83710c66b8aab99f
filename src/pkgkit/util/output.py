"""Text for the user's terminal: package text escaped, and standard output written safely.

Text that comes from a package (titles, names, file names) may hold characters that act instead
of showing: a terminal escape, a line break that starts a new report line or a GitHub workflow
command, a bidirectional control. :func:`display_text` escapes them for text output and
:func:`json_text` for JSON output; :func:`write_stdout` writes a whole report and says what went
wrong. Used by the reporters (which may import this and the report only), the configuration
loader's errors, event tests and the commands.
"""

from __future__ import annotations

import os
import re
import sys

#: Characters JSON leaves as they are that would act on a terminal or a log instead of
#: showing: DEL and C1 controls, lone surrogates (not encodable), line and paragraph separators,
#: and the bidirectional controls that reorder what is shown.
_UNSAFE_IN_JSON = "\x7f-\x9f\ud800-\udfff\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_IN_JSON_RE = re.compile(f"[{_UNSAFE_IN_JSON}]")
#: The same and the C0 controls (escape sequences; line breaks that would start a new report
#: line or a GitHub workflow command).
_UNSAFE_RE = re.compile(f"[\x00-\x1f{_UNSAFE_IN_JSON}]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def write_stdout(text: str) -> str | None:
    """Write ``text`` to standard output and flush it; what went wrong, or None.

    A reader that went away (``pkgkit lint | head -1``: a broken pipe) is no error: the rest
    is dropped and the exit code stays the findings'. A standard output that is closed or
    fails (a full disk) is said in one line, for the caller to report (exit 2). Either way
    standard output is then the null device, so that the interpreter's last flush has
    nothing to complain about.
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
    except BrokenPipeError:
        _stdout_to_null()
    except OSError as error:
        _stdout_to_null()
        return f"cannot write the report to standard output: {error.strerror}"
    return None


def _stdout_to_null() -> None:
    """Point file descriptor 1 at the null device (what is still buffered goes nowhere)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def display_text(text: str) -> str:
    """``text`` with every character that would not show as itself escaped (``\\n``,
    ``\\x1b``, ``\\ud800``, ``\\u202e``): a report line stays one line, and nothing it quotes
    from a package acts on the terminal or log that shows it."""
    if text.isprintable():  # no control, surrogate or separator: most texts, at C speed
        return text
    return _UNSAFE_RE.sub(_escape, text)


def json_text(text: str) -> str:
    """A JSON document written with ``ensure_ascii=False``, with the characters of
    :func:`display_text` that JSON leaves as they are written as ``\\uXXXX`` escapes: the same
    values, safe to print. Such characters stand only inside JSON strings, where the escape
    means the character itself."""
    if text.isascii() and "\x7f" not in text:
        return text
    return _UNSAFE_IN_JSON_RE.sub(_json_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
