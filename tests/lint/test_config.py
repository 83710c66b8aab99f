"""Configuration files: discovery per package, layering with the command line, and refusal of
every bad file with its name and line (exit 2, no traceback)."""

import shutil
import subprocess
import sys
import textwrap
import time

import pytest

from helpers import go_with_duplicate_key, run_cli
from pkgkit.diagnostics import Severity
from pkgkit.lint.config import Config, ConfigError, find_config_file, load_config_file


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package with one PKG008 finding, below a repository root; the working directory."""
    monkeypatch.chdir(tmp_path)
    return go_with_duplicate_key(tmp_path)


def write(path, text):
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def lint(capsys, *argv):
    return run_cli(capsys, "lint", *argv)


# --------------------------------------------------------------------------- discovery


def test_yaml_file_above_the_package_applies(package, tmp_path, capsys):
    write(tmp_path / ".pkgkit.yaml", "ignore: [PKG008]\n")
    assert lint(capsys, "go")[0] == 0


def test_pyproject_tool_table_applies(package, tmp_path, capsys):
    write(tmp_path / "pyproject.toml", """
        [project]
        name = "x"

        [tool.pkgkit]
        ignore = ["PKG008"]
    """)
    assert lint(capsys, "go")[0] == 0


def test_pyproject_without_tool_table_is_passed_over(package, tmp_path, capsys):
    write(tmp_path / ".pkgkit.yaml", "ignore: [PKG008]\n")
    write(package / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_config_file(str(package)) == str(tmp_path / ".pkgkit.yaml")
    assert lint(capsys, "go")[0] == 0


def test_nearest_file_wins_per_package(package, tmp_path, capsys):
    other = tmp_path / "other"
    shutil.copytree(package, other)
    write(tmp_path / ".pkgkit.yaml", "ignore: [PKG008]\n")
    write(package / ".pkgkit.yaml", "select: [PKG]\n")
    code, out, _ = lint(capsys, ".")
    assert code == 1
    assert "go/dashboards/go-runtime-metrics.json:4:3: PKG008" in out
    assert "other/dashboards" not in out


def test_search_stops_at_the_repository_root(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    go_with_duplicate_key(repo)
    write(tmp_path / ".pkgkit.yaml", "ignore: [PKG008]\n")
    assert find_config_file(str(repo / "go")) is None
    assert lint(capsys, "repo/go")[0] == 1


def test_yaml_is_preferred_to_pyproject_in_one_folder(package, tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.pkgkit]\nstrict = true\n")
    write(tmp_path / ".pkgkit.yaml", "strict: false\n")
    assert find_config_file(str(package)) == str(tmp_path / ".pkgkit.yaml")


# --------------------------------------------------------------------------- layers


def test_explicit_config_file_and_isolated(package, tmp_path, capsys):
    write(tmp_path / ".pkgkit.yaml", "select: [DOC]\n")
    write(tmp_path / "ci.yaml", "ignore: [PKG008]\n")
    assert lint(capsys, "go", "--config", "ci.yaml")[0] == 0
    write(tmp_path / ".pkgkit.yaml", "ignore: [PKG008]\n")
    assert lint(capsys, "go", "--isolated")[0] == 1


def test_command_line_replaces_the_file_value(package, tmp_path, capsys):
    write(tmp_path / ".pkgkit.yaml", "ignore: [PKG008]\n")
    code, out, _ = lint(capsys, "go", "--ignore", "DOC")
    assert code == 1
    assert "PKG008" in out


def test_severity_override_makes_a_warning(package, tmp_path, capsys):
    write(tmp_path / ".pkgkit.yaml", "severity:\n  PKG00: warning\n")
    code, out, _ = lint(capsys, "go")
    assert code == 0
    assert "PKG008 [warning]" in out


def test_per_file_ignores_are_package_relative_globs(package, tmp_path, capsys):
    write(tmp_path / ".pkgkit.yaml", """
        per-file-ignores:
          "dashboards/*.json": [PKG008]
    """)
    assert lint(capsys, "go")[0] == 0
    write(tmp_path / ".pkgkit.yaml", """
        per-file-ignores:
          "events/*.json": [PKG008]
    """)
    assert lint(capsys, "go")[0] == 1


def test_every_key_is_loaded(tmp_path):
    path = write(tmp_path / ".pkgkit.yaml", """
        select: [PKG, DOC001]
        ignore: [PKG01]
        severity: {MET: warning}
        per-file-ignores: {"events/*.json": [DOC]}
        strict: true
        variables:
          servicename: {type: string, pattern: "^[a-z]+$"}
        registries: [conventions/extra.yaml]
    """)
    assert load_config_file(str(path)) == Config(
        select=("PKG", "DOC001"),
        ignore=("PKG01",),
        severity={"MET": Severity.WARNING},
        per_file_ignores={"events/*.json": ("DOC",)},
        strict=True,
        variables={"servicename": {"type": "string", "pattern": "^[a-z]+$"}},
        registries=("conventions/extra.yaml",),
        source=str(path),
        registry_lines={"conventions/extra.yaml": 8},
    )


def test_the_line_naming_each_registry_is_recorded(tmp_path):
    toml = write(tmp_path / "pkgkit.toml", """
        [tool.pkgkit]
        registries = [
          "semconv/a.yaml",
          "semconv/b.yaml",
        ]
    """)
    lines = {"semconv/a.yaml": 3, "semconv/b.yaml": 4}
    assert load_config_file(str(toml)).registry_lines == lines
    yaml = write(tmp_path / ".pkgkit.yaml", "registries:\n  - semconv/a.yaml\n  - semconv/b.yaml\n")
    assert load_config_file(str(yaml)).registry_lines == {"semconv/a.yaml": 2, "semconv/b.yaml": 3}


def test_empty_yaml_file_is_the_defaults(tmp_path):
    path = write(tmp_path / ".pkgkit.yaml", "# nothing yet\n")
    assert load_config_file(str(path)) == Config(source=str(path))


# --------------------------------------------------------------------------- refused files


BAD_YAML = [
    ("select: [PKG]\nselct: []\n", 2, "unknown key 'selct' (did you mean 'select'?)"),
    ("ignore:\n  - PKG008\n  - PKX008\n", 3, "'PKX008' (did you mean 'PKG008'?)"),
    ("severity:\n  PKG008: fatal\n", 2, "'severity.PKG008': 'fatal' is not one of ['error', "),
    ("severity:\n  PGK: warning\n", 2, "unknown rule code or prefix 'PGK' (did you mean 'PKG'?)"),
    ("per-file-ignores:\n  'a/*.json': [DOCC]\n", 2, "unknown rule code or prefix 'DOCC'"),
    ("strict: yes please\n", 1, "'strict': 'yes please' is not of type 'boolean'"),
    ("select: PKG008\n", 1, "'select': 'PKG008' is not of type 'array'"),
    ("variables:\n  svc:\n    type: strng\n", 3, "variables.svc: not a valid JSON Schema"),
    ("registries:\n  - ../elsewhere.yaml\n", 2, "must be a path inside the package"),
    ("strict: true\nstrict: false\n", 2, "duplicate key 'strict' (first at line 1)"),
    ("1: x\n", 1, "key '1' is not a string"),
    ("- select\n", 1, "the configuration must be a mapping"),
    ("select: [PKG\n", 2, "invalid YAML"),
    ("a: !!python/object/apply:os.system ['touch pwned']\n", 1, "invalid YAML"),
    ("x: &a [1]\ny: *a\n", 1, "YAML anchors and aliases are not allowed"),
]


@pytest.mark.parametrize("case", BAD_YAML)
def test_bad_yaml_is_refused_with_file_and_line(package, tmp_path, capsys, case):
    text, line, message = case
    (tmp_path / ".pkgkit.yaml").write_text(text, encoding="utf-8")
    code, out, err = lint(capsys, "go")
    assert code == 2
    assert out == ""
    assert f".pkgkit.yaml:{line}: " in err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "pwned").exists()


BAD_TOML = [
    ('[tool.pkgkit]\nselect = ["PKG"]\n\nignroe = ["DOC"]\n', 4, "unknown key 'ignroe'"),
    ('[tool.pkgkit]\nstrict = true\n\n[tool.pkgkit.severity]\nPKG008 = "fatal"\n', 5, "'fatal'"),
    ('[tool.pkgkit.per-file-ignores]\n"a.json" = ["ZZZ"]\n', 2, "unknown rule code or prefix"),
    ("[tool.pkgkit]\nstrict = tru\nselect = []\n", 2, "invalid TOML: Invalid value"),
    ('[tool.pkgkit]\nselect = ["PKG"\n', 2, "invalid TOML: Unclosed array"),
]


@pytest.mark.parametrize("case", BAD_TOML)
def test_bad_toml_is_refused_with_file_and_line(package, tmp_path, capsys, case):
    text, line, message = case
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    code, _, err = lint(capsys, "go")
    assert code == 2
    assert f"pyproject.toml:{line}: " in err
    assert message in err


#: TOML that tomllib reads, with a problem in a value below its key: (text, where and what).
TOML_VALUES = [
    (  # an item of a list written over several lines: its own line, as in YAML
        '[tool.pkgkit]\nignore = [\n  "PKG008",\n  "PKX008",\n]\n',
        "4: unknown rule code or prefix 'PKX008' (did you mean 'PKG008'?)",
    ),
    (
        '[tool.pkgkit.per-file-ignores]\n"a/*.json" = [\n  "DOC",  # ok\n  "DOCC",\n]\n',
        "4: unknown rule code or prefix 'DOCC' (did you mean 'DOC'?)",
    ),
    (
        "[tool.pkgkit]\nregistries = [\n  'ok.yaml',\n  '../out.yaml',\n]\n",
        "4: registry '../out.yaml' must be a path inside the package, without '..'",
    ),
    (  # a number too long for int(): tomllib says no line
        '[tool.pkgkit]\nselect = ["PKG"]\nstrict = [\n  1,\n  ' + "9" * 5000 + ",\n]\n",
        "5: invalid TOML: a number too long to read",
    ),
    (  # what a multi-line string holds is no table or key
        '[project]\ndescription = """\n[tool.pkgkit]\nselect = 5\n"""\n[tool.pkgkit]\n'
        'select = [\n  "PKG",\n  "PKZ",\n]\n',
        "9: unknown rule code or prefix 'PKZ' (did you mean 'PKG'?)",
    ),
]


@pytest.mark.parametrize(
    ("text", "problem"),
    TOML_VALUES,
    ids=["list-item", "per-file-ignores-item", "registry", "long-number", "multi-line-string"],
)
def test_toml_problems_are_located_at_their_value(package, tmp_path, capsys, text, problem):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert lint(capsys, "go") == (2, "", f"pkgkit: error: pyproject.toml:{problem}\n")


def test_every_problem_is_listed(tmp_path):
    path = write(tmp_path / ".pkgkit.yaml", "selct: []\nstrict: 1\n")
    with pytest.raises(ConfigError) as caught:
        load_config_file(str(path))
    assert [line for line, _ in caught.value.problems] == [1, 2]


def test_every_problem_is_one_line_of_its_own(package, tmp_path, capsys):
    """They were one line, joined by an escaped line break ('\\n')."""
    write(tmp_path / ".pkgkit.yaml", "selct: []\nstrict: 1\n")
    assert lint(capsys, "go") == (2, "", (
        "pkgkit: error: .pkgkit.yaml:1: unknown key 'selct' (did you mean 'select'?)\n"
        "pkgkit: error: .pkgkit.yaml:2: 'strict': 1 is not of type 'boolean'\n"
    ))


def test_billion_laughs_is_refused_quickly(package, tmp_path, capsys):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (tmp_path / ".pkgkit.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    code, _, err = lint(capsys, "go")
    assert time.perf_counter() - started < 5
    assert code == 2
    assert ".pkgkit.yaml:1: YAML anchors and aliases are not allowed" in err


def test_missing_explicit_file(package, capsys):
    code, _, err = lint(capsys, "go", "--config", "nope.yaml")
    assert code == 2
    assert "nope.yaml:1: no such configuration file" in err


def test_explicit_toml_needs_the_tool_table(package, tmp_path, capsys):
    write(tmp_path / "settings.toml", "[tool.ruff]\nline-length = 1\n")
    code, _, err = lint(capsys, "go", "--config", "settings.toml")
    assert code == 2
    assert "settings.toml:1: no [tool.pkgkit] table" in err


def test_unknown_code_on_the_command_line(package, capsys):
    code, _, err = lint(capsys, "go", "--select", "PKG008,DCO")
    assert code == 2
    assert "--select: unknown rule code or prefix 'DCO' (did you mean 'DOC'?)" in err


def test_no_config_file_imports_no_parser(package, tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    script = (
        "import sys\n"
        "from pkgkit.lint.config import ConfigResolver\n"
        f"ConfigResolver().for_package({str(package)!r})\n"
        "print(sorted(m for m in ('yaml', 'tomllib', 'jsonschema') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_shared_memo_finds_what_each_walk_finds(tmp_path):
    """ConfigResolver remembers each folder's answer: any order of packages, same files."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    folders = ["repo/a/p1", "repo/a/p2", "repo/b/c/p3", "repo/b/p4", "repo/p5", "repo/d/p6"]
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True)
    write(tmp_path / "repo" / ".pkgkit.yaml", "strict: true\n")
    write(tmp_path / "repo" / "b" / ".pkgkit.yml", "strict: true\n")
    write(tmp_path / "repo" / "d" / "pyproject.toml", "[tool.other]\nx = 1\n")
    write(tmp_path / "repo" / "a" / "p2" / "pyproject.toml", "[tool.pkgkit]\nstrict = true\n")
    write(tmp_path / ".pkgkit.yaml", "strict: true\n")  # above .git: never found
    alone = {folder: find_config_file(str(tmp_path / folder)) for folder in folders}
    assert alone["repo/a/p1"] == alone["repo/p5"] == str(tmp_path / "repo" / ".pkgkit.yaml")
    assert alone["repo/b/c/p3"] == str(tmp_path / "repo" / "b" / ".pkgkit.yml")
    assert alone["repo/a/p2"] == str(tmp_path / "repo" / "a" / "p2" / "pyproject.toml")
    assert alone["repo/d/p6"] == str(tmp_path / "repo" / ".pkgkit.yaml")
    for order in (folders, folders[::-1], folders[2:] + folders[:2]):
        memo: dict[str, str | None] = {}
        assert {f: find_config_file(str(tmp_path / f), memo) for f in order} == alone
