from helpers import copy_go, findings, lint, write_package
from pkgkit.lint.config import load_config_file

REGISTRY = """\
scope: app
complete: true
groups:
  - {id: metric.app.x, type: metric, metric_name: app.context.deadline_exceeded,
     instrument: counter, unit: "{error}"}
  - {id: metric.http.client.open_connections, type: metric,
     metric_name: http.client.open_connections, instrument: updowncounter, unit: "{connection}"}
"""


def test_registry_outside_the_package_is_refused(tmp_path):
    package = copy_go(tmp_path)
    config = tmp_path / "pkgkit.toml"
    config.write_text('[tool.pkgkit]\nregistries = [\n  "../semconv.yaml",\n]\n')
    result = lint(
        package, select="MET012", registries=("../semconv.yaml",), source=str(config),
        registry_lines={"../semconv.yaml": 3},
    )
    assert [(d.code, d.line) for d in result] == [("MET012", 3)]
    assert "outside the package" in result[0].message


def test_a_loaded_configuration_locates_the_registry(tmp_path):
    package = copy_go(tmp_path)
    path = tmp_path / "pkgkit.toml"
    path.write_text('[tool.pkgkit]\nregistries = [\n  "semconv/none.yaml",\n]\n')
    config = load_config_file(str(path))
    result = lint(
        package, select="MET012", registries=config.registries, source=config.source,
        registry_lines=config.registry_lines,
    )
    assert [(d.code, d.path, d.line) for d in result] == [("MET012", str(path), 3)]


def test_absolute_missing_and_invalid_registries(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"semconv/bad.yaml": "groups: [", "semconv/list.yaml": "- 1\n"})
    paths = ("/etc/semconv.yaml", "semconv/none.yaml", "semconv/bad.yaml", "semconv/list.yaml")
    result = lint(package, select="MET012", registries=paths)
    assert findings(result) == [("MET012", ".", 1)] * 4
    assert [d.message.split(":")[0] for d in sorted(result, key=lambda d: d.message)] == [
        "cannot read registry 'semconv/none.yaml'",
        "registry '/etc/semconv.yaml' is outside the package; give a path inside it",
        "registry 'semconv/bad.yaml' is not valid YAML",
        "registry 'semconv/list.yaml'",
    ]


def test_a_registry_extends_the_catalogue(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"semconv/app.yaml": REGISTRY})
    assert lint(package, select="MET", registries=("semconv/app.yaml",)) == []
    write_package(package, {"semconv/app.yaml": REGISTRY.replace("deadline_exceeded", "deadline")})
    result = lint(package, select="MET004", registries=("semconv/app.yaml",))
    assert findings(result) == [
        ("MET004", "README.md", 102),
        ("MET004", "dashboards/go-runtime-metrics.json", 732),
        ("MET004", "events/context-deadline-exceeded.json", 11),
    ]


def test_no_registries_no_findings(tmp_path):
    assert lint(copy_go(tmp_path), select="MET012") == []


def test_a_registry_with_aliases_is_refused(tmp_path):
    package = copy_go(tmp_path)
    write_package(package, {"semconv/bomb.yaml": "groups: &g []\nmore: *g\n"})
    result = lint(package, select="MET012", registries=("semconv/bomb.yaml",))
    assert findings(result) == [("MET012", ".", 1)]
    assert result[0].message == (
        "registry 'semconv/bomb.yaml': YAML anchors and aliases are not allowed"
    )
