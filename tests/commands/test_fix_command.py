"""``pkgkit lint --fix [--diff] [--unsafe-fixes]`` (commands/fix.py, engine.fix_package):
minimal edits, verified before they are written, reported, with lint's formats and exit codes."""

from __future__ import annotations

import json
import types
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers import REPO, WRITE_FAILURES, copy_go, edit_json, edit_text, inserted, run_cli
from pkgkit.diagnostics import Fix, Problem, Severity, TextEdit

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pkgkit.rules import RuleContext

DASHBOARD = "dashboards/go-runtime-metrics.json"
EVENT = "events/high-goroutine-count.json"
RUNTIME = "metrics.sums.go.opentelemetry.io/contrib/instrumentation/runtime"
APP = "metrics.sums.app"


@pytest.fixture
def go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """fixtures/go copied under a repository root, as the working directory, with a dashboard
    lacking the global access rule (PKG120: safe fix) and a misspelt metric (MET001: unsafe; under
    an application's scope: under the runtime's, a name it does not emit is MET004's)."""
    (tmp_path / ".git").mkdir()
    package = copy_go(tmp_path)
    user = {"accessType": "READ_WRITE", "relationType": "USER", "relatedId": "me"}
    edit_json(package / DASHBOARD, lambda data: data.update(accessRules=[user]))
    edit_text(package / EVENT, f"{RUNTIME}/go.goroutine.count", f"{APP}/go.goroutine.cuont")
    monkeypatch.chdir(tmp_path)
    return package


