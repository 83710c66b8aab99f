"""``pkgkit fmt``: --check, --diff, writes (atomic, modes kept), refusals, what it never touches."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, lint, run_cli, write_package

PUBLISHED = REPO.parent / "shared" / "reference" / "packages"
DASHBOARD = "dashboards/main.json"


def _package(tmp_path: Path) -> Path:
    root = tmp_path / "pkg"
    files = {
        "package.json": '{"name": "@instana-integration/demo", "version": "1.0.0"}',
        "README.md": "# demo\n",
        DASHBOARD: '{"title": "Main",\n    "widgets": [ ]}\n',
        "events/e.json": '{\n  "name": "down"\n}',
        "notes.json": '{"a":1}',
        "tests/t.json": '{"a":1}',
    }
    return write_package(root, files)


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(path.relative_to(root)): (path.read_bytes(), stat.S_IMODE(path.lstat().st_mode))
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def test_check_lists_the_files_that_would_change_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _package(tmp_path)
    before = _snapshot(root)
    code, out, err = run_cli(capsys, "fmt", "--check", str(root))
    assert code == 1
    assert out.splitlines() == [
        f"would reformat: {root / 'package.json'}",
        f"would reformat: {root / DASHBOARD}",
    ]
    assert err == "2 files would be reformatted, 1 file left unchanged.\n"
    assert _snapshot(root) == before


def test_diff_prints_a_unified_diff_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _package(tmp_path)
    monkeypatch.chdir(root)
    before = _snapshot(root)
    code, out, _ = run_cli(capsys, "fmt", "--diff", "dashboards")
    assert code == 1
    assert out == (
        "--- a/dashboards/main.json\n"
        "+++ b/dashboards/main.json\n"
        "@@ -1,2 +1,4 @@\n"
        '-{"title": "Main",\n'
        '-    "widgets": [ ]}\n'
        "+{\n"
        '+  "title": "Main",\n'
        '+  "widgets": []\n'
        "+}\n"
        "\\ No newline at end of file\n"
    )
    assert _snapshot(root) == before


def test_a_diff_applies_with_git_apply(tmp_path: Path) -> None:
    root = _package(tmp_path)
    diff = subprocess.run(
        [sys.executable, "-m", "pkgkit", "fmt", "--diff", "."],
        cwd=root, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert diff.returncode == 1, diff.stderr
    subprocess.run(
        ["git", "apply", "--unsafe-paths", "-"], cwd=root, input=diff.stdout, text=True,
        check=True,
    )  # fmt: skip
    after = subprocess.run(
        [sys.executable, "-m", "pkgkit", "fmt", "--check", "."],
        cwd=root, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert after.returncode == 0, after.stdout + after.stderr


def test_writing_formats_only_package_json_files_keeping_modes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _package(tmp_path)
    (root / DASHBOARD).chmod(0o640)
    before = _snapshot(root)
    code, out, err = run_cli(capsys, "fmt", str(root))
    assert code == 0, err
    assert out.splitlines() == [
        f"reformatted: {root / 'package.json'}",
        f"reformatted: {root / DASHBOARD}",
    ]
    after = _snapshot(root)
    assert after[DASHBOARD] == (b'{\n  "title": "Main",\n  "widgets": []\n}', 0o640)
    assert after["package.json"][0] == (
        b'{\n  "name": "@instana-integration/demo",\n  "version": "1.0.0"\n}\n'
    )
    untouched = {k: v for k, v in before.items() if k not in ("package.json", DASHBOARD)}
    assert {k: after[k] for k in untouched} == untouched
    assert sorted(p.name for p in (root / "dashboards").iterdir()) == ["main.json"]


def test_formatting_twice_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _package(tmp_path)
    run_cli(capsys, "fmt", str(root))
    once = _snapshot(root)
    code, out, err = run_cli(capsys, "fmt", str(root))
    assert (code, out) == (0, "")
    assert err == "0 files reformatted, 3 files left unchanged.\n"
    assert _snapshot(root) == once


def test_a_refused_file_is_reported_where_and_left_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _package(tmp_path)
    (root / DASHBOARD).write_text('{\n  "id": 12345678901234567890,\n  "id": 1\n}')
    monkeypatch.chdir(root)
    before = _snapshot(root)
    code, out, err = run_cli(capsys, "fmt", DASHBOARD)
    assert code == 1
    assert out == ""
    assert err == (
        "dashboards/main.json:3:3: cannot format without loss: duplicate key 'id' (only the "
        "last is kept)\n"
        "0 files reformatted, 0 files left unchanged, 1 file not done.\n"
    )
    assert _snapshot(root) == before


def test_files_named_are_the_only_files_formatted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What pre-commit does: it passes the staged files (any file matching its pattern)."""
    root = _package(tmp_path)
    (tmp_path / "package.json").write_text('{"private":true}')  # a repository's own: no package
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    code, out, _ = run_cli(
        capsys, "fmt", "package.json", "pkg/README.md", "pkg/notes.json", "pkg/tests/t.json",
        f"pkg/{DASHBOARD}",
    )  # fmt: skip
    assert code == 0
    assert out == f"reformatted: pkg/{DASHBOARD}\n"
    changed = {k for k, v in _snapshot(tmp_path).items() if before[k] != v}
    assert changed == {f"pkg/{DASHBOARD}"}
    del root


