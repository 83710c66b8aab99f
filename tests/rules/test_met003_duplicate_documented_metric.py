from helpers import copy_go, edit_text, findings, lint

ROW = "| `go.memory.limit` |"


def test_same_metric_in_two_spellings(tmp_path):
    package = copy_go(tmp_path)
    again = "| `go.memory_used` | Again. | By | UpDownCounter | |\n"
    edit_text(package / "README.md", ROW, again + ROW)
    result = lint(package, select="MET003")
    assert findings(result) == [("MET003", "README.md", 32)]
    assert result[0].message == (
        "metric 'go.memory_used' is already documented as 'go.memory.used' at line 31"
    )


def test_same_metric_twice(tmp_path):
    package = copy_go(tmp_path)
    edit_text(package / "README.md", ROW, "| go.memory.used | Again. | By | | |\n" + ROW)
    result = lint(package, select="MET003")
    assert findings(result) == [("MET003", "README.md", 32)]
    assert "documented again at line 31" in result[0].message


def test_clean_fixture_documents_each_metric_once(tmp_path):
    assert lint(copy_go(tmp_path), select="MET003") == []
