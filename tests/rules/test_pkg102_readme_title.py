"""PKG102: README.md starts with `# <package name>`."""

from helpers import copy_go, findings, lint, write_package


def _readme(package, text):
    write_package(package, {"README.md": text})


def test_a_title_other_than_the_package_name_is_reported_at_the_title(tmp_path):
    package = copy_go(tmp_path)
    _readme(package, "<!-- badge -->\n\n# Go monitoring\n\n## Dashboards\n")
    result = lint(package, select="PKG102")
    assert findings(result) == [("PKG102", "README.md", 3)]
    assert result[0].message == (
        "README title 'Go monitoring' is not the package name '@instana-integration/go'"
    )
    assert result[0].hint == "change the heading to `# @instana-integration/go`"


def test_no_level_one_heading_is_reported_at_line_1(tmp_path):
    package = copy_go(tmp_path)
    _readme(package, "Intro\n\n## @instana-integration/go\n")
    result = lint(package, select="PKG102")
    assert findings(result) == [("PKG102", "README.md", 1)]
    assert result[0].hint == "start the README with `# @instana-integration/go`"


def test_title_comparison_ignores_case_spacing_and_code_markup(tmp_path):
    package = copy_go(tmp_path)
    _readme(package, "#   `@Instana-Integration/go`  \n")
    assert lint(package, select="PKG102") == []


def test_setext_title_counts(tmp_path):
    package = copy_go(tmp_path)
    _readme(package, "@instana-integration/go\n=======================\n")
    assert lint(package, select="PKG102") == []


def test_clean_fixture_title_is_the_package_name(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG102") == []
