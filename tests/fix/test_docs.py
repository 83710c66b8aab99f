"""pkgkit.fix.docs (through ``pkgkit docs``): the README's tables and import command written
from the package, every other line kept byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import REPO, WRITE_FAILURES, lint, run_cli, write_package
from pkgkit.fix.docs import RESOLVED, Edit, ReadmeText

RUNTIME = "metrics.gauges.go.opentelemetry.io/contrib/instrumentation/runtime"

README = """\
# @instana-integration/demo

Intro text | with a pipe.

## Dashboards

| Dashboard Title | Description  |
| --------------- | ------------ |
| Old Board       | Gone now     |
| Main            | The main one |

## Metrics

### Semantic Conventions

Metrics of the instrumentation scope `go.opentelemetry.io/contrib/instrumentation/runtime`.

| Metric Name | Unit | Instrument | Description | Notes |
|---|---|---|---|---|
| go.goroutine.count | {goroutine} | UpDownCounter | Goroutines. | keep me |
| go.memory.limit | By | UpDownCounter | Limit. | unused |

### Resource Attributes

| Attribute Key | Type | Description |
|---|---|---|
| service.name | string | The service. |

## Events

| Event Name | Description |
|---|---|
| Too Many Goroutines | Custom wording kept. |

## Installation and Usage

```shell
$ stanctl-integration import --package @instana-integration/demo \\
  --server $INSTANA_SERVER \\
  --token $API_TOKEN \\
  --set servicename=$SERVICE_NAME \\
  --set unused=$UNUSED
```

