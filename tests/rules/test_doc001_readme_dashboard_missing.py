import shutil

from helpers import copy_go, edit_text, findings, fixes, lint, write_package

README_ROW = "| Go Runtime Metrics |"


def _replace_in_readme(package, old, new):
    readme = package / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert old in text
    readme.write_text(text.replace(old, new), encoding="utf-8")


def test_a_misspelt_readme_row_is_reported_at_its_cell_with_the_real_title(tmp_path):
    package = copy_go(tmp_path)
    _replace_in_readme(package, README_ROW, "| Go Runtime Metric |")
    result = lint(package, select="DOC001")
    assert findings(result) == [("DOC001", "README.md", 11)]
    assert result[0].column == 3
    assert "'Go Runtime Metric'" in result[0].message
    assert result[0].hint == "did you mean 'Go Runtime Metrics'?"


def test_a_row_is_reported_when_the_package_has_no_dashboards_folder(tmp_path):
    package = copy_go(tmp_path)
    shutil.rmtree(package / "dashboards")
    result = lint(package, select="DOC001")
    assert findings(result) == [("DOC001", "README.md", 11)]
    assert "no dashboards/ folder" in result[0].message


def test_a_dashboard_that_does_not_load_may_hold_the_title_so_rows_are_not_reported(tmp_path):
    package = copy_go(tmp_path)
    write_package(
        package, {"dashboards/go-runtime-metrics.json": '{"title": "Go Runtime Metrics",'}
    )
    assert lint(package, select="DOC001") == []


def test_title_column_under_the_dashboards_section_is_read_and_other_sections_are_not(tmp_path):
    package = copy_go(tmp_path)
    _replace_in_readme(package, "| Dashboard Title |", "| Title |")
    _replace_in_readme(
        package,
        "| Metric Name | Description | Unit | Instrument | Attributes |",
        "| Metric Name | Description | Unit | Instrument | Dashboard |",
    )
    assert lint(package, select="DOC001") == []
    _replace_in_readme(package, README_ROW, "| Go  Runtime   Metrics |")
    assert lint(package, select="DOC001") == []


def test_every_dashboards_table_of_the_section_counts(tmp_path):
    package = copy_go(tmp_path)
    _replace_in_readme(
        package,
        "## Metrics\n",
        "| Name |\n|------|\n| Go Runtime Overview |\n\n## Metrics\n",
    )
    result = lint(package, select="DOC001")
    assert [(d.code, d.line) for d in result] == [("DOC001", 15)]
    assert "'Go Runtime Overview'" in result[0].message


def test_clean_fixture_lists_only_existing_dashboards(tmp_path):
    assert lint(copy_go(tmp_path), select="DOC001") == []


def test_fix_renames_the_row_to_the_title_it_likely_means_when_unsafe(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", "| Go Runtime Metrics |", "| Go Runtime Metric |")
    before = (package / "README.md").read_text(encoding="utf-8")
    assert fixes(package, "DOC001") == {}
    after = fixes(package, "DOC001", unsafe=True)["README.md"]
    assert after == before.replace("| Go Runtime Metric |", "| Go Runtime Metrics |")


def test_no_fix_renames_a_row_to_a_title_the_readme_lists_already(tmp_path):
    """Two dashboards titled alike: the stale row is not renamed to the listed title."""
    package = copy_go(tmp_path)
    rows = "| Go Runtime Metric |\n| Go Runtime Metrics |"
    edit_text(package / "README.md", "| Go Runtime Metrics |", rows)
    assert findings(lint(package, select="DOC001")) == [("DOC001", "README.md", 11)]
    assert fixes(package, "DOC001", unsafe=True) == {}
