"""Minimal edits of a text by line, for the fixes rules offer in a README (``lint --fix``).

Lines are the README model's: its text with LF line ends, numbered from 1.
"""

from __future__ import annotations

from pkgkit.diagnostics import TextEdit


def line_span(text: str, line: int) -> tuple[int, int] | None:
    """Offsets (start, end) of the 1-based ``line`` of ``text`` without its line end."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def replace_in_line(text: str, line: int, old: str, new: str) -> TextEdit | None:
    """``old`` replaced by ``new`` on ``line``, when ``old`` occurs there exactly once."""
    span = line_span(text, line)
    if span is None or not old:
        return None
    segment = text[span[0] : span[1]]
    if segment.count(old) != 1:
        return None
    start = span[0] + segment.index(old)
    return TextEdit(start, start + len(old), new)


def insert_line_after(text: str, line: int, new: str) -> TextEdit | None:
    """A line ``new`` inserted after ``line``."""
    span = line_span(text, line)
    return None if span is None else TextEdit(span[1], span[1], f"\n{new}")


def replace_cell_text(text: str, line: int, old: str, new: str) -> TextEdit | None:
    """``old`` replaced by ``new`` on the table row ``line`` (``old`` there exactly once), the
    cell keeping its width when the padding after ``old`` makes room: an aligned table stays
    aligned (a longer name takes spaces of the padding, a shorter one gives them)."""
    edit = replace_in_line(text, line, old, new)
    if edit is None:
        return None
    padding = len(text[edit.end :]) - len(text[edit.end :].lstrip(" "))
    if padding < 1 or not text.startswith("|", edit.end + padding):
        return edit
    width = len(old) + padding - 1  # one space stays before the pipe
    return TextEdit(edit.start, edit.end + padding - 1, new.ljust(width))
