"""Output: text from packages cannot act on the terminal or the log that shows a report, every
format escapes it, a report is complete or absent, and a reader that goes away or a standard
output that fails gets a clear answer with the right exit code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bad_input_helpers import old_files, pkgkit
from gitrepo import GIT_ENV, commit_all, init_repo
from helpers import copy_go
from pkgkit.util.output import abridged, control_character, display_text, json_text

#: A dashboard title that tries everything: a terminal escape, a line break followed by a
#: GitHub workflow command, a carriage return, a bidirectional override, a C1 control, a lone
#: surrogate, and characters that must stay as they are.
HOSTILE_TITLE = "Go\x1b[31m red\n::error file=x.json,line=1::injected\r\u202eevil\x85\ud800 é ✓"
#: How DOC002 quotes it (it folds white space, line breaks included, to single spaces).
SHOWN = "Go\\x1b[31m red ::error file=x.json,line=1::injected \\u202eevil \\ud800 é ✓"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """fixtures/go, its dashboard titled :data:`HOSTILE_TITLE` (DOC002 quotes the title), a
    file whose name holds a line break and an escape and one whose name is not UTF-8 (PKG001:
    they are not JSON)."""
    root = tmp_path_factory.mktemp("output")
    package = copy_go(root)
    dashboard = package / "dashboards" / "go-runtime-metrics.json"
    data = json.loads(dashboard.read_text(encoding="utf-8"))
    data["title"] = HOSTILE_TITLE
    dashboard.write_text(json.dumps(data, indent=2), encoding="utf-8")  # \\ud800 as an escape
    (package / "events" / "bad\n\x1b[2Jname.json").write_text("{", encoding="utf-8")
    (package / "events" / os.fsdecode(NOT_UTF8_NAME)).write_text("{", encoding="utf-8")
    return root


#: A file name that is not UTF-8 (Latin-1 'é'): Python reads it as a lone surrogate.
NOT_UTF8_NAME = b"caf\xe9.json"


def _report(root, report_format):
    result = pkgkit(root, "lint", "--no-cache", "--format", report_format, "go")
    assert result.returncode == 1
    assert result.stderr == ""
    return result.stdout


def _unsafe(text):
    """The characters of ``text`` that would act rather than show (a line break is fine)."""
    return sorted({c for c in text if c != "\n" and display_text(c) != c})


@pytest.mark.parametrize("report_format", ["text", "github", "json", "sarif"])
def test_no_format_lets_package_text_act(hostile, report_format):
    out = _report(hostile, report_format)
    assert _unsafe(out) == []
    assert "\n::error file=x.json" not in out  # no line starts a command of the package's
    out.encode("utf-8")  # nothing unencodable (the lone surrogate is an escape)


def test_text_shows_each_finding_on_one_line_with_the_text_escaped(hostile):
    lines = _report(hostile, "text").splitlines()
    assert (
        f"go/dashboards/go-runtime-metrics.json:3:12: DOC002 [warning] dashboard '{SHOWN}'"
        " is not listed in the README's Dashboards table"
    ) in lines
    assert any(line.startswith("go/events/bad\\n\\x1b[2Jname.json:1:2: PKG001") for line in lines)
    assert any(line.startswith("go/events/caf\\udce9.json:1:2: PKG001") for line in lines)


def test_github_commands_are_one_per_finding_and_escaped(hostile):
    lines = _report(hostile, "github").splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(lines) - 1  # and the summary
    (title,) = [line for line in commands if "DOC002" in line]
    assert title.startswith(
        "::warning file=go/dashboards/go-runtime-metrics.json,line=3,col=12,title=DOC002::"
        f"dashboard '{SHOWN}'"
    )
    (name, not_utf8) = sorted(line for line in commands if "PKG001" in line)
    assert name.startswith("::error file=go/events/bad\\n\\x1b[2Jname.json,line=1,col=2,")
    assert not_utf8.startswith("::error file=go/events/caf\\udce9.json,line=1,col=2,")


@pytest.mark.parametrize("report_format", ["json", "sarif"])
def test_json_formats_keep_every_value_exactly(hostile, report_format):
    document = json.loads(_report(hostile, report_format))
    results = document if report_format == "json" else document["runs"][0]["results"]
    messages = [r["message"] if report_format == "json" else r["message"]["text"] for r in results]
    folded = " ".join(HOSTILE_TITLE.split())  # as DOC002 quotes it
    assert any(f"dashboard '{folded}' is not listed" in message for message in messages)
    paths = {r["path"] for r in results} if report_format == "json" else {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results
    }
    assert any("\n" in path or "%0A" in path for path in paths)
    # The name that is not UTF-8: its byte percent-encoded in a URI, its surrogate in JSON.
    assert ("go/events/caf%E9.json" if report_format == "sarif" else "go/events/caf\udce9.json") \
        in paths


#: Commands whose own messages (not a report format) name package files or quote their text.
MESSAGES = {
    "fmt-check": ["fmt", "--check", "go"],
    "fmt": ["fmt", "go"],
    "docs-check": ["docs", "--check", "go"],
    "docs": ["docs", "go"],
    "lint-fix": ["lint", "--fix", "--unsafe-fixes", "--no-cache", "go"],
    "render": ["render", "go", "--set", "servicename=a"],
    "render-out": ["render", "go", "--set", "servicename=a", "--out", "out"],
    "render-out-refused": ["render", "go", "--set", "servicename=a", "--out", "go/out"],
    "test": ["test", "--max-examples", "1", "--mode", "json-safe", "go"],
}


@pytest.mark.parametrize("command", list(MESSAGES))
def test_no_command_lets_package_text_act_in_its_messages(hostile, tmp_path, command):
    """Unified diffs (--diff) are left out: they show file content as it is, as git does."""
    shutil.copytree(hostile / "go", tmp_path / "go")
    result = pkgkit(tmp_path, *MESSAGES[command], timeout=300)
    assert result.returncode in (0, 1, 2)
    shown = result.stdout + result.stderr
    assert _unsafe(shown) == []
    assert "\n::error file=x.json" not in shown


def test_docs_refuses_to_write_a_lone_surrogate_into_the_readme(hostile, tmp_path):
    """The dashboard's title holds one (a JSON escape): no UTF-8 README can hold it."""
    package = shutil.copytree(hostile / "go", tmp_path / "go")
    before = (package / "README.md").read_bytes()
    result = pkgkit(tmp_path, "docs", "go")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "pkgkit: go/README.md: not updated: the package's text holds a lone surrogate (a JSON"
        " escape such as \\ud800), which UTF-8 cannot encode\n"
    )
    assert (package / "README.md").read_bytes() == before


