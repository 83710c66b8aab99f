"""PKG007: links to folders inside a content folder are not followed (warning)."""

from helpers import copy_go, findings, lint


def test_link_to_a_folder_inside_the_package_is_a_warning(tmp_path):
    package = copy_go(tmp_path)
    (package / "events" / "more").symlink_to(package / "dashboards")
    result = lint(package, select="PKG00")
    assert findings(result) == [("PKG007", "events/more", 1)]
    assert result[0].severity.value == "warning"


def test_link_to_itself_does_not_loop(tmp_path):
    package = copy_go(tmp_path)
    (package / "events" / "loop").symlink_to(package / "events")
    assert findings(lint(package, select="PKG00")) == [("PKG007", "events/loop", 1)]


def test_clean_fixture_has_no_folder_links(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG007") == []
