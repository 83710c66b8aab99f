"""Size limits: every reader of a user's file reads it whole at its limit and refuses it one byte
past, naming the file, and the run goes on (a configuration file stops it with exit 2).

The files are padded to the exact size (a trailing comment or white space, so the content means
the same at the limit). Past the largest limits (registries 16 MiB, baselines 256 MiB, cache
entries 64 MiB) the files are sparse: they are refused by their size, before anything is read,
and take no disk space. (Reading those at their limit is read_regular_file's own bound, tested
in tests/util/test_files.py.)
"""

from __future__ import annotations

import json

import pytest

from bad_input_helpers import lint_json, old_files, pkgkit
from helpers import GO_FIXTURE, copy_go
from pkgkit.conventions.catalogue import MAX_REGISTRY_BYTES
from pkgkit.lint.baseline import MAX_BASELINE_BYTES
from pkgkit.lint.cache import MAX_ENTRY_BYTES
from pkgkit.model.discovery import MAX_CONFIG_BYTES
from pkgkit.model.jsonfile import MAX_FILE_BYTES
from pkgkit.model.package import MAX_README_BYTES, load_package
from pkgkit.testing.event_tests import MAX_TEST_BYTES, run_test_file

EVENT = "events/high-goroutine-count.json"
DASHBOARD = "dashboards/go-runtime-metrics.json"


def _pad(path, head: bytes, size: int, filler: bytes = b" ") -> None:
    """Write ``head`` then ``filler`` up to exactly ``size`` bytes."""
    assert len(head) <= size
    path.write_bytes(head + filler * (size - len(head)))


def _sparse(path, size: int) -> None:
    with path.open("wb") as handle:
        handle.truncate(size)


@pytest.fixture
def go(tmp_path):
    """fixtures/go with its dashboard retitled: DOC findings that a configuration can ignore
    (so a configuration that was read shows)."""
    (tmp_path / ".git").mkdir()  # no configuration above tmp_path is read
    package = copy_go(tmp_path)
    dashboard = package / DASHBOARD
    dashboard.write_text(
        dashboard.read_text(encoding="utf-8").replace("Go Runtime Metrics", "Renamed", 1), "utf-8"
    )
    return package


def _readme_event_and_config(package, extra: int) -> None:
    """README, an event and .pkgkit.yaml (``ignore: [DOC]``), each ``extra`` bytes past its
    limit (0: exactly at it)."""
    _pad(package / "README.md", (package / "README.md").read_bytes(), MAX_README_BYTES + extra)
    _pad(package / EVENT, (package / EVENT).read_bytes(), MAX_FILE_BYTES + extra)
    _pad(package / ".pkgkit.yaml", b"ignore: [DOC]\n#", MAX_CONFIG_BYTES + extra, b"x")


def test_files_at_their_limit_are_read(tmp_path, go):
    _readme_event_and_config(go, 0)
    assert lint_json(tmp_path, "go") == (0, [], "")


def test_package_files_past_their_limit_are_findings_and_the_rest_is_linted(tmp_path, go):
    _readme_event_and_config(go, 1)
    (go / ".pkgkit.yaml").unlink()
    (go / "events" / "broken.json").write_text("{", encoding="utf-8")
    code, found, stderr = lint_json(tmp_path, "go")
    assert (code, stderr) == (1, "")
    refused = [(f["rule"], f["path"], f["line"], f["message"]) for f in found
               if f["rule"] in ("PKG001", "PKG005")]
    assert refused == [
        ("PKG005", "go/README.md", 1, "README.md is larger than 1 MiB; not parsed"),
        ("PKG001", "go/events/broken.json", 1, "invalid JSON: Expecting property name enclosed"
         " in double quotes"),  # the other files are still checked
        ("PKG005", f"go/{EVENT}", 1, "file is larger than 16 MiB; not parsed"),
    ]


def test_a_configuration_past_its_limit_stops_the_run_naming_it(tmp_path, go):
    _pad(go / ".pkgkit.yaml", b"ignore: [DOC]\n#", MAX_CONFIG_BYTES + 1, b"x")
    result = pkgkit(tmp_path, "lint", "go")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "pkgkit: error: go/.pkgkit.yaml:1: cannot read: is larger than 1 MiB;" \
        " not read\n"


def test_a_pyproject_at_its_limit_is_used(tmp_path, go):
    _pad(go / "pyproject.toml", b'[tool.pkgkit]\nignore = ["DOC"]\n#', MAX_CONFIG_BYTES, b"x")
    assert lint_json(tmp_path, "go") == (0, [], "")


def test_a_pyproject_past_its_limit_is_one_line_and_exit_2(tmp_path, go):
    """As a .pkgkit.yaml that large: it was silently not used (its [tool.pkgkit] unread)."""
    _pad(go / "pyproject.toml", b'[tool.pkgkit]\nignore = ["DOC"]\n#', MAX_CONFIG_BYTES + 1,
         b"x")
    result = pkgkit(tmp_path, "lint", "go")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "pkgkit: error: go/pyproject.toml:1: cannot read: is larger than" \
        " 1 MiB; not read\n"


def test_a_registry_past_its_limit_is_a_finding(tmp_path, go):
    (go / ".pkgkit.yaml").write_text("registries: [registry.yaml]\n", encoding="utf-8")
    _sparse(go / "registry.yaml", MAX_REGISTRY_BYTES + 1)
    code, found, _ = lint_json(tmp_path, "--select", "MET012", "go")
    assert (code, [(f["rule"], f["path"], f["message"]) for f in found]) == (1, [
        ("MET012", "go/.pkgkit.yaml",
         "cannot read registry 'registry.yaml': is larger than 16 MiB; not read"),
    ])


def test_a_baseline_past_its_limit_is_one_line_and_exit_2(tmp_path, go):
    baseline = tmp_path / "baseline.json"
    _sparse(baseline, MAX_BASELINE_BYTES + 1)
    result = pkgkit(tmp_path, "lint", "--baseline", str(baseline), "go")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"pkgkit: error: {baseline}: cannot read: is larger than 256 MiB;" \
        " not read\n"


def test_a_cache_entry_past_its_limit_is_a_miss(tmp_path, go):
    env = {"PKGKIT_CACHE_DIR": str(tmp_path / "cache")}
    old_files(go)
    first = lint_json(tmp_path, "go", env=env)
    assert first[0] == 0 and first[1]  # DOC warnings
    assert pkgkit(tmp_path, "lint", "go", env=env).returncode == 0  # stored, then read
    (entry,) = (tmp_path / "cache" / "v1").glob("*.json")
    _sparse(entry, MAX_ENTRY_BYTES + 1)
    result = pkgkit(tmp_path, "lint", "--format", "json", "go", env=env)
    assert (result.returncode, json.loads(result.stdout), result.stderr) == (0, first[1], "")


@pytest.mark.parametrize("extra", [0, 1], ids=["at", "past"])
def test_an_event_test_file_at_its_limit_is_run_and_past_it_refused(tmp_path, extra):
    path = tmp_path / "events.yaml"
    head = (GO_FIXTURE / "tests" / "events.yaml").read_bytes() + b"\n#"
    _pad(path, head, MAX_TEST_BYTES + extra, b"x")
    assert path.stat().st_size == MAX_TEST_BYTES + extra
    problems = run_test_file(str(path), load_package(str(GO_FIXTURE)))
    refused = ["1:1: the file is larger than 1 MiB; not read"] if extra else []
    assert [problem.split(":", 1)[1] for problem in problems] == refused
