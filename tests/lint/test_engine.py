"""engine: each package is loaded and checked with the cyclic garbage collector paused."""

import gc

import pytest

from helpers import GO_FIXTURE, TEST_FIXTURES, copy_go, edit_json
from pkgkit.lint.config import Config
from pkgkit.lint.engine import check_package, lint_root, lint_roots
from pkgkit.model.package import load_package


def _collector_states(monkeypatch):
    """Whether the collector was enabled each time a package was loaded or checked."""
    states = []
    for name, real in (("load_package", load_package), ("check_package", check_package)):
        monkeypatch.setattr(
            f"pkgkit.lint.engine.{name}",
            lambda *a, real=real: states.append(gc.isenabled()) or real(*a),
        )
    return states


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_per_package_and_left_as_it_was(monkeypatch, enabled):
    states = _collector_states(monkeypatch)
    (gc.enable if enabled else gc.disable)()
    try:
        results = list(lint_roots([str(GO_FIXTURE), str(TEST_FIXTURES / "seed-go")], Config()))
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
    assert states == [False] * 4
    assert [len(result.diagnostics) for result, _ in results] == [0, 19]


def test_the_collector_is_enabled_again_when_loading_fails(monkeypatch):
    monkeypatch.setattr("pkgkit.lint.engine.load_package", lambda root: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        lint_root(str(GO_FIXTURE), Config())
    assert gc.isenabled()


def test_a_private_package_is_skipped(tmp_path):
    package = copy_go(tmp_path)
    edit_json(package / "package.json", lambda data: data.update(private=True))
    result, crashes = lint_root(str(package), Config())
    assert (result.skipped, result.diagnostics, crashes) == ("private", [], [])


@pytest.mark.parametrize("package", [GO_FIXTURE, TEST_FIXTURES / "seed-go"])
def test_a_linted_package_leaves_no_reference_cycles(package):
    """Its whole model is freed by reference counting: nothing is left for the cyclic collector
    (a README section listing its tables, each table naming its section, was ~160 objects a
    package)."""
    lint_root(str(package), Config())  # first use: caches and lazily built tables
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        lint_root(str(package), Config())
        gc.collect()
        left = [type(item).__name__ for item in gc.garbage]
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()
    assert left == []
