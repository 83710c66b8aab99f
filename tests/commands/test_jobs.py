"""``--jobs``: several packages linted by worker processes report exactly what one process does."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

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


#: Run in each worker as it lints its first package (through ``sitecustomize``): the first
#: worker to get there writes the pids of the lint process's children (the workers) to
#: ``workers/`` and SIGKILLs the lint process, as an out-of-memory killer or a CI job's timeout
#: does. Only once, and only while the lint process is its parent.
KILL_THE_PARENT = """\
import multiprocessing, os, pathlib, signal
import pkgkit.lint.engine as engine
_lint_root = engine.lint_root
_workers = pathlib.Path(__file__).parent / "workers"
def _children(parent):
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                if int(stat.read().rsplit(")", 1)[1].split()[1]) == parent:
                    yield entry
        except (OSError, ValueError):
            continue
def _lint_root_killing_the_parent(*args, **kwargs):
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() == parent.pid:
        try:
            os.close(os.open(_workers / "killed", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return _lint_root(*args, **kwargs)
        for pid in _children(parent.pid):
            (_workers / pid).touch()
        os.kill(parent.pid, signal.SIGKILL)
    return _lint_root(*args, **kwargs)
engine.lint_root = _lint_root_killing_the_parent
"""


def _running(pid):
    """True while ``pid`` is a process that has not ended (a zombie, ended but not yet reaped
    by whoever adopted it, has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="reads process states in /proc")
def test_workers_end_when_the_lint_process_is_killed(monorepo, tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill-the-parent")
    (folder / "sitecustomize.py").write_text(KILL_THE_PARENT, encoding="utf-8")
    (folder / "workers").mkdir()
    path = os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))
    process = subprocess.Popen(  # no pipes: the workers would hold them open
        [sys.executable, "-m", "pkgkit", "lint", "--no-cache", "--jobs", "2", "."],
        cwd=monorepo, env={**os.environ, "PYTHONPATH": path},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    assert process.wait(120) == -signal.SIGKILL
    workers = [int(p.name) for p in (folder / "workers").iterdir() if p.name != "killed"]
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = [pid for pid in workers if _running(pid)]
    for pid in alive:  # the workers of a pkgkit that leaves them behind: not left by this test
        os.kill(pid, signal.SIGKILL)
    assert alive == []
