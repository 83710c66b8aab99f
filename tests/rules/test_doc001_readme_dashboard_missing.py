"""DOC001: every dashboard the README lists exists, and a title written two ways is one finding."""

import shutil

from helpers import copy_go, edit_text, findings, fixes, lint, write_package

README_ROW = "| Go Runtime Metrics |"


def _replace_in_readme(package, old, new):
    readme = package / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert old in text
    readme.write_text(text.replace(old, new), encoding="utf-8")


def test_a_misspelt_readme_row_is_one_finding_at_its_cell_naming_the_file(tmp_path):
    package = copy_go(tmp_path)
    _replace_in_readme(package, README_ROW, "| Go Runtime Metric |")
    result = lint(package, select="DOC00")
    assert findings(result) == [("DOC001", "README.md", 11)]
    assert result[0].column == 3
    assert result[0].message == (
        "README lists dashboard 'Go Runtime Metric'; the closest dashboard, "
        "dashboards/go-runtime-metrics.json, is titled 'Go Runtime Metrics'"
    )
    assert result[0].hint == (
        "write the same title in both ('Go Runtime Metrics' is what Instana shows)"
    )


def _k8s(tmp_path, readme_titles, files):
    """A minimal copy of the k8s package's Dashboards table and dashboard titles."""
    rows = "".join(f"| {title} | Dashboard |\n" for title in readme_titles)
    readme = (
        "# @instana-integration/k8s\n\n## Dashboards\n\n"
        "| Dashboard Title | Description |\n| --- | --- |\n" + rows
    )
    content = {f"dashboards/{name}.json": {"title": title} for name, title in files.items()}
    manifest = {"name": "@instana-integration/k8s", "version": "1.0.0"}
    files = {"package.json": manifest, "README.md": readme, **content}
    return write_package(tmp_path / "k8s", files)


def test_titles_are_paired_by_best_match_both_ways(tmp_path):
    # k8s: 'Cron Job Monitoring' was paired with 'Kubernetes Jobs Monitoring' (and 'Job
    # Monitoring' too), and each pair was reported twice (DOC001 and DOC002).
    package = _k8s(
        tmp_path,
        ["Cron Job Monitoring", "DaemonSet Monitoring", "Job Monitoring"],
        {
            "cron-job": "Kubernetes CronJob Monitoring",
            "daemon-set": "Kubernetes DaemonSet Monitoring",
            "job": "Kubernetes Jobs Monitoring",
        },
    )
    result = lint(package, select="DOC00")
    assert findings(result) == [
        ("DOC001", "README.md", 7), ("DOC001", "README.md", 8), ("DOC001", "README.md", 9)
    ]
    assert [d.message.split("; ")[1] for d in result] == [
        "the closest dashboard, dashboards/cron-job.json, is titled "
        "'Kubernetes CronJob Monitoring'",
        "the closest dashboard, dashboards/daemon-set.json, is titled "
        "'Kubernetes DaemonSet Monitoring'",
        "the closest dashboard, dashboards/job.json, is titled 'Kubernetes Jobs Monitoring'",
    ]


def test_titles_that_are_not_close_are_not_paired(tmp_path):
    package = _k8s(tmp_path, ["Cluster Overview"], {"node": "Kubernetes Node Details"})
    result = lint(package, select="DOC00")
    assert findings(result) == [("DOC001", "README.md", 7), ("DOC002", "dashboards/node.json", 2)]
    assert result[0].hint == "add the dashboard to dashboards/ or remove the row"


def test_titles_sharing_words_but_differing_in_the_rest_are_not_paired(tmp_path):
    package = _k8s(tmp_path, ["Old Board"], {"new": "New Board"})
    assert findings(lint(package, select="DOC00")) == [
        ("DOC001", "README.md", 7), ("DOC002", "dashboards/new.json", 2)
    ]


def test_names_differing_only_in_look_alike_characters_are_paired_and_not_renamed(tmp_path):
    # wxd-prestissimo: README 'presto-cpp-S3-IO' (right), dashboard title 'presto-cpp-S3-I0' (a
    # zero: the typo). The unsafe fix wrote the file's typo into the README.
    package = _k8s(tmp_path, ["presto-cpp-S3-IO"], {"presto-cpp-S3-I0": "presto-cpp-S3-I0"})
    result = lint(package, select="DOC00")
    assert findings(result) == [("DOC001", "README.md", 7)]
    assert result[0].message == (
        "README lists dashboard 'presto-cpp-S3-IO'; the closest dashboard, "
        "dashboards/presto-cpp-S3-I0.json, is titled 'presto-cpp-S3-I0': the two differ only in "
        "look-alike characters, 'O' (capital letter o) in the README where the title has '0' "
        "(digit zero)"
    )
    assert result[0].hint == (
        "write the one meant in both ('presto-cpp-S3-I0' is what Instana shows); either may be "
        "the typo, so no fix is offered"
    )
    assert fixes(package, "DOC001", unsafe=True) == {}


def test_each_pair_of_look_alike_characters_is_named(tmp_path):
    package = _k8s(tmp_path, ["Cluster Poo1 0verview"], {"pool": "Cluster Pool Overview"})
    result = lint(package, select="DOC00")
    assert findings(result) == [("DOC001", "README.md", 7)]
    assert result[0].message.endswith(
        "the two differ only in look-alike characters, '1' (digit one) in the README where the "
        "title has 'l' (small letter l); '0' (digit zero) in the README where the title has 'O' "
        "(capital letter o)"
    )
    assert fixes(package, "DOC001", unsafe=True) == {}


def test_a_name_differing_in_case_or_in_more_than_look_alikes_is_renamed(tmp_path):
    package = _k8s(
        tmp_path,
        ["presto-cpp-s3-io", "presto-cpp-cache0"],
        {"s3": "presto-cpp-S3-IO", "cache": "presto-cpp-cache"},
    )
    after = fixes(package, "DOC001", unsafe=True)["README.md"]
    assert "| presto-cpp-S3-IO | Dashboard |\n| presto-cpp-cache  | Dashboard |\n" in after


def test_a_row_naming_a_second_dashboard_with_a_listed_title_is_left_to_pkg123(tmp_path):
    # go, nodejs, python: two dashboards titled 'Go Runtime Monitoring'; the README lists that
    # title and 'Go Runtime Metrics'. DOC001 used to say 'did you mean Go Runtime Monitoring?'.
    package = _k8s(
        tmp_path,
        ["Go Runtime Metrics", "Go Runtime Monitoring"],
        {"go-runtime": "Go Runtime Monitoring", "runtime": "Go Runtime Monitoring"},
    )
    result = lint(package, select="DOC00")
    assert result == []
    result = lint(package, select="PKG123")
    assert findings(result) == [("PKG123", "dashboards/runtime.json", 2)]


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


def test_a_dashboard_heading_written_otherwise_is_read_as_the_dashboards_section(tmp_path):
    package = copy_go(tmp_path)
    _replace_in_readme(package, "## Dashboards\n", "## Custom Dashboard\n")
    _replace_in_readme(package, README_ROW, "| Go Runtime Metric |")
    assert findings(lint(package, select="DOC00")) == [("DOC001", "README.md", 11)]


def test_a_name_column_with_the_kind_s_word_is_read(tmp_path):
    package = copy_go(tmp_path)
    _replace_in_readme(package, "| Dashboard Title |", "| Dashboards |")
    _replace_in_readme(package, README_ROW, "| Go Runtime Metric |")
    assert findings(lint(package, select="DOC00")) == [("DOC001", "README.md", 11)]


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
