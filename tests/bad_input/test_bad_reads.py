"""Reads: only regular files, bounded, never through a link out of the package; nothing hangs.

Configuration files (``--config``, ``.pkgkit.yaml``, ``pyproject.toml``), event rule tests
(``tests/*.yaml``), registries, baselines and cache entries, each given a named pipe, a device,
a link out of its package, or nesting past every parser's depth. A pipe nobody writes would
block a plain ``open()`` forever: each run has a timeout far above what it needs.
"""

from __future__ import annotations

import json
import os

import pytest

from bad_input_helpers import lint_json, located, old_files, pkgkit
from helpers import copy_go

SECRET = "secret-value-never-shown"
FIFO_REFUSED = "is not a regular file (a pipe, socket or device); not read"


@pytest.fixture
def go(tmp_path):
    (tmp_path / ".git").mkdir()  # no configuration above tmp_path is read
    return copy_go(tmp_path)


@pytest.fixture
def secret(tmp_path):
    """A file outside the package whose text must never be read or shown."""
    path = tmp_path / "outside.yaml"
    path.write_text(f"select: [{SECRET}]\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_config_that_is_no_regular_file_is_refused_at_once(tmp_path, go, kind):
    config = tmp_path / "config.yaml"
    if kind == "fifo":
        os.mkfifo(config)
    else:
        config.symlink_to("/dev/zero")
    result = pkgkit(tmp_path, "lint", "--config", str(config), "go", timeout=60)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"pkgkit: error: config.yaml:1: cannot read: {FIFO_REFUSED}\n"


@pytest.mark.parametrize("name", [".pkgkit.yaml", ".pkgkit.yml"])
def test_a_config_file_linked_out_of_its_folder_is_refused_unread(tmp_path, go, secret, name):
    (go / name).symlink_to(secret)
    result = pkgkit(tmp_path, "lint", "go")
    assert result.returncode == 2
    assert result.stderr == (
        f"pkgkit: error: go/{name}:1: cannot read: is a symbolic link out of"
        f" {go} (to {secret}); not read\n"
    )
    assert SECRET not in result.stdout + result.stderr


def test_a_pyproject_linked_out_of_its_folder_is_not_read(tmp_path, go):
    outside = tmp_path / "elsewhere.toml"
    outside.write_text(f'[tool.pkgkit]\nselect = ["{SECRET}"]\n', encoding="utf-8")
    (go / "pyproject.toml").symlink_to(outside)
    result = pkgkit(tmp_path, "lint", "go")
    assert (result.returncode, result.stderr) == (0, "")
    assert SECRET not in result.stdout


def test_a_config_linked_inside_its_folder_is_read(tmp_path, go):
    (go / "shared.yaml").write_text("ignore: [PKG]\n", encoding="utf-8")
    (go / ".pkgkit.yaml").symlink_to("shared.yaml")
    (go / "events" / "bad.json").write_text("{", encoding="utf-8")
    code, found, stderr = lint_json(tmp_path, "go")
    assert (code, found, stderr) == (0, [], "")


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        (".pkgkit.yaml", "select: " + "[" * 5000 + "]" * 5000 + "\n",
         "1: YAML nested more than 100 deep"),
        (".pkgkit.yaml", "".join(" " * i + "k:\n" for i in range(300)),
         "101: YAML nested more than 100 deep"),
        ("pyproject.toml", "[tool.pkgkit]\nselect = " + "[" * 5000 + "]" * 5000 + "\n",
         "1: nested too deeply to read"),
        ("pyproject.toml", "[tool.pkgkit]\nstrict = " + "9" * 5000 + "\n",
         "2: invalid TOML: a number too long to read"),  # its line (it was 1)
        (".pkgkit.yaml", "strict: " + "9" * 5000 + "\n", "1: a number too long to read"),
    ],
    ids=["yaml-flow", "yaml-block", "toml", "toml-huge-number", "yaml-huge-number"],
)
def test_a_config_nested_past_the_parsers_is_a_located_error(tmp_path, go, name, text, problem):
    (go / name).write_text(text, encoding="utf-8")
    result = pkgkit(tmp_path, "lint", "go")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"pkgkit: error: go/{name}:{problem}")
    assert len(result.stderr.splitlines()) <= 2


