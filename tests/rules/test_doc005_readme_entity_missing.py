"""DOC005: every entity the README lists exists, and a label written two ways is one finding."""

from helpers import copy_fixture, copy_go, edit_json, findings, fixes, lint, write_package

ENTITY = "entities/go-runtime.json"


def test_a_row_naming_an_entity_another_way_is_one_finding_naming_both(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    edit_json(package / ENTITY, lambda data: data["data"].update(label="Go Runtimes"))
    result = lint(package, select="DOC00")
    assert findings(result) == [("DOC005", "README.md", 15)]
    assert result[0].column == 3
    assert result[0].message == (
        "README lists entity 'Go Runtime'; the closest entity, entities/go-runtime.json, "
        "is labelled 'Go Runtimes'"
    )
    assert result[0].hint == "write the same label in both ('Go Runtimes' is what Instana shows)"


def test_k8s_entity_labels_pair_with_the_rows_meaning_them(tmp_path):
    # k8s: README 'Cron Job' / 'Job' against labels 'Kubernetes CronJob' / 'Kubernetes Job':
    # 'Cron Job' got no hint, and each pair was reported from both sides (DOC005 and DOC006).
    readme = (
        "# @instana-integration/k8s\n\n## Entities\n\n| Title |\n| --- |\n"
        "| Cron Job |\n| Job |\n"
    )
    package = write_package(
        tmp_path / "k8s",
        {
            "package.json": {"name": "@instana-integration/k8s", "version": "1.0.0"},
            "README.md": readme,
            "entities/cron-job.json": {"data": {"label": "Kubernetes CronJob"}},
            "entities/job.json": {"data": {"label": "Kubernetes Job"}},
        },
    )
    result = lint(package, select="DOC00")
    assert [(d.code, d.line, d.message.rsplit(", ", 1)[1]) for d in result] == [
        ("DOC005", 7, "is labelled 'Kubernetes CronJob'"),
        ("DOC005", 8, "is labelled 'Kubernetes Job'"),
    ]
    assert "entities/cron-job.json" in result[0].message


def test_an_entity_without_data_does_not_crash_and_leaves_the_row_reported(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    edit_json(package / ENTITY, lambda data: data.update(data=["not", "an", "object"]))
    assert findings(lint(package, select="DOC005")) == [("DOC005", "README.md", 15)]


def test_clean_fixtures_list_only_existing_entities(tmp_path):
    assert lint(copy_fixture(tmp_path, "go-entity"), select="DOC005") == []
    assert lint(copy_go(tmp_path), select="DOC005") == []


def test_the_unsafe_fix_writes_the_entity_label_in_the_row(tmp_path):
    package = copy_fixture(tmp_path, "go-entity")
    edit_json(package / ENTITY, lambda data: data["data"].update(label="Go Runtimes"))
    before = (package / "README.md").read_text(encoding="utf-8")
    assert fixes(package, "DOC005") == {}
    assert fixes(package, "DOC005", unsafe=True) == {
        "README.md": before.replace("| Go Runtime |", "| Go Runtimes |")
    }
