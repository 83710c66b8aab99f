"""PKG006: links out of the package are reported and never followed."""

from helpers import copy_go, findings, lint


def test_link_to_a_file_outside_is_reported_and_its_target_not_read(tmp_path):
    package = copy_go(tmp_path)
    outside = tmp_path / "outside.json"
    outside.write_text("{not json", encoding="utf-8")
    (package / "events" / "linked.json").symlink_to(outside)
    result = lint(package, select="PKG0")
    assert findings(result) == [("PKG006", "events/linked.json", 1)]
    assert result[0].hint == "copy the file into the package"


def test_linked_readme_and_content_folder_outside_are_not_followed(tmp_path):
    package = copy_go(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "smart-alerts").mkdir(parents=True)
    (elsewhere / "smart-alerts" / "a.json").write_text("[", encoding="utf-8")
    (elsewhere / "README.md").write_text("# x\n", encoding="utf-8")
    (package / "README.md").unlink()
    (package / "README.md").symlink_to(elsewhere / "README.md")
    (package / "smart-alerts").symlink_to(elsewhere / "smart-alerts")
    result = lint(package, select="PKG")
    assert findings(result) == [("PKG006", "README.md", 1), ("PKG006", "smart-alerts", 1)]


def test_link_inside_the_package_is_followed(tmp_path):
    package = copy_go(tmp_path)
    (package / "events" / "alias.json").symlink_to("high-goroutine-count.json")
    assert lint(package, select="PKG006") == []


def test_clean_fixture_has_no_links(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG006") == []
