"""DOC008: the README's commands download and import this package, not another."""

from helpers import copy_go, edit_text, findings, fixes, lint

PRESTISSIMO_README = """# @instana-integration/wxd-prestissimo

## Installation and Usage

Downloading the package:

```shell
$ stanctl-integration download --package @instana-integration/wxd-presto
```

Importing the package into Instana:

```shell
$ stanctl-integration import --package @instana-integration/wxd-presto\\
  --server $INSTANA_SERVER \\
  --token $API_TOKEN
```
"""


def test_a_command_naming_a_sibling_package_is_reported_at_the_name(tmp_path):
    # wxd-prestissimo's README (copied from wxd-presto) installs @instana-integration/wxd-presto.
    package = copy_go(tmp_path)
    (package / "README.md").write_text(PRESTISSIMO_README, encoding="utf-8")
    edit_text(package / "package.json", '"@instana-integration/go"',
              '"@instana-integration/wxd-prestissimo"')
    result = lint(package, select="DOC008")
    assert findings(result) == [("DOC008", "README.md", 8), ("DOC008", "README.md", 14)]
    assert [d.column for d in result] == [42, 40]
    assert result[0].message == (
        "the README's command names package '@instana-integration/wxd-presto', but package.json "
        "names '@instana-integration/wxd-prestissimo'"
    )
    assert result[0].hint == "write --package @instana-integration/wxd-prestissimo"


def test_the_equals_form_quotes_and_variables(tmp_path):
    package = copy_go(tmp_path)
    readme = package / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8")
        + "\n```shell\nstanctl-integration download --package=@instana-integration/other\n"
        "stanctl-integration import --package \"$PACKAGE\" --package '@instana-integration/go'\n"
        "```\n",
        encoding="utf-8",
    )
    result = lint(package, select="DOC008")
    assert [(d.code, d.column) for d in result] == [("DOC008", 40)]
    assert "'@instana-integration/other'" in result[0].message


def test_package_outside_code_blocks_is_prose(tmp_path):
    package = copy_go(tmp_path)
    readme = package / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8") + "\nUse --package @instana-integration/x.\n",
        encoding="utf-8",
    )
    assert lint(package, select="DOC008") == []


def test_clean_fixture_names_its_own_package(tmp_path):
    assert lint(copy_go(tmp_path), select="DOC008") == []


def test_the_fix_writes_the_package_s_own_name(tmp_path):
    package = copy_go(tmp_path)
    quoted = PRESTISSIMO_README.replace(
        "download --package @instana-integration/wxd-presto\n",
        "download --package '@instana-integration/wxd-presto'\n",
    )
    (package / "README.md").write_text(quoted, encoding="utf-8")
    edit_text(package / "package.json", '"@instana-integration/go"',
              '"@instana-integration/wxd-prestissimo"')  # fmt: skip
    after = fixes(package, "DOC008")["README.md"]
    assert after == quoted.replace("/wxd-presto'", "/wxd-prestissimo'").replace(
        "/wxd-presto\\", "/wxd-prestissimo\\"
    )
    (package / "README.md").write_text(after, encoding="utf-8")
    assert lint(package, select="DOC008") == []
