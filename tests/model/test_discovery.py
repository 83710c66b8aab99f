"""model.discovery: resolving package folders with their parents' real paths remembered."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pkgkit.model.discovery import find_config_file, opens_tool_table, real_path

#: Path components: folders, links to a folder and to a file, missing names, ".", "..".
COMPONENTS = ["a", "b", "link-a", "link-up", "file", "link-file", "missing", ".", ".."]


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    """Folders a/b, links to them (one up the tree), a file and a link to it."""
    root = tmp_path_factory.mktemp("tree")
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "file").write_text("x")
    for folder in (root, root / "a", root / "a" / "b"):
        (folder / "link-a").symlink_to(root / "a")
        (folder / "link-up").symlink_to("..")
        (folder / "link-file").symlink_to(root / "a" / "b" / "file")
    return root


@settings(max_examples=1000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(COMPONENTS), min_size=1, max_size=5), st.booleans())
def test_real_path_is_os_realpath(tree, parts, relative):
    path = "/".join(["." if relative else str(tree), *parts])
    known: dict[str, str] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tree)
        assert real_path(path, known) == os.path.realpath(path)
        assert real_path(path, known) == os.path.realpath(path)  # from what it remembered


@pytest.mark.parametrize("path", ["/", "x", "x/", "./x", "/x/..", "", "missing/../x"])
def test_real_path_of_short_paths(path):
    assert real_path(path, {}) == os.path.realpath(path)


def test_packages_side_by_side_resolve_their_parent_once(tmp_path, monkeypatch):
    for name in ("p1", "p2", "p3"):
        (tmp_path / name).mkdir()
    (tmp_path / ".pkgkit.yaml").write_text("select: [PKG]\n")
    resolved = []
    realpath = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", lambda p: resolved.append(p) or realpath(p))
    memo: dict[str, str | None] = {}
    known: dict[str, str] = {}
    found = [find_config_file(str(tmp_path / n), memo, known) for n in ("p1", "p2", "p3")]
    assert found == [str(tmp_path / ".pkgkit.yaml")] * 3
    assert resolved == [str(tmp_path)]


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("[tool.pkgkit]", True),
        ("x = 1\n  [ 'tool' . \"pkgkit\" ]", True),
        ("[tool.pkgkit.rules]", True),
        ("[\ntool\n.\npkgkit\n]", True),
        ("[[tool.pkgkit]]", False),
        ("x [tool.pkgkit]", False),
        ("x\r[tool.pkgkit]", False),
        ("\n\x85 [tool.pkgkit]", True),
        ("[tool.pkgkitx]", False),
        ("[tool.ruff]\ndeps = ['pkgkit']", False),
        ("", False),
    ],
)
def test_opens_tool_table_examples(text, opens):
    assert opens_tool_table(text) is opens