def texts(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_fix_applies_safe_fixes_only_and_reports_what_remains(
    go: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = texts(go)
    (go / DASHBOARD).chmod(0o640)
    code, out, err = run_cli(capsys, "lint", "--fix", "go")
    assert (go / DASHBOARD).stat().st_mode & 0o7777 == 0o640  # the file's mode is kept
    assert code == 0  # MET001 remains (its fix is unsafe): an undocumented metric warns
    assert "MET001 [warning] metric 'go.goroutine.cuont' is not documented" in out
    assert "PKG120" not in out
    assert "pkgkit: 1 finding fixed (1 fix in 1 file), 1 remaining\n" in err
    after = texts(go)
    assert {name for name in after if after[name] != before[name]} == {DASHBOARD}
    assert inserted(before[DASHBOARD], after[DASHBOARD]) == (
        ',\n    {\n      "accessType": "READ_WRITE",\n      "relationType": "GLOBAL",\n'
        '      "relatedId": ""\n    }'
    )


def test_unsafe_fixes_are_applied_only_when_asked_for(
    go: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "lint", "--fix", "--unsafe-fixes", "go")
    assert (code, out.splitlines()[-1]) == (0, "0 errors, 0 warnings, 1 package checked.")
    assert "pkgkit: 2 findings fixed (2 fixes in 2 files), 0 remaining\n" in err
    assert '/go.goroutine.count"' in (go / EVENT).read_text(encoding="utf-8")


def test_diff_shows_the_fixes_and_writes_nothing(
    go: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = texts(go)
    code, out, err = run_cli(capsys, "lint", "--diff", "go")
    assert code == 1  # lint's exit code for the files as they are
    assert out.startswith(f"--- a/go/{DASHBOARD}\n+++ b/go/{DASHBOARD}\n@@ -6,6 +6,11 @@\n")
    assert '+      "relationType": "GLOBAL",\n' in out
    assert "cuont" not in out
    assert "pkgkit: 1 finding would be fixed (1 fix in 1 file), 1 would remain\n" in err
    assert texts(go) == before
    _, out, _ = run_cli(capsys, "lint", "--diff", "--unsafe-fixes", "go")
    assert f"--- a/go/{EVENT}\n" in out


def test_fixing_again_changes_nothing(go: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(capsys, "lint", "--fix", "--unsafe-fixes", "go")
    once = texts(go)
    code, _, err = run_cli(capsys, "lint", "--fix", "--unsafe-fixes", "go")
    assert code == 0
    assert "pkgkit: 0 findings fixed (0 fixes in 0 files), 0 remaining\n" in err
    assert texts(go) == once


def test_json_output_stays_parseable(go: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "lint", "--fix", "--format", "json", "go")
    assert code == 0  # the MET001 left is a warning
    assert [finding["rule"] for finding in json.loads(out)] == ["MET001"]


def _fake_rule(edit: TextEdit) -> types.SimpleNamespace:
    """A rule reporting package.json once, with a fix made of ``edit``."""

    def check(ctx: RuleContext) -> Iterator[Problem]:
        manifest = ctx.package.manifest
        assert manifest is not None
        yield Problem(manifest, "always", pointer="", fix=Fix("break it", (edit,)))

    return types.SimpleNamespace(
        CODE="PKG999", NAME="fake", SEVERITY=Severity.ERROR, SUMMARY="fake", check=check
    )


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (TextEdit(0, 1, ""), "package.json would not load afterwards"),
        (TextEdit(1, 1, " "), "the finding remains after the fix"),
    ],
)
def test_a_fix_that_breaks_the_file_or_leaves_its_finding_is_not_written(
    go: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    edit: TextEdit,
    reason: str,
) -> None:
    import pkgkit.lint.engine  # noqa: PLC0415

    monkeypatch.setattr(pkgkit.lint.engine, "enabled_rules", lambda *_: (_fake_rule(edit),))
    before = texts(go)
    code, out, err = run_cli(capsys, "lint", "--fix", "go")
    assert code == 1
    assert "PKG999 always" in out
    assert f"go/package.json:1:1: PKG999 not fixed: {reason}\n" in err
    assert "pkgkit: 0 findings fixed (0 fixes in 0 files), 1 remaining\n" in err
    assert texts(go) == before


@pytest.mark.parametrize(("failure", "reason"), WRITE_FAILURES)
def test_a_file_that_cannot_be_written_is_left_whole(
    go: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    failure: tuple[object, str, object],
    reason: str,
) -> None:
    before = texts(go)
    monkeypatch.setattr(*failure)
    code, _, err = run_cli(capsys, "lint", "--fix", "go")
    assert code == 1
    assert f"go/{DASHBOARD}: cannot write: {reason}; not fixed\n" in err
    assert texts(go) == before


def test_fix_does_not_go_with_write_baseline(
    go: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(capsys, "lint", "--fix", "--write-baseline", "b.json", "go")
    assert code == 2
    assert "--fix and --diff do not go with --write-baseline" in err


def test_a_readme_with_crlf_line_ends_keeps_them(
    go: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MET001's fix adds a README row; the README's CR LF line ends stay, the new line's too."""
    edit_text(
        go / EVENT, f"{APP}/go.goroutine.cuont", f"{RUNTIME}/process.runtime.go.mem.heap_alloc"
    )
    readme = go / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_bytes(text.replace("\n", "\r\n").encode())
    code, _, err = run_cli(capsys, "lint", "--fix", "--select", "MET001", "go")
    assert code == 0, err
    after = readme.read_bytes().decode()
    assert after.count("\r\n") == text.count("\n") + 1
    assert "\r\n| `process.runtime.go.mem.heap_alloc` |  | By | UpDownCounter |  |\r\n" in after
    assert after.replace("\r\n", "\n").count("\n") == after.count("\r\n")


PUBLISHED = REPO.parent / "shared" / "reference" / "packages"


def _published() -> list[str]:
    return sorted(p.name for p in PUBLISHED.iterdir()) if PUBLISHED.is_dir() else []


def _edited_lines(root: Path) -> dict[str, set[int]]:
    """Per file (relative to the package), the lines (1-based) that a fix of a finding on the
    package as it is touches: a replacement's lines, an insertion's line and the one after."""
    from pkgkit.lint.config import Config  # noqa: PLC0415
    from pkgkit.lint.engine import checked_problems  # noqa: PLC0415
    from pkgkit.model.package import load_package  # noqa: PLC0415

    package = load_package(str(root))
    found, _ = checked_problems(package, Config())
    lines: dict[str, set[int]] = {}
    for _, problem in found:
        if problem.fix is None:
            continue
        source = problem.fix.source or problem.source
        text = getattr(source, "text")  # noqa: B009 - JSON files and the README have one
        relpath = Path(source.path).resolve().relative_to(root.resolve()).as_posix()
        for edit in problem.fix.edits:
            first = text.count("\n", 0, edit.start) + 1
            last = text.count("\n", 0, edit.end) + 1
            lines.setdefault(relpath, set()).update(range(first, last + 2))
    return lines


@pytest.mark.skipif(not PUBLISHED.is_dir(), reason=f"{PUBLISHED} is absent")
@pytest.mark.parametrize("name", _published())
def test_fixes_of_a_published_package_keep_every_byte_outside_their_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """lint --fix --unsafe-fixes on a copy: a file no fix edits keeps all its bytes; in a file
    a fix edits, every line outside the fixes' edits keeps its bytes (line end included)."""
    import difflib  # noqa: PLC0415
    import shutil  # noqa: PLC0415

    (tmp_path / ".git").mkdir()
    root = Path(shutil.copytree(PUBLISHED / name, tmp_path / name))
    edited = _edited_lines(root)
    before = {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*")) if path.is_file()
    }  # fmt: skip
    run_cli(capsys, "lint", "--fix", "--unsafe-fixes", str(root))
    for relpath, old in before.items():
        new = (root / relpath).read_bytes()
        if relpath not in edited:
            assert new == old, relpath
            continue
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
        for tag, i1, i2, _, _ in matcher.get_opcodes():
            if tag != "equal":
                touched = set(range(i1 + 1, i2 + 1)) or {i1}
                assert touched <= edited[relpath], (relpath, tag, i1, i2)


@pytest.mark.skipif(not (PUBLISHED / "wxd-prestissimo").is_dir(), reason=f"{PUBLISHED} is absent")
def test_unsafe_fixes_keep_a_readme_name_that_differs_only_in_look_alike_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """wxd-prestissimo: the README's 'presto-cpp-S3-IO' (letter O) is right and its dashboard's
    'presto-cpp-S3-I0' (digit zero) the typo; the unsafe DOC001 fix wrote the typo into the
    README. Now only the real misspelling of the same table is renamed."""
    import shutil  # noqa: PLC0415

    (tmp_path / ".git").mkdir()
    root = Path(shutil.copytree(PUBLISHED / "wxd-prestissimo", tmp_path / "wxd-prestissimo"))
    code, out, _ = run_cli(
        capsys, "lint", "--fix", "--unsafe-fixes", "--select", "DOC001", "--format=json", str(root)
    )
    assert code == 0
    assert [(d["rule"], d["line"]) for d in json.loads(out)] == [("DOC001", 17)]
    lines = (root / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[16:18] == ["| presto-cpp-S3-IO", "| presto-cpp-threadpools"]