#: Text docs would copy into the README, given a control character: (file, text, with it, what
#: docs says instead of writing it).
CONTROLS = {
    "dashboard-title": (
        "dashboards/go-runtime-metrics.json", '"Go Runtime Metrics"',
        '"Go\\u001b[31m Runtime\\u0000 Metrics"',
        "Dashboards table left as it is: 'Go\\x1b[31m Runtime\\x00 Metrics' holds a control"
        " character (\\x1b), which a README must not hold",
    ),
    "metric-name": (
        "events/high-goroutine-count.json", "runtime/go.goroutine.count",
        "runtime/go.goroutine.count\\u009b2J",
        "the table at line 29 left as it is: '`go.goroutine.count\\x9b2J`' holds a control"
        " character (\\x9b), which a README must not hold",
    ),
    "package-name": (
        "package.json", '"@instana-integration/go"', '"@instana-integration/go\\u202e"',
        "--package names left as they are: package.json's name '@instana-integration/go\\u202e'"
        " holds a control character (\\u202e), which a README must not hold",
    ),
}


@pytest.mark.parametrize("case", list(CONTROLS))
def test_docs_leaves_a_table_alone_rather_than_write_a_control_character(tmp_path, case):
    """A title pasted from a terminal: the table keeps its rows (the stale one too, as when a
    file does not load) until the title is fixed, and docs says which text holds what."""
    relpath, text, hostile, note = CONTROLS[case]
    package = copy_go(tmp_path)
    file = package / relpath
    file.write_text(file.read_text(encoding="utf-8").replace(text, hostile, 1), encoding="utf-8")
    before = (package / "README.md").read_bytes()
    result = pkgkit(tmp_path, "docs", "go")
    assert result.returncode == 0
    assert result.stderr.splitlines()[0] == f"pkgkit: go/README.md: {note}"
    assert (package / "README.md").read_bytes() == before


def test_lint_fix_does_not_write_a_control_character(tmp_path):
    """DOC003's fix would copy an event's new name, holding an escape, into the README."""
    package = copy_go(tmp_path)
    event = package / "events" / "high-goroutine-count.json"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace('"High Goroutine Count"', '"High Goroutine\\u001b Count"', 1),
                     encoding="utf-8")
    before = (package / "README.md").read_bytes()
    result = pkgkit(tmp_path, "lint", "--fix", "--unsafe-fixes", "--no-cache", "go")
    assert result.returncode == 0  # DOC003 is a warning
    assert "go/README.md:125:3: DOC003 not fixed: the fix would write a control character (\\x1b)" \
        " into README.md\n" in result.stderr
    assert (package / "README.md").read_bytes() == before


