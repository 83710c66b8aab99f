"""PKG123: two dashboards of one package do not share a title."""

from helpers import copy_go, findings, lint, write_package

README = """# @instana-integration/go

## Dashboards

| Dashboard Title | Description |
| --- | --- |
| Go Runtime Metrics | For Go applications |
| Go Runtime Monitoring | For the Go entity |
"""


def _go(tmp_path, readme=README):
    """A minimal copy of the go package: two dashboards titled 'Go Runtime Monitoring'."""
    return write_package(
        tmp_path / "go",
        {
            "package.json": {"name": "@instana-integration/go", "version": "1.0.6"},
            "README.md": readme,
            "dashboards/go-runtime.json": {"title": "Go Runtime Monitoring", "widgets": []},
            "dashboards/runtime.json": {"title": "Go Runtime Monitoring", "widgets": []},
        },
    )


def test_the_later_file_is_reported_naming_the_earlier_and_the_readme_row_it_is(tmp_path):
    result = lint(_go(tmp_path), select="PKG123")
    assert findings(result) == [("PKG123", "dashboards/runtime.json", 2)]
    assert result[0].pointer == "/title"
    assert result[0].message == (
        "dashboard title 'Go Runtime Monitoring' is already used by dashboards/go-runtime.json"
    )
    assert result[0].hint == (
        "the README lists 'Go Runtime Metrics', which no dashboard has: give it to the "
        "dashboard it describes"
    )


def test_the_readme_row_is_not_reported_again_by_doc001(tmp_path):
    assert lint(_go(tmp_path), select="DOC") == []


def test_without_an_unmatched_readme_row_the_hint_asks_for_two_titles(tmp_path):
    package = _go(tmp_path, README.replace("| Go Runtime Metrics | For Go applications |\n", ""))
    result = lint(package, select="PKG123")
    assert findings(result) == [("PKG123", "dashboards/runtime.json", 2)]
    assert result[0].hint == "give each dashboard its own title"


def test_titles_differing_only_in_spacing_are_the_same(tmp_path):
    package = write_package(
        copy_go(tmp_path), {"dashboards/zz.json": {"title": " Go  Runtime Metrics"}}
    )
    assert findings(lint(package, select="PKG123")) == [("PKG123", "dashboards/zz.json", 2)]


def test_clean_fixture_has_one_title_per_dashboard(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG123") == []
