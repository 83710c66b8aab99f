"""model.package: loading a folder into a Package, and finding packages under a folder."""

import os

from helpers import write_package
from pkgkit.model.package import discover_packages, is_package_dir, load_package

MANIFEST = {"name": "@instana-integration/x", "version": "1.0.0"}


def _issues(package):
    return sorted((issue.kind, issue.relpath) for issue in package.issues)


def test_loads_manifest_readme_and_content_by_kind_in_path_order(tmp_path):
    write_package(
        tmp_path,
        {
            "package.json": MANIFEST,
            "README.md": "# x\n",
            "dashboards/b.json": {},
            "dashboards/a.json": {},
            "dashboards/sub/c.json": {},
            "dashboards/notes.txt": "not json",
            "events/e.json": "[",
            "smart-alerts/s.json": {},
        },
    )
    package = load_package(str(tmp_path))
    assert package.manifest.data == MANIFEST
    assert package.readme.title.title == "x"
    assert [f.relpath for f in package.content] == [
        "dashboards/a.json",
        "dashboards/b.json",
        "dashboards/sub/c.json",
        "events/e.json",
        "smart-alerts/s.json",
    ]
    assert package.folders == {"dashboards", "events", "smart-alerts"}
    assert [f.relpath for f in package.files("event")] == ["events/e.json"]
    assert list(package.documents("event")) == []
    assert package.name == "@instana-integration/x"
    assert package.issues == []


def test_missing_files_are_issues_not_errors(tmp_path):
    write_package(tmp_path, {"events/e.json": {}})
    package = load_package(str(tmp_path))
    assert package.manifest is None
    assert package.readme is None
    assert _issues(package) == [
        ("missing-manifest", "package.json"),
        ("missing-readme", "README.md"),
    ]
    assert package.name == tmp_path.name


def test_links_out_of_the_package_and_to_folders_are_issues(tmp_path):
    root = tmp_path / "pkg"
    write_package(root, {"package.json": MANIFEST, "README.md": "# x\n", "events/e.json": {}})
    write_package(tmp_path, {"outside.json": {}, "elsewhere/d.json": {}})
    (root / "events" / "out.json").symlink_to(tmp_path / "outside.json")
    (root / "events" / "dir").symlink_to(root / "events")
    (root / "dashboards").symlink_to(tmp_path / "elsewhere")
    (root / "events" / "in.json").symlink_to(root / "events" / "e.json")
    package = load_package(str(root))
    assert _issues(package) == [
        ("symlink-dir", "events/dir"),
        ("symlink-escapes", "dashboards"),
        ("symlink-escapes", "events/out.json"),
    ]
    assert [f.relpath for f in package.content] == ["events/e.json", "events/in.json"]
    assert "dashboards" not in package.folders


def test_unreadable_readme_is_an_issue(tmp_path):
    write_package(
        tmp_path, {"package.json": MANIFEST, "README.md": b"caf\xe9", "events/e.json": {}}
    )
    package = load_package(str(tmp_path))
    assert package.readme is None
    assert [(i.kind, i.message) for i in package.issues] == [
        ("unreadable", "cannot read README.md: it is not UTF-8")
    ]


def test_private_flag(tmp_path):
    write_package(tmp_path, {"package.json": {**MANIFEST, "private": True}, "events/e.json": {}})
    assert load_package(str(tmp_path)).is_private
    write_package(tmp_path, {"package.json": {**MANIFEST, "private": "yes"}})
    assert not load_package(str(tmp_path)).is_private


def test_discovery_finds_packages_below_a_folder_and_skips_hidden_ones(tmp_path):
    for name in ("b", "a", "deep/c", ".hidden/d", "node_modules/e", "a/nested"):
        write_package(tmp_path / name, {"package.json": MANIFEST, "events/x.json": {}})
    write_package(tmp_path / "not-a-package", {"package.json": MANIFEST})
    (tmp_path / "linked").symlink_to(tmp_path / "b")
    found = [os.path.relpath(p, tmp_path) for p in discover_packages(str(tmp_path))]
    assert found == ["a", "b", "deep/c"]
    assert not is_package_dir(str(tmp_path / "not-a-package"))


def test_a_folder_with_content_but_no_manifest_is_itself_the_package(tmp_path):
    write_package(tmp_path, {"dashboards/d.json": {}, "sub/package.json": MANIFEST})
    assert list(discover_packages(str(tmp_path))) == [str(tmp_path)]


def _readme_and_issues(package):
    readme = package.readme
    text = readme.text if readme is not None else None
    return text, [(i.kind, i.relpath, i.message) for i in package.issues]


def test_readme_newlines_read_as_text_mode_reads_them(tmp_path):
    raw = b"# T\r\n\r\n| a |\r|---|\n| x |\r\n\xef\xbb\xbfend\r"
    write_package(tmp_path, {"package.json": MANIFEST, "README.md": raw, "events/e.json": {}})
    with (tmp_path / "README.md").open(encoding="utf-8") as handle:
        expected = handle.read()
    assert load_package(str(tmp_path)).readme.text == expected


def test_readme_and_manifest_that_are_no_regular_files(tmp_path):
    write_package(tmp_path, {"events/e.json": {}})
    (tmp_path / "README.md").mkdir()
    (tmp_path / "package.json").symlink_to(tmp_path / "gone.json")
    _, issues = _readme_and_issues(load_package(str(tmp_path)))
    assert issues == [
        ("unreadable", "package.json", "broken symbolic link; not read"),
        ("unreadable", "README.md", "not a regular file (a pipe, socket or device); not read"),
    ]


def test_links_inside_a_package_reached_through_a_link_are_followed(tmp_path):
    real = tmp_path / "real"
    write_package(real, {"package.json": MANIFEST, "docs/README.md": "# T\n", "events/e.json": {}})
    (real / "README.md").symlink_to(real / "docs" / "README.md")
    (real / "dashboards").symlink_to(real / "events")
    (tmp_path / "via").symlink_to(real)
    package = load_package(str(tmp_path / "via"))
    assert package.readme.title.title == "T"
    assert [f.relpath for f in package.content] == ["dashboards/e.json", "events/e.json"]
    assert package.issues == []


def test_readme_links_out_of_the_package_are_not_read(tmp_path):
    root = tmp_path / "pkg"
    write_package(root, {"package.json": MANIFEST, "events/e.json": {}})
    (tmp_path / "README.md").write_text("# outside\n")
    (root / "README.md").symlink_to(tmp_path / "README.md")
    package = load_package(str(root))
    assert package.readme is None
    assert [(i.kind, i.relpath) for i in package.issues] == [("symlink-escapes", "README.md")]


def test_a_large_readme_is_not_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr("pkgkit.model.package.MAX_README_BYTES", 10)
    write_package(tmp_path, {"package.json": MANIFEST, "README.md": "# " + "x" * 20})
    package = load_package(str(tmp_path))
    assert package.readme is None
    assert [i.kind for i in package.issues] == ["unreadable"]