@pytest.mark.parametrize("option", ["--fix", "--diff"])
def test_lint_fix_does_not_write_a_lone_surrogate(tmp_path, option):
    """An event renamed with a JSON escape "\\ud800" (found by the fuzz test): DOC003's fix
    would copy the name into the README, which UTF-8 cannot hold: not fixed, said why."""
    package = copy_go(tmp_path)
    event = package / "events" / "high-goroutine-count.json"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace('"High Goroutine Count"', '"\\ud800High Goroutine Count"', 1),
                     encoding="utf-8")
    before = (package / "README.md").read_bytes()
    result = pkgkit(tmp_path, "lint", option, "--unsafe-fixes", "--no-cache", "go")
    assert result.returncode == 0  # DOC003 is a warning
    assert ": DOC003 not fixed: the fix would write a lone surrogate (a JSON escape), which" \
        " UTF-8 cannot encode\n" in result.stderr
    assert (package / "README.md").read_bytes() == before


def test_escaping_functions_are_exact():
    assert display_text("plain, é ✓ 😀 and\u00a0space") == "plain, é ✓ 😀 and\u00a0space"
    assert display_text("\t\x00\x7f\u2028\u2066") == "\\t\\x00\\x7f\\u2028\\u2066"
    value = ["\x7f\x85\ud800\u2028\u202e é\n"]
    text = json_text(json.dumps(value, ensure_ascii=False))
    assert text == '["\\u007f\\u0085\\ud800\\u2028\\u202e é\\n"]'
    assert json.loads(text) == value
    assert control_character("tab\tline\nreturn\r\ud800 é ✓ \u00a0") is None
    assert [control_character(c) for c in "\x00\x1b\x7f\x9b\u2028\u202e"] == list(
        "\x00\x1b\x7f\x9b\u2028\u202e"
    )
    assert abridged("9" * 60) == "9" * 60
    assert abridged("9" * 61) == "9" * 57 + "..."


# --------------------------------------------------------------------------- where it goes


def _many_findings(root: Path) -> None:
    package = copy_go(root)
    for index in range(300):
        (package / "events" / f"bad-{index:03}.json").write_text("{", encoding="utf-8")


