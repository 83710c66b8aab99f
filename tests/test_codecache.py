"""pkgkit.codecache: modules served from one file are the modules a regular import gives.

Each case runs a fresh interpreter over a small package of its own (``demo``), as the console
script runs pkgkit: import the package, install the finder, import its modules, save.
"""

import json
import marshal
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pkgkit import codecache

#: A driver run in a fresh interpreter: ``python DRIVER ROOT CACHE MODULE...``; prints, per
#: module, what a reader of the module sees, and whether the cache served it.
DRIVER = textwrap.dedent(
    """
    import importlib, json, sys
    root, folder, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    sys.path.insert(0, root)
    import demo
    from pkgkit import codecache
    finder = codecache.install(folder, "demo")
    seen = {}
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError as error:
            seen[name] = {"error": type(error).__name__}
            continue
        spec = module.__spec__
        seen[name] = {
            "served": type(spec.loader).__name__ == "_CachedLoader",
            "value": getattr(module, "VALUE", None),
            "file": module.__file__,
            "cached": module.__cached__,
            "path": getattr(module, "__path__", None),
            "package": module.__package__,
            "origin": spec.origin,
            "spec_cached": spec.cached,
            "locations": spec.submodule_search_locations,
            "has_location": spec.has_location,
            "parent": spec.parent,
        }
    written = codecache.save(folder, finder, "demo")
    print(json.dumps({"installed": finder is not None, "written": written, "modules": seen}))
    """
)
MODULES = ["demo.alpha", "demo.sub", "demo.sub.leaf"]
pytestmark = pytest.mark.skipif(not codecache.POSIX, reason="the code cache is POSIX-only")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A package ``demo`` with a module, a sub-package and a leaf module in it."""
    root = tmp_path / "src"
    write(root / "demo" / "__init__.py", '__version__ = "1.0"\n')
    write(root / "demo" / "alpha.py", "VALUE = 'alpha'\n")
    write(root / "demo" / "sub" / "__init__.py", "VALUE = 'sub'\n")
    write(
        root / "demo" / "sub" / "leaf.py",
        "from demo.alpha import VALUE as A\nVALUE = A + '-leaf'\n",
    )
    write(root / "demo" / "sub" / "data.txt", "resource\n")
    (tmp_path / "driver.py").write_text(DRIVER, encoding="utf-8")
    return tmp_path


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run(demo: Path, *names: str, bytecode: bool = True, cache: str = "cache") -> dict:
    """One fresh interpreter importing ``names`` (default: every demo module)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    flags = [] if bytecode else ["-B"]
    command = [
        sys.executable,
        *flags,
        str(demo / "driver.py"),
        str(demo / "src"),
        str(demo / cache),
    ]
    result = subprocess.run(
        [*command, *(names or MODULES)], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(result.stdout)


def served(report: dict) -> dict[str, bool]:
    return {name: seen.get("served") for name, seen in report["modules"].items()}


def without_served(report: dict) -> dict:
    return {
        name: {k: v for k, v in seen.items() if k != "served"}
        for name, seen in report["modules"].items()
    }


def cache_file(demo: Path) -> Path:
    files = list((demo / "cache").glob("code-*.marshal"))
    assert len(files) == 1
    return files[0]


def test_a_second_run_is_served_the_modules_a_regular_import_gives(demo):
    first = run(demo)
    assert (first["installed"], first["written"]) == (False, True)
    assert served(first) == dict.fromkeys(MODULES, False)
    second = run(demo)
    assert (second["installed"], second["written"]) == (True, False)
    assert served(second) == dict.fromkeys(MODULES, True)
    assert without_served(second) == without_served(first)
    assert second["modules"]["demo.sub.leaf"]["value"] == "alpha-leaf"
    assert second["modules"]["demo.sub"]["path"] == [str(demo / "src" / "demo" / "sub")]


def test_an_edited_module_is_imported_again_and_the_file_rewritten(demo):
    run(demo)
    write(demo / "src" / "demo" / "alpha.py", "VALUE = 'edited alpha'\n")
    edited = run(demo)
    assert edited["written"] is True
    assert served(edited) == {"demo.alpha": False, "demo.sub": True, "demo.sub.leaf": True}
    assert edited["modules"]["demo.sub.leaf"]["value"] == "edited alpha-leaf"
    after = run(demo)
    assert served(after) == dict.fromkeys(MODULES, True)
    assert after["modules"]["demo.alpha"]["value"] == "edited alpha"


def test_a_same_size_edit_within_the_same_second_is_left_to_the_regular_import(demo):
    """The signature is the nanosecond mtime and the size: such an edit is not served from the
    cache, and the module is what Python's import gives without the cache (its ``.pyc`` keeps
    whole seconds)."""
    alpha = demo / "src" / "demo" / "alpha.py"
    run(demo)
    before = alpha.stat()
    alpha.write_text("VALUE = 'ALPHA'\n", encoding="utf-8")
    os.utime(alpha, ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    assert alpha.stat().st_size == before.st_size
    seen = run(demo, "demo.alpha")["modules"]["demo.alpha"]
    uncached = run(demo, "demo.alpha", cache="elsewhere")["modules"]["demo.alpha"]
    assert (seen["served"], uncached["served"]) == (False, False)
    assert seen["value"] == uncached["value"]


def test_a_removed_module_fails_to_import_as_without_the_cache(demo):
    run(demo)
    (demo / "src" / "demo" / "sub" / "leaf.py").unlink()
    report = run(demo)
    assert report["modules"]["demo.sub.leaf"] == {"error": "ModuleNotFoundError"}
    assert served(report)["demo.alpha"] is True
    assert report["written"] is True
    assert "demo.sub.leaf" not in read_entries(demo)


def test_entries_of_modules_this_run_did_not_import_are_kept_while_unchanged(demo):
    run(demo)
    assert set(read_entries(demo)) >= set(MODULES)
    write(demo / "src" / "demo" / "alpha.py", "VALUE = 'again'\n")
    report = run(demo, "demo.alpha")  # rewritten: demo.sub and demo.sub.leaf were not imported
    assert report["written"] is True
    assert set(read_entries(demo)) >= set(MODULES)
    assert served(run(demo)) == dict.fromkeys(MODULES, True)


def test_nothing_is_written_when_bytecode_writing_is_off(demo):
    report = run(demo, bytecode=False)
    assert report["written"] is False
    assert not (demo / "cache").exists()


def test_a_file_others_may_write_is_not_used(demo):
    run(demo)
    cache_file(demo).chmod(0o666)
    assert served(run(demo)) == dict.fromkeys(MODULES, False)


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\xe3\x00"])
def test_an_unreadable_file_is_not_used_and_is_replaced(demo, damage):
    run(demo)
    cache_file(demo).write_bytes(damage)
    report = run(demo)
    assert served(report) == dict.fromkeys(MODULES, False)
    assert report["written"] is True
    assert served(run(demo)) == dict.fromkeys(MODULES, True)


def test_a_truncated_file_is_not_used(demo):
    run(demo)
    data = cache_file(demo).read_bytes()
    cache_file(demo).write_bytes(data[: len(data) - 10])  # the last module's code is cut
    assert served(run(demo)) == dict.fromkeys(MODULES, False)


def test_a_file_made_for_another_version_of_the_package_is_not_used(demo):
    run(demo)
    write(demo / "src" / "demo" / "__init__.py", '__version__ = "1.0.1"\n')
    assert served(run(demo)) == dict.fromkeys(MODULES, False)


def test_served_modules_read_their_resources_and_show_their_source_in_tracebacks(demo):
    write(
        demo / "src" / "demo" / "alpha.py",
        "VALUE = 'alpha'\n\ndef fail():\n    raise ValueError('boom')\n",
    )
    run(demo)
    script = textwrap.dedent(
        f"""
        import sys, traceback
        sys.path.insert(0, {str(demo / "src")!r})
        import demo
        from importlib.resources import files
        from pkgkit import codecache
        codecache.install({str(demo / "cache")!r}, "demo")
        import demo.alpha, demo.sub
        print(type(demo.alpha.__spec__.loader).__name__)
        print(files("demo.sub").joinpath("data.txt").read_text().strip())
        try:
            demo.alpha.fail()
        except ValueError:
            traceback.print_exc(file=sys.stdout)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    assert lines[:2] == ["_CachedLoader", "resource"]
    assert f'File "{demo / "src" / "demo" / "alpha.py"}", line 4, in fail' in result.stdout
    assert "    raise ValueError('boom')" in lines


def test_the_file_is_named_by_interpreter_and_install(tmp_path):
    name = Path(codecache.cache_file(str(tmp_path))).name
    assert name.startswith(f"code-{sys.implementation.cache_tag}-")
    assert name.endswith(".marshal")


def test_fnv1a_matches_the_reference_values():
    """Test vectors of the FNV-1a 32-bit hash (draft-eastlake-fnv)."""
    assert codecache._fnv1a(b"") == 0x811C9DC5
    assert codecache._fnv1a(b"a") == 0xE40C292C
    assert codecache._fnv1a(b"foobar") == 0xBF9CF968


def read_entries(demo: Path) -> dict:
    """The index of the cache file: module -> (source, signature, .pyc, package, offset, length)."""
    data = cache_file(demo).read_bytes()
    size = int.from_bytes(data[:8], "little")
    header, index = marshal.loads(data[8 : 8 + size])
    assert header[0] == codecache.FORMAT
    return index


def test_without_file_owners_the_cache_is_neither_read_nor_written(monkeypatch, tmp_path):
    monkeypatch.setattr(codecache, "POSIX", False)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert codecache.save(str(tmp_path), None) is False
    assert codecache.install(str(tmp_path)) is None
    assert list(tmp_path.iterdir()) == []


#: Imports demo.alpha (served), then demo.sub.leaf through codecache.import_module.
DIRECT = textwrap.dedent(
    """
    import sys
    root, folder = sys.argv[1], sys.argv[2]
    sys.path.insert(0, root)
    import demo
    from pkgkit import codecache
    codecache.install(folder, "demo")
    import demo.sub
    leaf = codecache.import_module("demo.sub.leaf")
    spec = leaf.__spec__
    same = demo.sub.leaf is leaf is sys.modules["demo.sub.leaf"]
    print(type(spec.loader).__name__, leaf.VALUE, same)
    print(leaf.__file__ == spec.origin, leaf.__cached__ == spec.cached, leaf.__package__)
    print(codecache.import_module("demo.sub.leaf") is leaf)
    """
)


def test_import_module_loads_a_served_module_as_an_import_does(demo):
    run(demo)
    result = subprocess.run(
        [sys.executable, "-c", DIRECT, str(demo / "src"), str(demo / "cache")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == [
        "_CachedLoader alpha-leaf True",
        "True True demo.sub",
        "True",
    ]


def test_import_module_imports_the_regular_way_without_the_cache(demo):
    result = subprocess.run(
        [sys.executable, "-c", DIRECT, str(demo / "src"), str(demo / "no-cache")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines()[0] == "SourceFileLoader alpha-leaf True"


def test_a_served_module_that_fails_to_run_is_not_left_imported(demo):
    breaking = "import os\nif os.environ.get('BREAK'):\n    raise ValueError('at import')\n"
    write(demo / "src" / "demo" / "broken.py", breaking)
    run(demo, "demo.broken")  # cached while it runs
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(demo / "src")!r})
        import demo
        from pkgkit import codecache
        codecache.install({str(demo / "cache")!r}, "demo")
        try:
            codecache.import_module("demo.broken")
        except ValueError as error:
            frame = error.__traceback__
            while frame.tb_next is not None:
                frame = frame.tb_next
            loader = type(frame.tb_frame.f_globals["__spec__"].loader).__name__
            print(error, loader, "demo.broken" in sys.modules, hasattr(demo, "broken"))
        """
    )
    env = {**os.environ, "BREAK": "1"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == "at import _CachedLoader False False"
