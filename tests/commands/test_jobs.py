"""``--jobs``: several packages linted by worker processes report exactly what one process does."""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from helpers import GO_FIXTURE, edit_text, go_with_duplicate_key, run_cli
from pkgkit.commands.lint import DEFAULT_MAX_JOBS, available_cpus, jobs_for
from pkgkit.rules import all_rules

MISSPELT = "go.goroutine.cuont"


@pytest.fixture
def monorepo(tmp_path, monkeypatch):
    """Five copies of fixtures/go below ``tmp_path`` (a repository root), the working directory:
    ``go`` repeats a key (PKG008), ``go-3`` misspells a metric (MET004: not emitted)."""
    go_with_duplicate_key(tmp_path)
    for index in range(1, 5):
        shutil.copytree(GO_FIXTURE, tmp_path / f"go-{index}")
    event = tmp_path / "go-3" / "events" / "high-goroutine-count.json"
    edit_text(event, 'runtime/go.goroutine.count"', f'runtime/{MISSPELT}"')
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_two_jobs_report_what_one_job_reports(monorepo, capsys, output_format):
    serial = run_cli(capsys, "lint", "--no-cache", "--format", output_format, "--jobs", "1", ".")
    parallel = run_cli(capsys, "lint", "--no-cache", "--format", output_format, "--jobs", "2", ".")
    assert parallel == serial
    code, out, _ = serial
    assert code == 1
    if output_format == "json":
        found = {(item["path"].split("/")[0], item["rule"]) for item in json.loads(out)}
        assert found == {("go", "PKG008"), ("go-3", "MET004")}
    else:
        assert "5 packages checked" in out


def test_workers_write_and_read_the_result_cache(monorepo, capsys, monkeypatch):
    cache = monorepo / ".cache"  # hidden: not searched for packages
    monkeypatch.setenv("PKGKIT_CACHE_DIR", str(cache))
    past = time.time() - 3600  # older than the racy window: results are stored
    for path in [monorepo, *monorepo.rglob("*")]:
        os.utime(path, (past, past))
    first = run_cli(capsys, "lint", "--jobs", "2", ".")
    assert len(list((cache / "v1").glob("*.json"))) == 5
    assert run_cli(capsys, "lint", "--jobs", "2", "--strict", ".")[0] == 1  # other options: misses
    assert run_cli(capsys, "lint", "--jobs", "2", ".") == first
    assert run_cli(capsys, "lint", "--jobs", "1", "--no-cache", ".") == first


def test_a_rule_crash_in_a_worker_is_an_internal_error(monorepo, capsys, monkeypatch):
    rule = next(r for r in all_rules() if r.CODE == "PKG003")

    def crash(context):
        raise RuntimeError("boom")

    monkeypatch.setattr(rule, "check", crash)  # forked workers inherit the patched rule
    serial = run_cli(capsys, "lint", "--no-cache", "--jobs", "1", ".")
    parallel = run_cli(capsys, "lint", "--no-cache", "--jobs", "2", ".")
    assert parallel == serial
    code, _, err = parallel
    assert code == 2
    assert err.count("pkgkit: internal error: rule PKG003 crashed on ") == 5
    assert "RuntimeError('boom')" in err


def test_the_default_is_one_job_per_cpu_up_to_a_limit_and_never_more_than_packages():
    assert jobs_for(None, 1) == 1
    assert jobs_for(None, 100) == min(available_cpus(), DEFAULT_MAX_JOBS)
    assert jobs_for(8, 3) == 3
    assert jobs_for(1, 100) == 1


@pytest.mark.parametrize("value", ["0", "-1", "two", ""])
def test_jobs_must_be_a_positive_whole_number(monorepo, capsys, value):
    with pytest.raises(SystemExit) as raised:
        run_cli(capsys, "lint", "--jobs", value, ".")
    assert raised.value.code == 2
    assert "argument --jobs: expected a whole number of at least 1" in capsys.readouterr().err


def test_the_test_command_refuses_jobs(monorepo, capsys):
    code, _, err = run_cli(capsys, "test", "--jobs", "2", ".")
    assert code == 2
    assert "--jobs is a 'pkgkit lint' option; 'pkgkit test' does not take it" in err


def test_one_job_imports_no_process_pool(tmp_path):
    script = (
        "import sys\n"
        "from pkgkit.cli import main\n"
        f"code = main(['lint', '--no-cache', {str(GO_FIXTURE)!r}])\n"
        "pools = ('concurrent.futures', 'multiprocessing')\n"
        "print(code, sorted(m for m in pools if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.splitlines()[-1] == "0 []"


def test_a_configuration_error_is_a_usage_error_as_with_one_job(monorepo, capsys):
    (monorepo / ".pkgkit.yaml").write_text("ignore: [NOPE1]\n")
    serial = run_cli(capsys, "lint", "--no-cache", "--jobs", "1", ".")
    assert run_cli(capsys, "lint", "--no-cache", "--jobs", "2", ".") == serial
    assert serial[0] == 2
    assert serial[2].startswith("pkgkit: error: .pkgkit.yaml:1: ")