Trailing text.
"""

#: What pkgkit docs makes of README for the content of :func:`demo`.
EXPECTED = (
    README.replace("| Old Board       | Gone now     |\n", "")
    .replace(
        "| Main            | The main one |\n",
        "| Main            | The main one |\n| New Board       |              |\n",
    )
    .replace(
        "| go.memory.limit | By | UpDownCounter | Limit. | unused |\n",
        "| go.memory.used | By | UpDownCounter |  |  |\n",
    )
    .replace(
        "| service.name | string | The service. |\n",
        "| service.name | string | The service. |\n| service.instance.id |  |  |\n",
    )
    .replace(
        "| Too Many Goroutines | Custom wording kept. |\n",
        "| Too Many Goroutines | Custom wording kept. |\n"
        "| Memory Used High | Fires when memory use is high. |\n",
    )
    .replace("  --set unused=$UNUSED\n", "  --set serviceinstanceid=$SERVICEINSTANCEID\n")
)


def demo(root: Path, readme: str = README) -> Path:
    """A package whose content disagrees with ``README`` in every table and in its --set."""
    tag = {"type": "TAG_FILTER", "name": "otel.attribute.service.instance.id"}
    return write_package(
        root,
        {
            "package.json": {"name": "@instana-integration/demo", "version": "1.0.0"},
            "README.md": readme,
            "dashboards/main.json": {
                "title": "Main",
                "tagFilterExpression": {**tag, "value": "{{ serviceinstanceid }}"},
                "name": "{{ servicename }}",
            },
            "dashboards/new.json": {"title": "New Board"},
            "events/goroutines.json": {
                "name": "Too Many Goroutines",
                "rules": [{"metricName": f"{RUNTIME}/go.goroutine.count"}],
            },
            "events/memory.json": {
                "name": "Memory Used High",
                "description": "Fires when memory use is high.",
                "rules": [{"metricName": f"{RUNTIME}/go.memory.used"}],
            },
        },
    )


def docs(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run_cli(capsys, "docs", "--isolated", *args)


def test_every_table_and_the_import_command_follow_the_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = demo(tmp_path / "demo")
    (root / "README.md").chmod(0o640)
    code, out, err = docs(capsys, str(root))
    assert (code, out) == (0, f"updated: {root / 'README.md'}\n"), err
    assert (root / "README.md").read_text(encoding="utf-8") == EXPECTED
    assert (root / "README.md").stat().st_mode & 0o7777 == 0o640  # the file's mode is kept
    assert err == "1 file updated, 0 files left unchanged.\n"


def test_after_docs_lint_reports_none_of_what_docs_resolves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = demo(tmp_path / "demo")
    before = {d.code for d in lint(root) if d.code in RESOLVED}
    assert before == {"DOC001", "DOC002", "DOC004", "MET001", "MET002", "TPL001", "TPL002"}
    docs(capsys, str(root))
    assert [d for d in lint(root) if d.code in RESOLVED] == []


def test_running_docs_again_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = demo(tmp_path / "demo")
    docs(capsys, str(root))
    code, out, err = docs(capsys, "--check", str(root))
    assert (code, out, err) == (0, "", "0 files would be updated, 1 file left unchanged.\n")


def test_check_and_diff_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = demo(tmp_path / "demo")
    monkeypatch.chdir(root)
    code, out, _ = docs(capsys, "--check")
    assert (code, out) == (1, "would update: README.md\n")
    code, out, _ = docs(capsys, "--diff", "events/memory.json")  # a file names its package
    assert code == 1
    assert out.startswith("--- a/README.md\n+++ b/README.md\n@@ -6,8 +6,8 @@\n")
    assert "-| Old Board       | Gone now     |\n" in out
    assert "+  --set serviceinstanceid=$SERVICEINSTANCEID\n" in out
    assert (root / "README.md").read_text(encoding="utf-8") == README


def test_line_ends_are_kept_and_new_lines_take_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = demo(tmp_path / "demo")
    (root / "README.md").write_bytes(README.replace("\n", "\r\n").encode())
    docs(capsys, str(root))
    assert (root / "README.md").read_bytes() == EXPECTED.replace("\n", "\r\n").encode()


def test_disabled_rules_leave_their_part_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = demo(tmp_path / "demo")
    (root / ".pkgkit.yaml").write_text("ignore: [MET002, TPL, DOC001]\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    run_cli(capsys, "docs", str(root))
    text = (root / "README.md").read_text(encoding="utf-8")
    assert "| Old Board       | Gone now     |\n" in text
    assert "| go.memory.limit | By | UpDownCounter | Limit. | unused |\n" in text
    assert "| go.memory.used | By | UpDownCounter |  |  |\n" in text
    assert "  --set servicename=$SERVICE_NAME \\\n  --set unused=$UNUSED\n" in text
    assert "| New Board       |              |\n" in text


def test_a_table_is_left_alone_while_a_file_of_its_kind_does_not_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = demo(tmp_path / "demo")
    (root / "events" / "broken.json").write_text('{"name": ', encoding="utf-8")
    code, _, err = docs(capsys, str(root))
    assert code == 0
    text = (root / "README.md").read_text(encoding="utf-8")
    assert "| Memory Used High |" not in text
    assert "| New Board       |              |\n" in text
    readme = root / "README.md"
    assert f"pkgkit: {readme}: Events table left as it is: events/broken.json does not load" in err
    assert f"{readme}:" in err  # DOC004 is left, and said to be
    assert "DOC004 event 'Memory Used High' is not listed" in err


def test_a_section_without_a_table_gets_one_and_a_missing_section_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = README.index("| Metric Name |")
    end = README.index("### Resource Attributes")
    readme = README[:start] + README[end:]
    readme = readme[: readme.index("## Events")] + readme[readme.index("## Installation") :]
    root = demo(tmp_path / "demo", readme)
    code, _, err = docs(capsys, str(root))
    assert code == 0
    text = (root / "README.md").read_text(encoding="utf-8")
    assert (
        "`go.opentelemetry.io/contrib/instrumentation/runtime`.\n\n"
        "| Metric Name        | Unit        | Instrument    | Description |\n"
        "| ------------------ | ----------- | ------------- | ----------- |\n"
        "| go.goroutine.count | {goroutine} | updowncounter |             |\n"
        "| go.memory.used     | By          | updowncounter |             |\n"
        "\n### Resource Attributes"
    ) in text
    assert "no 'Events' section: add one, then run pkgkit docs again" in err


def test_a_table_in_a_quote_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = (
        "| Event Name | Description |\n|---|---|\n| Too Many Goroutines | Custom wording kept. |\n"
    )
    quoted = README.replace(table, "".join(f"> {line}\n" for line in table.splitlines()))
    root = demo(tmp_path / "demo", quoted)
    _, _, err = docs(capsys, str(root))
    text = (root / "README.md").read_text(encoding="utf-8")
    assert "> | Too Many Goroutines | Custom wording kept. |\n\n## Installation" in text
    assert "is not a plain table; left as it is" in err


def test_a_new_argument_continues_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No --set yet: the arguments go after the command's last line, which is continued."""
    readme = README.replace(" \\\n  --set servicename=$SERVICE_NAME \\\n  --set unused=$UNUSED", "")
    root = demo(tmp_path / "demo", readme)
    docs(capsys, str(root))
    text = (root / "README.md").read_text(encoding="utf-8")
    assert (
        "  --token $API_TOKEN \\\n"
        "  --set serviceinstanceid=$SERVICEINSTANCEID \\\n"
        "  --set servicename=$SERVICENAME\n```"
    ) in text