@pytest.mark.parametrize("report_format", ["text", "json"])
@pytest.mark.parametrize("cache", ["cold", "warm"])
def test_a_reader_that_goes_away_keeps_the_exit_code_of_the_findings(
    tmp_path, report_format, cache
):
    """``pkgkit lint | head -1``: the report is far larger than the pipe holds (warm: printed
    from the result cache, by the command line's fast path)."""
    _many_findings(tmp_path)
    command = [sys.executable, "-m", "pkgkit", "lint", "--format", report_format]
    env = {**os.environ, "PKGKIT_CACHE_DIR": str(tmp_path / "cache")}
    if cache == "warm":
        old_files(tmp_path / "go")
        assert pkgkit(tmp_path, *command[3:], "go", env=env).returncode == 1
    else:
        command.append("--no-cache")
    with subprocess.Popen(
        [*command, "go"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as lint:
        assert lint.stdout is not None and lint.stderr is not None
        lint.stdout.readline()
        lint.stdout.close()
        stderr = lint.stderr.read().decode()
        assert lint.wait(120) == 1
    assert stderr == ""


#: A command line of each command that writes to standard output, and its exit code (run in a
#: git repository holding :func:`_printing_package`).
READERS_LEAVE = {
    "lint": (["lint", "--no-cache", "go"], 1),
    "lint-diff": (["lint", "--diff", "--unsafe-fixes", "--no-cache", "go"], 1),
    "fmt": (["fmt", "--diff", "go"], 1),
    "docs": (["docs", "--diff", "go"], 1),
    "rules": (["rules"], 0),
    "conventions": (["conventions", "show", "go.goroutine.count"], 0),
    "render": (["render", "go", "--set", "servicename=a", "--set", "serviceinstanceid=b",
                "--file", "dashboards/go-runtime-metrics.json"], 0),
    "test": (["test", "--max-examples", "1", "--mode", "json-safe", "go"], 1),
    "ci": (["ci", "--base", "HEAD", "--no-test", "."], 1),
    "init": (["init", "demo", "--dir", "new", "--no-hook"], 0),
}


@pytest.fixture(scope="module")
def printing_package(tmp_path_factory):
    """A repository holding fixtures/go with something for every command to print: a broken
    event (PKG001), a dashboard written on one line (fmt), retitled (docs) and without the
    global access rule (lint --diff: PKG120's fix), and a README changed since HEAD (ci)."""
    repo = init_repo(tmp_path_factory.mktemp("printing") / "repo")
    package = copy_go(repo)
    (package / "events" / "broken.json").write_text("{", encoding="utf-8")
    dashboard = package / "dashboards" / "go-runtime-metrics.json"
    data = json.loads(dashboard.read_text(encoding="utf-8"))
    user = {"accessType": "READ_WRITE", "relationType": "USER", "relatedId": "me"}
    data.update(title="Go Renamed", accessRules=[user])
    dashboard.write_text(json.dumps(data), encoding="utf-8")
    commit_all(repo, "go")
    with (package / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("\nChanged.\n")
    return repo


@pytest.mark.parametrize("command", list(READERS_LEAVE))
def test_a_reader_that_goes_away_changes_nothing(printing_package, tmp_path, command):
    """``pkgkit fmt --diff go | head -1`` (here: a pipe nobody reads at all): the command runs
    to its end, says on stderr what it says when read, and exits with its own code."""
    arguments, code = READERS_LEAVE[command]

    def run(name: str, stdout: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pkgkit", *arguments],
            cwd=shutil.copytree(printing_package, tmp_path / name), stdout=stdout,
            stderr=subprocess.PIPE, text=True, timeout=300, check=False,
            env={**os.environ, **GIT_ENV, "PKGKIT_CACHE_DIR": str(tmp_path / name / "cache")},
        )

    read = run("read", subprocess.PIPE)
    assert read.stdout  # there is something to print
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read
    try:
        gone = run("gone", write_end)
    finally:
        os.close(write_end)
    assert (gone.returncode, gone.stderr) == (read.returncode, read.stderr)
    assert gone.returncode == code


def test_a_reader_of_both_streams_that_goes_away_changes_nothing(printing_package, tmp_path):
    """``pkgkit fmt --diff go 2>&1 | head -1``: the messages on stderr go nowhere either."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pkgkit", "fmt", "--diff", "go"],
            cwd=shutil.copytree(printing_package, tmp_path / "gone"), stdout=write_end,
            stderr=write_end, timeout=300, check=False,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 1


#: A command line of each command that writes to standard output (run in a folder holding go/).
PRINTING = {
    "lint": ["lint", "--no-cache", "go"],
    "rules": ["rules"],
    "conventions": ["conventions", "show", "go.goroutine.count"],
    "render": ["render", "go", "--set", "servicename=a", "--set", "serviceinstanceid=b",
               "--file", "dashboards/go-runtime-metrics.json"],
    "fmt": ["fmt", "--diff", "go"],
    "test": ["test", "--max-examples", "1", "--mode", "json-safe", "go"],
    "init": ["init", "demo", "--dir", "new", "--no-hook"],
}


@pytest.mark.parametrize("command", list(PRINTING))
def test_a_closed_standard_output_is_a_clear_error(tmp_path, command):
    _many_findings(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "pkgkit", *PRINTING[command]],
        cwd=tmp_path, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert (result.returncode, result.stderr) == (2, "pkgkit: error: standard output is closed\n")
    assert not (tmp_path / "new").exists()  # nothing done


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", list(PRINTING))
def test_a_full_standard_output_is_a_clear_error(tmp_path, command):
    _many_findings(tmp_path)
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "pkgkit", *PRINTING[command]],
            cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
            check=False,
        )
    the = "the report " if command == "lint" else ""
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"pkgkit: error: cannot write {the}to standard output: No space left on device"
    )
    assert "internal error" not in result.stderr


def test_a_report_that_cannot_be_written_leaves_no_partial_output_file(tmp_path):
    copy_go(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.json").mkdir()  # a folder where the report would go
    result = pkgkit(
        tmp_path, "lint", "--no-cache", "--format", "json", "--output", "out/report.json", "go"
    )
    assert result.returncode == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.json"]
    assert list((tmp_path / "out" / "report.json").iterdir()) == []


def test_a_configuration_error_quoting_the_file_is_escaped(tmp_path):
    copy_go(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "go" / ".pkgkit.yaml").write_text('"sel\\x1b[2Ject\\n::x": []\n', "utf-8")
    result = pkgkit(tmp_path, "lint", "go")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "pkgkit: error: go/.pkgkit.yaml:1: unknown key 'sel\\x1b[2Ject\\n::x'"
    )
    assert _unsafe(result.stderr) == []
