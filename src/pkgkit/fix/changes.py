"""What ``fmt``, ``docs`` and ``lint --fix`` do with a file's new text: show it as a unified
diff, or write it atomically (the file keeps its permission bits)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import TextIO


class Change(NamedTuple):
    """A file's text as read and as it should be."""

    path: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        """True when writing would change the file."""
        return self.before != self.after


_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(change: Change, context: int = 3) -> str:
    """``diff -u`` of the change, paths as ``a/PATH`` and ``b/PATH`` (as git shows them); a
    last line without a newline is marked as diff marks it."""
    import difflib  # noqa: PLC0415 - only when a diff is asked for

    from pkgkit.util.output import display_text  # noqa: PLC0415
    from pkgkit.util.paths import display_path  # noqa: PLC0415

    shown = display_text(display_path(change.path))
    lines = difflib.unified_diff(
        change.before.splitlines(keepends=True),
        change.after.splitlines(keepends=True),
        f"a/{shown}",
        f"b/{shown}",
        n=context,
    )
    return "".join(line if line.endswith("\n") else f"{line}\n{_NO_NEWLINE}" for line in lines)


def write_change(change: Change) -> None:
    """Replace the file with its new text, atomically; raises OSError when it cannot.

    Only a regular file is written (a file that became something else since it was read is
    refused), and not one its owner made read-only (as ruff and black leave it): the rename that
    makes the write atomic would succeed where writing the file would not.
    """
    import errno  # noqa: PLC0415
    import os  # noqa: PLC0415
    import stat  # noqa: PLC0415

    from pkgkit.util.atomic import WriteRefusedError, write_atomically  # noqa: PLC0415

    if not stat.S_ISREG(os.lstat(change.path).st_mode):
        raise WriteRefusedError(change.path, "is not a regular file; not replaced")
    if not os.access(change.path, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), change.path)
    write_atomically(change.path, change.after)


class Tally:
    """What a run did to its files, and the exit code that says so.

    ``--check`` and ``--diff`` write nothing and exit 1 when a file would change; a file that
    could not be written or was refused exits 1 in every mode.
    """

    def __init__(self, verb: str, *, check: bool, diff: bool) -> None:
        self.verb = verb
        self.check = check
        self.diff = diff
        self.changed = 0
        self.unchanged = 0
        self.failed = 0

    @property
    def writes(self) -> bool:
        """True when changes are written (neither ``--check`` nor ``--diff``)."""
        return not (self.check or self.diff)

    def apply(self, change: Change, out: TextIO, err: TextIO) -> None:
        """Show or write one file's change, and count it."""
        from pkgkit.util.output import display_text  # noqa: PLC0415
        from pkgkit.util.paths import display_path  # noqa: PLC0415

        if not change.changed:
            self.unchanged += 1
            return
        shown = display_text(display_path(change.path))
        if not encodable(change.after):
            err.write(f"{shown}: cannot write: the new text holds a lone surrogate (a JSON escape"
                      " such as \\ud800), which UTF-8 cannot encode; left as it was\n")
            self.failed += 1
            return
        if self.diff:
            out.write(unified_diff(change))
        elif self.check:
            out.write(f"would {self.verb}: {shown}\n")
        else:
            try:
                write_change(change)
            except OSError as error:
                err.write(f"{shown}: cannot write: {error.strerror or error}; left as it was\n")
                self.failed += 1
                return
            out.write(f"{_past(self.verb)}: {shown}\n")
        self.changed += 1

    def refused(self) -> None:
        """Count a file that is not changed because it cannot be without loss."""
        self.failed += 1

    @property
    def exit_code(self) -> int:
        """0 when every file is as it should be (or was written), else 1."""
        return 1 if self.failed or (self.changed and not self.writes) else 0

    def summary(self) -> str:
        """One line: how many files changed (or would), were left alone, or were not done."""
        changed = (
            f"{_files(self.changed)} would be {_past(self.verb)}"
            if not self.writes
            else f"{_files(self.changed)} {_past(self.verb)}"
        )
        parts = [changed, f"{_files(self.unchanged)} left unchanged"]
        if self.failed:
            parts.append(f"{_files(self.failed)} not done")
        return ", ".join(parts)


def encodable(text: str) -> bool:
    """True when ``text`` can be written as UTF-8 (it holds no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


#: Verbs whose past tense doubles the last letter.
_DOUBLED = ("reformat",)


def _past(verb: str) -> str:
    if verb in _DOUBLED:
        return f"{verb}{verb[-1]}ed"
    return f"{verb}d" if verb.endswith("e") else f"{verb}ed"


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"