def test_event_test_files_that_cannot_be_read_fail_their_item_and_the_run_goes_on(
    tmp_path, go, secret
):
    tests = go / "tests"
    os.mkfifo(tests / "pipe.yaml")
    (tests / "zero.yaml").symlink_to("/dev/zero")
    (tests / "outside.yaml").symlink_to(secret)
    (tests / "deep.yaml").write_text("tests: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = pkgkit(
        tmp_path, "test", "--mode", "json-safe", "--max-examples", "1", "go", timeout=300
    )
    assert result.returncode == 1
    out = result.stdout
    assert f"go/tests/pipe.yaml:1:1: the file {FIFO_REFUSED}" in out
    assert f"go/tests/zero.yaml:1:1: the file is a symbolic link out of {go} (to /dev/zero)" in out
    assert f"go/tests/outside.yaml:1:1: the file is a symbolic link out of {go}" in out
    assert "go/tests/deep.yaml:1:107: YAML nested more than 100 deep" in out  # tests: is 1
    assert "go/tests/events.yaml::events PASSED" in out or "4 failed" in out
    assert SECRET not in out + result.stderr


def test_a_registry_that_is_no_regular_file_is_a_finding(tmp_path, go):
    os.mkfifo(go / "registry.yaml")
    (go / ".pkgkit.yaml").write_text("registries: [registry.yaml]\n", encoding="utf-8")
    code, found, stderr = lint_json(tmp_path, "go", timeout=60)
    assert (code, stderr) == (1, "")
    assert [(f["rule"], f["path"], f["line"], f["message"]) for f in found] == [
        ("MET012", "go/.pkgkit.yaml", 1, f"cannot read registry 'registry.yaml': {FIFO_REFUSED}")
    ]


@pytest.mark.parametrize("kind", ["fifo", "deep", "huge-number", "not-a-list"])
def test_a_baseline_that_cannot_be_used_is_one_line_and_exit_2(tmp_path, go, kind):
    baseline = tmp_path / "baseline.json"
    if kind == "fifo":
        os.mkfifo(baseline)
    else:
        text = {
            "deep": '{"pkgkit-baseline": 1, "findings": ' + "[" * 5000 + "]" * 5000 + "}",
            "huge-number": '{"pkgkit-baseline": ' + "1" * 5000 + "}",
            "not-a-list": '{"pkgkit-baseline": 1, "findings": 5}',
        }[kind]
        baseline.write_text(text, encoding="utf-8")
    result = pkgkit(tmp_path, "lint", "--baseline", str(baseline), "go", timeout=60)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"pkgkit: error: {baseline}: ")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("entry", ["pipe", "deep"])
def test_a_damaged_cache_entry_is_a_miss(tmp_path, go, entry):
    cache = tmp_path / "cache"
    env = {"PKGKIT_CACHE_DIR": str(cache)}
    (go / "events" / "bad.json").write_text("{", encoding="utf-8")
    old_files(go)
    first = lint_json(tmp_path, "go", env=env)
    assert located(first[1]) == {("PKG001", "go/events/bad.json", 1, 2)}
    # The entry the run stored, replaced by something hostile:
    result = pkgkit(tmp_path, "lint", "--format", "json", "go", env=env)
    assert json.loads(result.stdout) == first[1]
    (stored,) = (cache / "v1").glob("*.json")
    stored.unlink()
    if entry == "pipe":
        os.mkfifo(stored)
    else:
        stored.write_text('{"key": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    for options in ((), ("--jobs", "1")):
        result = pkgkit(tmp_path, "lint", "--format", "json", *options, "go", env=env, timeout=60)
        assert (result.returncode, result.stderr) == (1, "")
        assert json.loads(result.stdout) == first[1]
