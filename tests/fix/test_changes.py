"""pkgkit.fix.changes: diffs as diff writes them, writes of regular files only, the tally."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pkgkit.fix.changes import Change, Tally, unified_diff, write_change
from pkgkit.util.atomic import WriteRefusedError
from pkgkit.util.paths import display_path


def test_a_diff_marks_a_last_line_without_newline(tmp_path: Path) -> None:
    path = str(tmp_path / "a.json")
    diff = unified_diff(Change(path, "{\n}\n", "{\n}"))
    assert diff == (
        f"--- a/{display_path(path)}\n+++ b/{display_path(path)}\n"
        "@@ -1,2 +1,2 @@\n {\n-}\n+}\n\\ No newline at end of file\n"
    )


def test_a_file_that_became_a_link_is_not_written_through(tmp_path: Path) -> None:
    target = tmp_path / "target.json"
    target.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with pytest.raises(WriteRefusedError):
        write_change(Change(str(link), "{}", "{\n}"))
    assert target.read_text() == "{}"
    assert link.is_symlink()


@pytest.mark.parametrize(
    ("check", "diff", "summary", "code"),
    [
        (False, False, "1 file reformatted, 1 file left unchanged", 0),
        (True, False, "1 file would be reformatted, 1 file left unchanged", 1),
        (False, True, "1 file would be reformatted, 1 file left unchanged", 1),
    ],
)
def test_the_tally_counts_and_chooses_the_exit_code(
    tmp_path: Path, check: bool, diff: bool, summary: str, code: int
) -> None:
    changed = tmp_path / "a.json"
    changed.write_text("{ }")
    tally = Tally("reformat", check=check, diff=diff)
    out, err = io.StringIO(), io.StringIO()
    tally.apply(Change(str(changed), "{ }", "{}"), out, err)
    tally.apply(Change(str(tmp_path / "b.json"), "{}", "{}"), out, err)
    assert (tally.summary(), tally.exit_code, err.getvalue()) == (summary, code, "")
    assert changed.read_text() == ("{}" if tally.writes else "{ }")
    tally.refused()
    assert tally.exit_code == 1
    assert tally.summary().endswith(", 1 file not done")


@pytest.mark.parametrize(("check", "diff"), [(False, False), (True, False), (False, True)])
def test_new_text_utf8_cannot_encode_is_refused_in_every_mode(
    tmp_path: Path, check: bool, diff: bool
) -> None:
    """A lone surrogate (from a JSON escape) in the new text: refused, named, nothing written;
    the file's name is escaped."""
    path = tmp_path / "a\x1b.md"
    path.write_text("old\n")
    tally = Tally("update", check=check, diff=diff)
    out, err = io.StringIO(), io.StringIO()
    tally.apply(Change(str(path), "old\n", "new \ud800\n"), out, err)
    assert (out.getvalue(), tally.exit_code, path.read_text()) == ("", 1, "old\n")
    assert err.getvalue() == (
        f"{display_path(str(tmp_path))}/a\\x1b.md: cannot write: the new text holds a lone"
        " surrogate (a JSON escape such as \\ud800), which UTF-8 cannot encode; left as it was\n"
    )
