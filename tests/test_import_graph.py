"""pkgkit's imports run one way and form no cycle.

Every import statement of every module under src/pkgkit counts: at the top, inside a function
(a lazy import) and under ``if TYPE_CHECKING:``. ``from pkgkit.a import b`` is an import of the
module ``pkgkit.a.b`` when there is one, else of ``pkgkit.a``. (Registries that load their own
modules by name, as the rule registry, the command line and the reporter lookup do, load
downwards by construction and are not import statements.)

The layers, by the folder under ``src/pkgkit`` (docs/architecture.md):
commands -> lint -> rules -> model/conventions/schemas/util; reporters read only the report.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "src" / "pkgkit"

#: Folder (or top-level module) -> the folders and modules it may import besides itself, the
#: package root (``__version__``) and :data:`EVERYONE`.
ALLOWED: dict[str, frozenset[str]] = {
    "__main__": frozenset({"cli"}),
    "cli": frozenset({"commands", "util.output"}),  # usage errors escaped as every message is
    "commands": frozenset(
        {"lint", "rules", "reporters", "testing", "render", "fix", "scaffold", "schemas", "model",
         "conventions", "util"}
    ),
    "testing": frozenset(
        {"lint", "rules", "reporters", "render", "schemas", "model", "conventions", "util"}
    ),
    "lint": frozenset({"rules", "schemas", "model", "conventions", "util"}),
    "rules": frozenset({"schemas", "model", "conventions", "util"}),
    "reporters": frozenset({"lint.report", "util.output"}),
    "fix": frozenset({"lint", "rules", "schemas", "model", "conventions", "util"}),
    "render": frozenset({"model", "util"}),
    "scaffold": frozenset({"model", "util"}),
    "schemas": frozenset({"model", "util"}),
    "conventions": frozenset({"model", "util"}),
    "model": frozenset({"util"}),
    "util": frozenset(),
    "diagnostics": frozenset(),
}
#: Leaves any module may import.
EVERYONE = frozenset({"diagnostics"})


def module_files(root: Path, package: str) -> dict[str, Path]:
    """Module name -> file, for every module of the package in ``root``."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (anywhere in its body)."""
    modules = module_files(root, package)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = _from_module(name, is_package, node)
                imported.update(
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                    for alias in node.names
                )
        graph[name] = {target for target in imported if target in modules and target != name}
    return graph


def _from_module(name: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    parts = name.split(".")
    parts = parts[: len(parts) - node.level + (1 if is_package else 0)]
    return ".".join([*parts, *([node.module] if node.module else [])])


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest cycle through each group of modules that import each other, written
    ``[a, b, ..., a]`` from the group's first module (by name); groups in name order."""
    found = []
    seen: set[str] = set()
    for start in sorted(graph):
        if start in seen:
            continue
        cycle = _shortest_cycle(graph, start)
        if cycle:
            found.append(cycle)
            seen.update(_reachable(graph, start) & _reaching(graph, start))
    return found


def _shortest_cycle(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """The shortest path from ``start`` back to it (breadth first, successors by name)."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for target in sorted(graph.get(module, ())):
                if target == start:
                    path = [module]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if target not in previous:
                    previous[target] = module
                    following.append(target)
        frontier = following
    return None


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    found, pending = {start}, [start]
    while pending:
        for target in graph.get(pending.pop(), ()):
            if target not in found:
                found.add(target)
                pending.append(target)
    return found


def _reaching(graph: dict[str, set[str]], start: str) -> set[str]:
    reverse: dict[str, set[str]] = {}
    for module, targets in graph.items():
        for target in targets:
            reverse.setdefault(target, set()).add(module)
    return _reachable(reverse, start)


def layer_violations(graph: dict[str, set[str]], package: str) -> list[str]:
    """``importer -> imported`` for every import :data:`ALLOWED` does not allow."""
    violations = []
    for module, targets in sorted(graph.items()):
        own = _layer(module, package)
        for target in sorted(targets):
            wanted = _layer(target, package)
            if wanted in {own, "", *EVERYONE} or _allowed(own, target, package):
                continue
            violations.append(f"{module} -> {target}")
    return violations


def _layer(module: str, package: str) -> str:
    """The first name under the package (``""`` for the package itself)."""
    return module.removeprefix(package).lstrip(".").split(".")[0]


def _allowed(own: str, target: str, package: str) -> bool:
    relative = target.removeprefix(package).lstrip(".")
    return any(
        relative == allowed or relative.startswith(f"{allowed}.")
        for allowed in ALLOWED.get(own, ())
    )


# --------------------------------------------------------------------------- pkgkit


def test_pkgkit_has_no_import_cycle():
    assert cycles(import_graph(SOURCE, "pkgkit")) == []


def test_pkgkit_imports_run_one_way():
    assert layer_violations(import_graph(SOURCE, "pkgkit"), "pkgkit") == []


def test_every_folder_and_top_level_module_has_a_layer():
    layers = {_layer(module, "pkgkit") for module in module_files(SOURCE, "pkgkit")} - {""}
    assert layers == set(ALLOWED)


# --------------------------------------------------------------------------- the checks


def write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for relative, text in files.items():
        path = package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_a_lazy_import_and_a_type_only_import_make_a_cycle(tmp_path):
    package = write_package(tmp_path, {
        "__init__.py": "",
        "a.py": "def f():\n    from pkg.b import g\n",
        "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n",
        "c.py": "import pkg.a\n",
    })
    assert cycles(import_graph(package, "pkg")) == [["pkg.a", "pkg.b", "pkg.a"]]


def test_the_shortest_cycle_of_a_group_is_named(tmp_path):
    package = write_package(tmp_path, {
        "__init__.py": "",
        "a.py": "import pkg.b\nimport pkg.d\n",
        "b.py": "import pkg.c\n",
        "c.py": "import pkg.a\n",
        "d.py": "from . import a\n",
        "sub/__init__.py": "from .x import y\n",
        "sub/x.py": "from .. import sub\n",
    })
    assert cycles(import_graph(package, "pkg")) == [
        ["pkg.a", "pkg.d", "pkg.a"],
        ["pkg.sub", "pkg.sub.x", "pkg.sub"],
    ]


def test_names_from_a_module_are_imports_of_the_module(tmp_path):
    package = write_package(tmp_path, {
        "__init__.py": "",
        "a.py": "from pkg.b import value, c\n",
        "b/__init__.py": "value = 1\n",
        "b/c.py": "from pkg.a import x\n",
    })
    assert import_graph(package, "pkg")["pkg.a"] == {"pkg.b", "pkg.b.c"}
    assert cycles(import_graph(package, "pkg")) == [["pkg.a", "pkg.b.c", "pkg.a"]]


def test_an_import_up_the_layers_is_named(tmp_path):
    package = write_package(tmp_path, {
        "__init__.py": "",
        "rules/__init__.py": "",
        "rules/r1.py": "def check():\n    from pkg.lint.engine import run\n",
        "lint/__init__.py": "",
        "lint/engine.py": "from pkg.rules import r1\nfrom pkg.diagnostics import Problem\n",
        "lint/report.py": "",
        "reporters/__init__.py": "",
        "reporters/text.py": "from pkg.lint.report import LintReport\nimport pkg.lint.engine\n",
        "diagnostics.py": "",
    })
    assert layer_violations(import_graph(package, "pkg"), "pkg") == [
        "pkg.reporters.text -> pkg.lint.engine",
        "pkg.rules.r1 -> pkg.lint.engine",
    ]
