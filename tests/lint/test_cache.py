"""The result cache of ``pkgkit lint``: a hit prints what a miss prints; any input change misses."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pkgkit.lint.cache
from helpers import edit_text, go_with_duplicate_key, run_cli
from pkgkit.lint.cache import ResultCache
from pkgkit.model.discovery import discover_packages

PAST = time.time() - 3600


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A fresh cache folder of this test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("PKGKIT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """fixtures/go with one error (a duplicate key), files dated in the past (not racy)."""
    (tmp_path / "repo").mkdir()
    go_with_duplicate_key(tmp_path / "repo")
    age(tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path / "repo"


def age(root: Path, when: float = PAST) -> None:
    for path in [root, *root.rglob("*")]:
        os.utime(path, (when, when), follow_symlinks=False)


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def hit_count(monkeypatch) -> list[str]:
    """Roots the engine served from the cache, recorded through ResultCache.get."""
    served: list[str] = []
    original = ResultCache.get

    def get(self, root, key, config=None):
        result = original(self, root, key, config)
        if result is not None:
            served.append(root)
        return result

    monkeypatch.setattr(ResultCache, "get", get)
    return served


def lint(capsys, *argv):
    return run_cli(capsys, "lint", *argv)


@pytest.mark.parametrize("form", [(), ("--format", "json"), ("--format=json",)])
def test_a_hit_prints_what_a_miss_prints(repo, cache, capsys, form):
    miss = lint(capsys, "go", *form)
    assert entries(cache), "the miss stored an entry"
    hit = lint(capsys, "go", *form)
    uncached = lint(capsys, "go", "--no-cache", *form)
    assert miss == hit == uncached
    assert miss[0] == 1


WARM = """
import sys
from pkgkit.cli import main
code = main(["lint", "go"])
heavy = {"dataclasses", "markdown_it", "markdown_it_pyrs", "yaml", "jsonschema", "jsonschema_rs"}
print(code, sorted(heavy & set(sys.modules)))
"""


def test_a_full_hit_reads_no_package_and_imports_nothing_heavy(repo, cache, capsys):
    lint(capsys, "go")
    done = subprocess.run(
        [sys.executable, "-c", WARM], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "1 []"
    assert "PKG008" in done.stdout


def test_options_and_baseline_use_the_cache_per_package(repo, cache, capsys, monkeypatch):
    first = lint(capsys, "go", "--select", "PKG")
    served = hit_count(monkeypatch)
    assert lint(capsys, "go", "--select", "PKG") == first
    assert served == ["go"]
    assert lint(capsys, "go", "--select", "MET")[0] == 0, "other options: another key"
    assert lint(capsys, "go", "--write-baseline", "base.json")[0] == 0
    assert lint(capsys, "go", "--baseline", "base.json")[0] == 0


def change_content(repo):
    edit_text(repo / "go" / "events" / "high-heap-usage.json", '"name"', '"name" ')


def change_same_size_same_time(repo):
    path = repo / "go" / "dashboards" / "go-runtime-metrics.json"
    stat = path.stat()
    line = '"title": "Go Runtime Metrics",\n  '
    edit_text(path, line + '"title"', line + '"titlf"')
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def add_file(repo):
    (repo / "go" / "events" / "new.json").write_text('{"name": 1}')


def remove_file(repo):
    (repo / "go" / "events" / "high-heap-usage.json").unlink()


def add_config(repo):
    (repo / ".pkgkit.yaml").write_text("ignore: [PKG008]\n")


def change_readme(repo):
    edit_text(repo / "go" / "README.md", "## Dashboards", "## Dashbords")


@pytest.mark.parametrize(
    "change",
    [change_content, change_same_size_same_time, add_file, remove_file, add_config, change_readme],
)
def test_any_change_of_an_input_misses(repo, cache, capsys, change):
    lint(capsys, "go")
    change(repo)
    changed = lint(capsys, "go")
    assert changed == lint(capsys, "go", "--no-cache")
    age(repo, PAST + 60)
    assert lint(capsys, "go") == changed


def test_editing_the_config_file_misses(repo, cache, capsys):
    (repo / ".pkgkit.yaml").write_text("ignore: [MET]\n")
    age(repo)
    assert lint(capsys, "go")[0] == 1
    (repo / ".pkgkit.yaml").write_text("ignore: [PKG]\n")
    assert lint(capsys, "go")[0] == 0


def test_a_corrupt_entry_is_ignored(repo, cache, capsys):
    expected = lint(capsys, "go")
    for garbage in ["", "{not json", "[]", '{"key": 1}']:
        for entry in entries(cache):
            entry.write_text(garbage)
        assert lint(capsys, "go") == expected
        assert lint(capsys, "go", "--format", "json")[0] == 1


def test_a_matching_key_with_a_corrupt_result_is_ignored(repo, cache, capsys):
    expected = lint(capsys, "go")
    (entry,) = entries(cache)
    data = json.loads(entry.read_text())
    data["result"]["diagnostics"][0]["severity"] = "bogus"
    entry.write_text(json.dumps(data))
    assert lint(capsys, "go") == expected


def test_an_unwritable_cache_folder_is_ignored(repo, tmp_path, capsys, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PKGKIT_CACHE_DIR", str(blocker / "cache"))
    assert lint(capsys, "go")[0] == 1
    assert lint(capsys, "go")[0] == 1


def test_no_cache_neither_reads_nor_writes(repo, cache, capsys, monkeypatch):
    served = hit_count(monkeypatch)
    lint(capsys, "go", "--no-cache")
    assert entries(cache) == []
    lint(capsys, "go")
    lint(capsys, "go", "--no-cache")
    assert served == []


def test_the_cache_folder_is_never_inside_the_package(repo, capsys, monkeypatch):
    monkeypatch.setenv("PKGKIT_CACHE_DIR", str(repo / "go" / ".cache"))
    assert lint(capsys, "go")[0] == 1
    assert not (repo / "go" / ".cache").exists()


def test_a_racy_result_is_not_stored(repo, cache, capsys):
    change_content(repo)
    lint(capsys, "go")
    assert entries(cache) == []


def test_the_session_cache_is_hermetic():
    assert os.environ["PKGKIT_CACHE_DIR"] != str(Path.home() / ".cache" / "pkgkit")


def test_discovery_is_shared_with_the_model(repo):
    from pkgkit.model import package  # noqa: PLC0415

    assert package.discover_packages is discover_packages
    assert list(discover_packages(".")) == ["./go"]


def test_the_source_signature_counts_pkgkit_files_and_schemas(monkeypatch):
    monkeypatch.setattr(pkgkit.lint.cache, "_signature", None)
    version, python, count, newest = pkgkit.lint.cache.source_signature()
    assert (version, python) == (pkgkit.__version__, sys.version)
    schemas = Path(pkgkit.lint.cache.__file__).parents[1] / "schemas"
    assert count > 50 + len(list(schemas.glob("*.schema.json")))
    assert newest >= max(path.stat().st_mtime_ns for path in schemas.glob("*.schema.json"))
