"""PKG103: README.md has a section per content folder and the metrics sections."""

from helpers import copy_go, findings, lint, write_package

COMPLETE = """# @instana-integration/go

## Dashboards
## Events
## metrics
#### semantic   conventions
### Resource Attributes
"""


def test_each_missing_section_is_an_error_at_the_title(tmp_path):
    package = copy_go(tmp_path)
    text = "\n# @instana-integration/go\n\n## Dashboards\n## Metrics\n"
    write_package(package, {"README.md": text})
    result = lint(package, select="PKG103")
    assert findings(result) == [("PKG103", "README.md", 2)] * 3
    assert sorted(d.message for d in result) == [
        f"README.md has no '{name}' section"
        for name in ("Events", "Resource Attributes", "Semantic Conventions")
    ]
    hints = {d.message: d.hint for d in result}
    assert hints["README.md has no 'Events' section"].startswith("add `## Events`")
    assert "under `## Metrics`" in hints["README.md has no 'Resource Attributes' section"]


def test_no_metrics_section_at_all_is_one_finding_not_three(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"README.md": "# @instana-integration/go\n\n## Dashboards\n## Events\n"})
    result = lint(package, select="PKG103")
    assert [(d.line, d.message) for d in result] == [
        (1, "README.md has no 'Metrics' section (nor 'Semantic Conventions' or "
         "'Resource Attributes')")
    ]
    assert "### Semantic Conventions" in (result[0].hint or "")


def test_content_sections_headed_with_the_kind_s_word_count(tmp_path):
    package = copy_go(tmp_path)
    text = COMPLETE.replace("## Dashboards", "## Dashboard")
    text = text.replace("## Events", "## Custom Events")
    write_package(package, {"README.md": text + "## Entity Types\n", "entities/go.json": {}})
    assert lint(package, select="PKG103") == []


def test_headings_match_at_any_level_and_case(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"README.md": COMPLETE})
    assert lint(package, select="PKG103") == []


def test_entities_and_smart_alerts_sections_are_needed_only_with_their_folders(tmp_path):
    package = copy_go(tmp_path)
    write_package(
        package, {"README.md": COMPLETE, "entities/go.json": {}, "smart-alerts/a.json": {}}
    )
    result = lint(package, select="PKG103")
    assert findings(result) == [("PKG103", "README.md", 1)] * 2
    assert sorted(d.message for d in result) == [
        "README.md has no 'Entities' section",
        "README.md has no 'Smart Alerts' section",
    ]


def test_headings_inside_code_blocks_do_not_count(tmp_path):
    package = copy_go(tmp_path)
    text = COMPLETE.replace("## Events\n", "```\n## Events\n```\n")
    write_package(package, {"README.md": text})
    result = lint(package, select="PKG103")
    assert [d.message for d in result] == ["README.md has no 'Events' section"]


def test_without_a_title_the_finding_is_at_line_1(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"README.md": "text\n\ntext\n"})
    assert {f[2] for f in findings(lint(package, select="PKG103"))} == {1}


def test_clean_fixture_has_every_section(tmp_path):
    assert lint(copy_go(tmp_path), select="PKG103") == []