def test_links_are_never_written_through_or_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _package(tmp_path)
    outside = tmp_path / "outside.json"
    outside.write_text('{"a":1}')
    (root / "dashboards" / "out.json").symlink_to(outside)
    (root / "dashboards" / "in.json").symlink_to(root / "events" / "e.json")
    (root / "entities").symlink_to(tmp_path)
    code, out, err = run_cli(capsys, "fmt", str(root), str(root / "dashboards" / "out.json"))
    assert code == 0, err
    assert f"pkgkit: {root / 'dashboards' / 'out.json'}: not formatted: a symbolic link" in err
    assert outside.read_text() == '{"a":1}'
    assert (root / "dashboards" / "out.json").is_symlink()
    assert (root / "dashboards" / "in.json").is_symlink()
    assert "outside" not in out


def test_a_pipe_is_never_opened(tmp_path: Path) -> None:
    root = _package(tmp_path)
    pipe = root / "events" / "pipe.json"
    os.mkfifo(pipe)
    done = subprocess.run(
        [sys.executable, "-m", "pkgkit", "fmt", "--check", str(root), str(pipe)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "pipe.json: not formatted: not a regular file" in done.stderr


def test_an_unwritable_file_is_reported_and_left_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files")
    root = _package(tmp_path)
    (root / DASHBOARD).chmod(0o444)
    before = _snapshot(root)
    code, out, err = run_cli(capsys, "fmt", str(root / DASHBOARD))
    assert code == 1
    assert out == ""
    assert f"{root / DASHBOARD}: cannot write: Permission denied; left as it was" in err
    assert _snapshot(root) == before


def test_an_unwritable_folder_is_reported_and_leaves_nothing_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary file cannot be created beside the file (simulated: root writes anyway)."""
    import tempfile  # noqa: PLC0415

    root = _package(tmp_path)
    before = _snapshot(root)

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    code, out, err = run_cli(capsys, "fmt", str(root / DASHBOARD))
    assert (code, out) == (1, "")
    assert f"{root / DASHBOARD}: cannot write: Permission denied; left as it was" in err
    assert _snapshot(root) == before


def test_a_full_disk_leaves_the_file_whole_and_no_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _package(tmp_path)
    before = _snapshot(root)

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    code, out, err = run_cli(capsys, "fmt", str(root))
    assert code == 1
    assert out == ""
    assert f"{root / DASHBOARD}: cannot write: No space left on device; left as it was" in err
    assert "2 files not done" in err
    assert _snapshot(root) == before
    assert sorted(p.name for p in (root / "dashboards").iterdir()) == ["main.json"]


def test_a_missing_path_or_a_folder_without_packages_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(capsys, "fmt", str(tmp_path / "nothing"))
    assert (code, err) == (2, f"pkgkit: error: {tmp_path / 'nothing'}: no such file or directory\n")
    code, _, err = run_cli(capsys, "fmt", str(tmp_path))
    assert (code, err) == (2, f"pkgkit: no packages found under {tmp_path}\n")
    (tmp_path / "README.md").write_text("# not a package\n")
    code, _, err = run_cli(capsys, "fmt", str(tmp_path / "README.md"))
    assert (code, err) == (0, "pkgkit: none of the given files is a package JSON file\n")


@pytest.mark.skipif(not PUBLISHED.is_dir(), reason=f"{PUBLISHED} is absent")
def test_every_published_package_formats_and_lints_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On copies of the published packages: fmt formats every file (none refused), changes no
    finding but its line and column, and a second run changes nothing."""
    copies = tmp_path / "packages"
    shutil.copytree(PUBLISHED, copies)
    (tmp_path / ".git").mkdir()  # no configuration above the copies is read
    packages = sorted(p for p in copies.iterdir() if p.is_dir())
    before = {p.name: _located(lint(p)) for p in packages}
    code, _, err = run_cli(capsys, "fmt", str(copies))
    assert code == 0, err
    assert err == "39 files reformatted, 58 files left unchanged.\n"
    assert {p.name: _located(lint(p)) for p in packages} == before
    code, out, err = run_cli(capsys, "fmt", "--check", str(copies))
    assert (code, out) == (0, "")


def _located(diagnostics: list[object]) -> list[tuple[str, str, str | None, str]]:
    return sorted((d.code, d.path, d.pointer, d.message) for d in diagnostics)  # type: ignore[attr-defined]
