"""``pkgkit render``: both modes, invalid output, variable warnings, --out safety, --file."""

import hashlib
import json

import pytest

from helpers import copy_go, run_cli, write_package

DASHBOARD = "dashboards/main.json"
TRICKY = 'a"b\\c'


def _package(tmp_path, dashboard=None):
    return write_package(
        tmp_path / "pkg",
        {
            "package.json": {"name": "@instana-integration/demo", "version": "1.0.0"},
            "README.md": "# demo\n",
            DASHBOARD: dashboard or {"title": "{{ service }}", "id": "main"},
            "events/e.json": {"name": "{{ service }} down", "other": "{{ region }}"},
        },
    )


def _hashes(root):
    return {
        path.relative_to(root): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_instana_mode_html_escapes_and_breaks_json(tmp_path, capsys):
    root = _package(tmp_path)
    code, out, err = run_cli(
        capsys, "render", str(root), "--set", f"service={TRICKY}", "--file", DASHBOARD
    )
    assert code == 1
    assert '"title": "a&quot;b\\c"' in out  # printed although it is not JSON
    assert f"{root / DASHBOARD}: the rendered text is not valid JSON at line 2, column" in err
    assert "Invalid \\escape" in err


def test_json_safe_mode_encodes_the_value(tmp_path, capsys):
    root = _package(tmp_path)
    code, out, err = run_cli(
        capsys, "render", str(root), "--set", f"service={TRICKY}", "--mode", "json-safe",
        "--file", DASHBOARD,
    )
    assert code == 0, err
    assert json.loads(out) == {"title": TRICKY, "id": "main"}


def test_instana_mode_plain_value_renders_clean(tmp_path, capsys):
    root = _package(tmp_path)
    code, out, _ = run_cli(
        capsys, "render", str(root), "--set", "service=web", "--set", "region=eu",
        "--file", "events/e.json",
    )
    assert code == 0
    assert json.loads(out) == {"name": "web down", "other": "eu"}


def test_unset_and_unknown_variables_are_warned_once(tmp_path, capsys):
    root = _package(tmp_path)
    code, out, err = run_cli(capsys, "render", str(root), "--set", "service=web", "--set", "nope=1")
    assert code == 0
    assert err.count("variable 'region' is not set") == 1
    assert err.count("--set nope: unknown variable") == 1
    assert "'service'" not in err
    assert f"{DASHBOARD}: 1 of 1 placeholder(s) substituted (service)" in out
    assert "events/e.json: 1 of 2 placeholder(s) substituted (service)" in out
    assert "nothing written" in out


def test_instana_mode_empty_value_is_unset(tmp_path, capsys):
    root = _package(tmp_path)
    code, out, err = run_cli(capsys, "render", str(root), "--set", "service=", "--file", DASHBOARD)
    assert code == 0
    assert json.loads(out)["title"] == "{{ service }}"
    assert "variable 'service' is not set" in err


def test_unsupported_template_is_located(tmp_path, capsys):
    root = _package(tmp_path, dashboard='{\n  "title": "{{#if x}}y{{/if}}"\n}\n')
    code, _, err = run_cli(capsys, "render", str(root))
    assert code == 1
    assert f"{root / DASHBOARD}:2:13: cannot render: block helpers" in err


def test_bad_set_syntax_is_a_usage_error(tmp_path, capsys):
    root = _package(tmp_path)
    for bad in ("service", "=x", "a.b=1"):
        code, out, err = run_cli(capsys, "render", str(root), "--set", bad)
        assert code == 2, bad
        assert out == ""
        assert "pkgkit: error: --set" in err


def test_out_writes_files_and_leaves_the_package_alone(tmp_path, capsys):
    root = copy_go(tmp_path)
    before = _hashes(root)
    out_dir = tmp_path / "out"
    code, out, err = run_cli(
        capsys, "render", str(root), "--set", "servicename=web", "--set",
        "serviceinstanceid=i-1", "--out", str(out_dir),
    )
    assert code == 0, err
    assert _hashes(root) == before
    written = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.json"))
    assert written == sorted(
        p.relative_to(root).as_posix() for p in root.glob("*/*.json") if p.parent.name != "tests"
    )
    assert "package.json" not in written
    dashboard = (out_dir / "dashboards" / "go-runtime-metrics.json").read_text(encoding="utf-8")
    assert "{{" not in dashboard
    assert '"value": "web"' in dashboard
    assert out.count("wrote ") == len(written)
    assert not list(out_dir.rglob(".*.tmp"))


def test_out_refuses_a_symlink_escape(tmp_path, capsys):
    root = _package(tmp_path)
    out_dir, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out_dir.mkdir()
    elsewhere.mkdir()
    (out_dir / "dashboards").symlink_to(elsewhere)
    code, _, err = run_cli(capsys, "render", str(root), "--out", str(out_dir))
    assert code == 2
    assert "would be written outside" in err
    assert list(elsewhere.iterdir()) == []
    assert not (out_dir / "events").exists()  # refused before anything was written


def test_out_refuses_a_symlink_into_the_package(tmp_path, capsys):
    root = _package(tmp_path)
    (tmp_path / "dashboards").symlink_to(root / "dashboards")
    before = _hashes(root)
    code, _, err = run_cli(capsys, "render", str(root), "--out", str(tmp_path))
    assert code == 2
    assert "would be written into the package" in err
    assert _hashes(root) == before


@pytest.mark.parametrize("inside", [".", "dashboards", "new/folder"])
def test_out_refuses_the_package_and_folders_inside_it(tmp_path, capsys, inside):
    root = _package(tmp_path)
    before = _hashes(root)
    code, _, err = run_cli(capsys, "render", str(root), "--out", str(root / inside))
    assert code == 2
    assert "inside the package" in err
    assert _hashes(root) == before
    assert not (root / "new").exists()


def test_out_still_writes_the_other_files_when_one_is_broken(tmp_path, capsys):
    root = _package(tmp_path)
    out_dir = tmp_path / "out"
    code, _, err = run_cli(
        capsys, "render", str(root), "--set", f"service={TRICKY}", "--out", str(out_dir)
    )
    assert code == 1
    assert (out_dir / "events" / "e.json").is_file()
    assert f"{out_dir / DASHBOARD}: the rendered text is not valid JSON at line 2" in err


def test_file_prints_one_file(tmp_path, capsys):
    root = copy_go(tmp_path)
    relpath = "events/high-cpu-utilization.json"
    code, out, _ = run_cli(capsys, "render", str(root), "--file", f"./{relpath}")
    assert code == 0
    assert out == (root / relpath).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "relpath", ["../package.json", "package.json", "dashboards/../../x.json", "/etc/passwd",
                "dashboards/missing.json"],
)
def test_file_refuses_anything_but_a_content_file(tmp_path, capsys, relpath):
    root = _package(tmp_path)
    code, out, err = run_cli(capsys, "render", str(root), "--file", relpath)
    assert code == 2
    assert out == ""
    assert f"--file {relpath}:" in err


def test_out_and_file_exclude_each_other(tmp_path, capsys):
    root = _package(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        run_cli(capsys, "render", str(root), "--out", str(tmp_path / "o"), "--file", DASHBOARD)
    assert exit_info.value.code == 2


def test_path_must_be_a_package_folder(tmp_path, capsys):
    code, _, err = run_cli(capsys, "render", str(tmp_path))
    assert code == 2
    assert "not a package folder" in err