def test_the_commands_name_the_package_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A README copied from a sibling package (DOC008): each --package of its download and
    import commands is package.json's name, also where a --set changes on the same command; a
    name holding a shell variable is left alone, and an ignored DOC008 leaves them all."""
    readme = README.replace(
        "## Installation and Usage\n",
        "## Installation and Usage\n\n```shell\n"
        "$ stanctl-integration download --package=@instana-integration/other\n"
        "$ npm view --package $PACKAGE\n```\n",
    ).replace("--package @instana-integration/demo", "--package @instana-integration/other")
    root = demo(tmp_path / "demo", readme)
    (tmp_path / ".git").mkdir()
    (root / ".pkgkit.yaml").write_text("ignore: [DOC008]\n", encoding="utf-8")
    run_cli(capsys, "docs", str(root))
    assert "@instana-integration/other" in (root / "README.md").read_text(encoding="utf-8")
    (root / ".pkgkit.yaml").unlink()
    run_cli(capsys, "docs", str(root))
    text = (root / "README.md").read_text(encoding="utf-8")
    assert text == EXPECTED.replace(
        "## Installation and Usage\n",
        "## Installation and Usage\n\n```shell\n"
        "$ stanctl-integration download --package=@instana-integration/demo\n"
        "$ npm view --package $PACKAGE\n```\n",
    )
    assert [d for d in lint(root) if d.code.startswith("DOC")] == []


@pytest.mark.parametrize(("failure", "reason"), WRITE_FAILURES)
def test_a_readme_that_cannot_be_written_is_left_whole(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    failure: tuple[object, str, object],
    reason: str,
) -> None:
    root = demo(tmp_path / "demo")
    monkeypatch.setattr(*failure)
    code, out, err = docs(capsys, str(root))
    assert (code, out) == (1, "")
    assert f"{root / 'README.md'}: cannot write: {reason}; left as it was" in err
    assert (root / "README.md").read_text(encoding="utf-8") == README
    assert sorted(p.name for p in root.iterdir()) == [
        "README.md", "dashboards", "events", "package.json"
    ]  # fmt: skip

def _dashboards(root: Path, table: str, titles: dict[str, str]) -> Path:
    """A package whose README's Dashboards section is ``table`` and whose dashboards have
    ``titles`` (file name -> title)."""
    readme = f"# @instana-integration/demo\n\n## Dashboards\n\n{table}\n## Metrics\n"
    content = {f"dashboards/{name}.json": {"title": title} for name, title in titles.items()}
    manifest = {"name": "@instana-integration/demo", "version": "1.0.0"}
    return write_package(root, {"package.json": manifest, "README.md": readme, **content})


#: wxd-spark's Dashboards table: rows without their closing pipe, 'spark-job-latency' where the
#: dashboard is titled 'spark-job-latency-health'.
SPARK_TABLE = (
    "| Dashboard Title    | \n"
    "|-------------------|\n"
    "| spark-errors-and-failures\n"
    "| spark-job-latency\n"
    "| spark-job-lifecycle\n"
    "| spark-system-health\n"
)
SPARK_TITLES = {
    "spark-errors-and-failures": "spark-errors-and-failures",
    "spark-job-latency": "spark-job-latency-health",
    "spark-job-lifecycle": "spark-job-lifecycle",
    "spark-system-health": "spark-system-health",
}


def test_a_row_naming_a_dashboard_another_way_is_renamed_in_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # docs dropped the row and added 'spark-job-latency-health' after the others.
    root = _dashboards(tmp_path / "demo", SPARK_TABLE, SPARK_TITLES)
    code, _, err = docs(capsys, str(root))
    assert code == 0, err
    after = (root / "README.md").read_text(encoding="utf-8")
    assert SPARK_TABLE.replace("| spark-job-latency\n", "| spark-job-latency-health\n") in after
    assert [d for d in lint(root) if d.code.startswith("DOC")] == []


def test_rows_keep_their_order_and_new_rows_go_after_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The renamed row stays second (docs moved it after 'Mid'), 'Gone' goes, 'Beta' comes last.
    table = "| Dashboard Title |\n|---|\n| Zeta |\n| Alpha Board |\n| Mid |\n| Gone |\n"
    titles = {"alpha": "Alpha Boards", "zeta": "Zeta", "beta": "Beta", "mid": "Mid"}
    root = _dashboards(tmp_path / "demo", table, titles)
    assert docs(capsys, str(root))[0] == 0
    after = (root / "README.md").read_text(encoding="utf-8")
    assert "|---|\n| Zeta |\n| Alpha Boards |\n| Mid |\n| Beta |\n\n## Metrics" in after


def test_new_rows_go_in_their_place_in_a_table_in_alphabetical_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = (
        "| Dashboard Title | Description |\n| --------------- | ----------- |\n"
        "| alpha           | First       |\n| Delta           | Fourth      |\n"
        "| golf            | Seventh     |\n"
    )
    titles = {name: name for name in ["alpha", "Delta", "golf", "Zulu", "charlie", "Echo"]}
    root = _dashboards(tmp_path / "demo", table, titles)
    assert docs(capsys, str(root))[0] == 0
    after = (root / "README.md").read_text(encoding="utf-8")
    assert (
        "| --------------- | ----------- |\n"
        "| alpha           | First       |\n"
        "| charlie         |             |\n"
        "| Delta           | Fourth      |\n"
        "| Echo            |             |\n"
        "| golf            | Seventh     |\n"
        "| Zulu            |             |\n\n## Metrics"
    ) in after


def test_a_row_differing_from_its_dashboard_only_in_look_alike_characters_is_left_for_you(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # wxd-prestissimo: the README's 'presto-cpp-S3-IO' (letter O) is right, the dashboard's
    # 'presto-cpp-S3-I0' (digit zero) the typo; docs replaced the row with the typo.
    table = "| Dashboard Title |\n|---|\n| presto-cpp-S3-IO |\n| presto-cpp-cache |\n"
    titles = {"s3": "presto-cpp-S3-I0", "cache": "presto-cpp-cache"}
    root = _dashboards(tmp_path / "demo", table, titles)
    before = (root / "README.md").read_text(encoding="utf-8")
    code, out, err = docs(capsys, str(root))
    assert (code, out) == (0, "")
    assert (root / "README.md").read_text(encoding="utf-8") == before
    readme = root / "README.md"
    assert err == (
        f"{readme}:7:3: DOC001 README lists dashboard 'presto-cpp-S3-IO'; the closest dashboard, "
        "dashboards/s3.json, is titled 'presto-cpp-S3-I0': the two differ only in look-alike "
        "characters, 'O' (capital letter o) in the README where the title has '0' (digit zero) "
        "(left for you)\n0 files updated, 1 file left unchanged.\n"
    )


def test_readme_text_keeps_each_line_end() -> None:
    text = ReadmeText("a\r\nb\rc\nd")
    assert text.lines == ["a", "b", "c", "d"]
    assert text.apply([Edit(1, 2, ("B", "B2")), Edit(4, 4, ("e",))]) == "a\r\nB\r\nB2\rc\nd\r\ne"
    assert ReadmeText("x").apply([Edit(0, 1, ("y", "z"))]) == "y\nz"
    assert ReadmeText("x\n").apply([Edit(1, 1, ("y",))]) == "x\ny\n"
    with pytest.raises(ValueError, match="overlapping"):
        text.apply([Edit(0, 2, ()), Edit(1, 3, ())])


PUBLISHED = REPO.parent / "shared" / "reference" / "packages"


#: What docs leaves for the author on a published package: wxd-prestissimo's README lists
#: 'presto-cpp-S3-IO' (letter O), its dashboard is titled 'presto-cpp-S3-I0' (digit zero).
LEFT_AFTER_DOCS = {"wxd-prestissimo": [("DOC001", 17)]}


def _published() -> list[str]:
    if not PUBLISHED.is_dir():
        return []
    return sorted(p.name for p in PUBLISHED.iterdir() if (p / "README.md").is_file())


@pytest.mark.skipif(not PUBLISHED.is_dir(), reason=f"{PUBLISHED} is absent")
@pytest.mark.parametrize("name", _published())
def test_published_packages_after_docs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """On a copy of each published package: after docs, lint reports no DOC, TPL001, TPL002,
    MET001 or MET002 finding (but what docs leaves for the author); a second run changes
    nothing; only table rows, the lines around a new table and the commands' lines changed."""
    import difflib  # noqa: PLC0415
    import shutil  # noqa: PLC0415

    (tmp_path / ".git").mkdir()
    root = Path(shutil.copytree(PUBLISHED / name, tmp_path / name))
    before = (root / "README.md").read_text(encoding="utf-8")
    code, _, err = run_cli(capsys, "docs", str(root))
    assert code == 0, err
    left = [d for d in lint(root) if d.code in RESOLVED or d.code.startswith("DOC")]
    assert [(d.code, d.line) for d in left] == LEFT_AFTER_DOCS.get(name, [])
    code, out, _ = run_cli(capsys, "docs", "--check", str(root))
    assert (code, out) == (0, "")
    after = (root / "README.md").read_text(encoding="utf-8")
    changed = [
        line[2:]
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line[:2] in ("- ", "+ ")
    ]
    outside = [
        line
        for line in changed
        if not (line.startswith("|") or "--set" in line or line.endswith("\\") or not line)
        and not line.lstrip().startswith("--token")
        and not line.startswith("$ stanctl-integration download --package")
    ]
    assert outside == []


def test_a_metric_the_catalogue_does_not_know_gets_empty_unit_and_instrument(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty unit is not a count: 'Number' is not written for a unit nobody knows."""
    root = demo(tmp_path / "demo")
    (root / "events" / "memory.json").write_text(
        json.dumps({"name": "Memory Used High", "rules": [{"metricName": f"{RUNTIME}/go.custom"}]}),
        encoding="utf-8",
    )
    docs(capsys, str(root))
    assert "| go.custom |  |  |  |  |\n" in (root / "README.md").read_text(encoding="utf-8")
