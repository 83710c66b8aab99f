"""Benchmark ``pkgkit lint``: throughput against a floor, memory against package count, start-up.

Run from the repository root with the interpreter that has pkgkit installed::

    .venv/bin/python bench/run.py                 # 1,000 packages (a few minutes)
    .venv/bin/python bench/run.py --packages 200 --repeat 3 --json

Everything is measured in ONE run, each process started the same way (``sys.executable``), so
the ratios compare like with like on a noisy machine; absolute times are only for context.
pkgkit runs with its result cache in a fresh folder of this run (``PKGKIT_CACHE_DIR``): *cold*
figures pass ``--no-cache`` (every package linted), *warm* ones run after a priming run has
stored every result (every package a cache hit).

1. Throughput: a synthetic monorepo of N packages shaped like ``fixtures/go`` (each copy with its
   own package name, file names and titles, so no two packages have the same bytes) is linted by
   ``pkgkit lint`` and read by the *floor*: a process that reads every file and ``json.loads``
   every JSON file. Target: lint within 5x of the floor. The floor is one process, and so is
   the lint it is compared with (``--jobs 1``); the lint is also timed with its default of
   several worker processes (the count is reported), still against the one-process floor.
2. Memory: peak RSS of linting N/10 packages against N packages, cold, in one process
   (``os.wait4`` reports each child's own peak). Target: no growth with the number of packages.
3. Start-up: ``pkgkit lint fixtures/go`` as a whole process against ``python -c pass``, cold and
   warm. Target: within 3x. The cold run finds the code cache of pkgkit's own modules that any
   earlier run writes (as it finds the ``.pyc`` files); it is also timed as the first run after
   installing, without it, and as a user's usual cold run: the result cache on, the package not
   in it (its result is stored; a copy of fixtures/go whose entry is removed before each run).
   With ``--installed``, also in a fresh virtual environment where pkgkit is installed as the
   README's first command installs it (``pip install .``, not editable): an editable install's
   ``.pth`` finder imports modules into every process of its environment, ``python -c pass``
   included, which makes that ratio look better than a user's.
4. ``pkgkit test fixtures/go`` with the default number of examples, against the package's cold
   lint time. Target: under max(10 s, 50 x lint).

Child processes run with bytecode caching on, as on any installed machine: the variable
``PYTHONDONTWRITEBYTECODE`` (set in some sandboxes) is removed from their environment, and the
priming runs write the ``.pyc`` files before anything is timed.

Every command is started by a small launcher process (``LAUNCHER``), which times it and reads its
peak RSS from ``os.wait4``: on Linux a child's peak starts at the RSS of the process it was forked
from, so only peaks above the launcher's own (reported as the resolution) are resolved.

Times are the best of ``--repeat`` runs, the commands of one figure taking turns; peak memory is
the highest of those runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pkgkit.commands.lint import jobs_for

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "fixtures" / "go"

#: Reads every file of a tree and parses the JSON ones: what any linter must at least do.
FLOOR = """
import json, os, sys
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        with open(os.path.join(folder, name), "rb") as handle:
            raw = handle.read()
        if name.endswith(".json"):
            json.loads(raw)
        else:
            raw.decode("utf-8")
"""


@dataclass
class Run:
    """One finished child process."""

    seconds: float
    peak_kib: int
    exit_code: int
    command: list[str]
    #: The launcher's own peak RSS: a child's peak at or below it is not resolved.
    launcher_kib: int = 0


#: Starts one measured command and reports its wall time, exit code and peak RSS. Every command
#: is started from this small process rather than from the benchmark itself: on Linux a child's
#: ru_maxrss includes the RSS of the process it was forked from (the benchmark holds the generated
#: tree's listings, ~25 MiB, more than a clean pkgkit lint's own peak), so the launcher's RSS
#: when it forks is the resolution of every figure (reported; a pkgkit peak must be above it).
LAUNCHER = """
import os, resource, sys, time
while "=" in sys.argv[1]:  # NAME=VALUE before the command, as env(1) reads it
    name, _, value = sys.argv.pop(1).partition("=")
    os.environ[name] = value
null = os.open(os.devnull, os.O_WRONLY)
try:  # the RSS a child starts from (Linux); elsewhere the launcher's peak, an upper bound
    with open("/proc/self/statm") as statm:
        own = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
except OSError:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(null, 1)
    os.dup2(null, 2)
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
print(seconds, os.waitstatus_to_exitcode(status), usage.ru_maxrss, own)
"""


def run(command: list[str], env: dict[str, str]) -> Run:
    """Run ``command`` to completion, output discarded; wall time and the child's own peak RSS."""
    launcher = [sys.executable, "-S", "-c", LAUNCHER, *command]
    report = subprocess.run(launcher, env=env, capture_output=True, text=True, check=True)
    seconds, exit_code, peak, launcher = report.stdout.split()
    # ru_maxrss is KiB on Linux, bytes on macOS.
    scale = 1024 if sys.platform == "darwin" else 1
    return Run(float(seconds), int(peak) // scale, int(exit_code), command, int(launcher) // scale)


def best_of(
    commands: dict[str, list[str]],
    repeat: int,
    env: dict[str, str],
    before: dict[str, Callable[[], None]] | None = None,
) -> dict[str, Run]:
    """Per command: the fastest time, the highest peak RSS; the commands take turns. ``before``
    holds, per command, what to do (untimed) before each of its runs."""
    best: dict[str, Run] = {}
    for _ in range(repeat):
        for name, command in commands.items():
            if before and name in before:
                before[name]()
            result = run(command, env)
            previous = best.get(name, result)
            best[name] = Run(
                min(result.seconds, previous.seconds),
                max(result.peak_kib, previous.peak_kib),
                result.exit_code,
                command,
                max(result.launcher_kib, previous.launcher_kib),
            )
    return best


def generate(root: Path, count: int) -> None:
    """``count`` variations of fixtures/go under ``root``: the first tenth in ``root/a``."""
    sources = {
        path.relative_to(FIXTURE).as_posix(): path.read_text("utf-8")
        for path in sorted(FIXTURE.rglob("*"))
        if path.is_file()
    }
    small = max(1, count // 10)
    for index in range(count):
        tag = f"{index:05d}"
        package = root / ("a" if index < small else "b") / f"go-{tag}"
        for relpath, text in sources.items():
            varied = (
                text.replace("@instana-integration/go", f"@instana-integration/go-{tag}")
                .replace("Go Runtime Metrics", f"Go Runtime Metrics {tag}")
                .replace("go-runtime-metrics", f"go-runtime-metrics-{tag}")
            )
            source = Path(relpath)
            if source.parent != Path():
                source = source.with_stem(f"{source.stem}-{tag}")
            target = package / source
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(varied, "utf-8")
    age(root)


def age(root: Path) -> None:
    """Date the tree an hour back: files written within the last seconds are not cached (a
    change within one timestamp tick could go unseen), and a real repository's are older."""
    past = time.time() - 3600
    for path in [root, *root.rglob("*")]:
        os.utime(path, (past, past))


def pkgkit_command(python: Path | str = sys.executable) -> list[str]:
    """The ``pkgkit`` console script next to ``python``, else ``python -m pkgkit``."""
    script = Path(python).with_name("pkgkit")
    return [str(script)] if script.exists() else [str(python), "-m", "pkgkit"]


def installed_python(workdir: Path) -> Path:
    """A fresh virtual environment with pkgkit installed as a user installs it (``pip install .``,
    not editable): an editable install's ``.pth`` finder imports modules into every process,
    ``python -c pass`` included, which flatters the start-up ratio."""
    venv = workdir / "installed"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(REPO)]
    subprocess.run(pip, check=True, stdout=subprocess.DEVNULL)
    return python


def startup_of(python: Path | str, env: dict[str, str], repeat: int) -> dict[str, Run]:
    """``python -c pass`` and a cold and a warm ``pkgkit lint fixtures/go``, taking turns; and
    the cold lint as the first run after installing pkgkit runs it: without the code cache of
    its modules (``first``: an empty cache folder that nothing is written to)."""
    lint = [*pkgkit_command(python), "lint"]
    run([*lint, str(FIXTURE)], env)  # the warm runs are hits; the code cache is written
    empty = tempfile.mkdtemp(prefix="pkgkit-bench-empty-")
    first = ["PYTHONDONTWRITEBYTECODE=1", f"PKGKIT_CACHE_DIR={empty}"]
    copy = Path(tempfile.mkdtemp(prefix="pkgkit-bench-store-")) / "go"
    shutil.copytree(FIXTURE, copy)
    age(copy)
    return best_of(
        {
            "pass": [str(python), "-c", "pass"],
            "cold": [*lint, "--no-cache", str(FIXTURE)],
            "warm": [*lint, str(FIXTURE)],
            "first": [*first, *lint, "--no-cache", str(FIXTURE)],
            "store": [*lint, str(copy)],
        },
        repeat,
        env,
        before={"store": lambda: forget_results(Path(env["PKGKIT_CACHE_DIR"]))},
    )


def forget_results(cache: Path) -> None:
    """Remove the result cache's entries (not the code cache): the next lint stores its result."""
    for entry in cache.glob("v*/**/*.json"):
        entry.unlink()


def measure(count: int, repeat: int, workdir: Path, installed: bool) -> dict[str, object]:
    """Every figure of the report, in one run."""
    repo = workdir / "repo"
    generate(repo, count)
    small = max(1, count // 10)
    unset = {"PKGKIT_DEBUG", "PYTHONDONTWRITEBYTECODE"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env["PKGKIT_CACHE_DIR"] = str(workdir / "cache")
    lint = [*pkgkit_command(), "lint"]
    cold = [*lint, "--no-cache"]
    serial = [*cold, "--jobs", "1"]
    files = sum(len(names) for _, _, names in os.walk(repo))
    size = sum(p.stat().st_size for p in repo.rglob("*") if p.is_file())

    throughput = best_of(
        {
            "lint": [*serial, str(repo)],
            "parallel": [*cold, str(repo)],
            "floor": [sys.executable, "-c", FLOOR, str(repo)],
            "small": [*serial, str(repo / "a")],
        },
        repeat,
        env,
    )
    for target in (repo, FIXTURE):  # store every result: the warm runs are all hits
        run([*lint, str(target)], env)
    warm = best_of({"lint": [*lint, str(repo)], "floor": throughput["floor"].command}, repeat, env)
    startup_repeat = max(10, repeat * 5)
    startup = startup_of(sys.executable, env, startup_repeat)
    regular = startup_of(installed_python(workdir), env, startup_repeat) if installed else None
    tests = best_of({"test": [*pkgkit_command(), "test", str(FIXTURE)]}, 1, env)
    sizes = {
        "count": count,
        "small": small,
        "files": files,
        "size": size,
        "jobs": jobs_for(None, count),
    }
    repeats = {"repeat": repeat, "startup": startup_repeat}
    runs = {"cold": throughput, "warm": warm, "startup": startup, "test": tests}
    if regular is not None:
        runs["installed"] = regular
    return report_of(sizes, repeats, runs)


def report_of(
    sizes: dict[str, int], repeats: dict[str, int], runs: dict[str, dict[str, Run]]
) -> dict[str, object]:
    """The figures as one flat mapping (``--json``)."""
    count, small, files, size = sizes["count"], sizes["small"], sizes["files"], sizes["size"]
    repeat, startup_repeat = repeats["repeat"], repeats["startup"]
    throughput, warm, startup = runs["cold"], runs["warm"], runs["startup"]
    test = runs["test"]["test"]
    large, floor, smaller = throughput["lint"], throughput["floor"], throughput["small"]
    parallel = throughput["parallel"]
    if floor.exit_code or startup["pass"].exit_code:
        raise SystemExit("bench: a reference process failed; its times mean nothing")
    pass_s = startup["pass"].seconds
    return {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "packages": count,
        "files": files,
        "megabytes": round(size / 1e6, 1),
        "repeat": repeat,
        "lint_exit_code": large.exit_code,
        "lint_s": large.seconds,
        "floor_s": floor.seconds,
        "lint_vs_floor": large.seconds / floor.seconds,
        "ms_per_package": 1000 * large.seconds / count,
        "parallel_jobs": sizes["jobs"],
        "parallel_lint_s": parallel.seconds,
        "parallel_vs_floor": parallel.seconds / floor.seconds,
        "parallel_exit_code": parallel.exit_code,
        "warm_lint_s": warm["lint"].seconds,
        "warm_floor_s": warm["floor"].seconds,
        "warm_lint_vs_floor": warm["lint"].seconds / warm["floor"].seconds,
        "warm_exit_code": warm["lint"].exit_code,
        "floor_peak_mib": floor.peak_kib / 1024,
        "small_packages": small,
        "small_peak_mib": smaller.peak_kib / 1024,
        "large_peak_mib": large.peak_kib / 1024,
        "rss_resolution_mib": max(floor.launcher_kib, smaller.launcher_kib, large.launcher_kib)
        / 1024,
        "memory_growth": large.peak_kib / smaller.peak_kib,
        "kib_per_package": (large.peak_kib - smaller.peak_kib) / (count - small)
        if count > small
        else 0.0,
        "startup_repeat": startup_repeat,
        "python_pass_ms": 1000 * pass_s,
        "fixture_ms": 1000 * startup["cold"].seconds,
        "fixture_vs_pass": startup["cold"].seconds / pass_s,
        "warm_fixture_ms": 1000 * startup["warm"].seconds,
        "warm_fixture_vs_pass": startup["warm"].seconds / pass_s,
        "first_fixture_ms": 1000 * startup["first"].seconds,
        "first_fixture_vs_pass": startup["first"].seconds / pass_s,
        "store_fixture_ms": 1000 * startup["store"].seconds,
        "store_fixture_vs_pass": startup["store"].seconds / pass_s,
        "fixture_exit_code": startup["cold"].exit_code,
        "warm_fixture_exit_code": startup["warm"].exit_code,
        "test_s": test.seconds,
        "test_budget_s": max(10.0, 50 * startup["cold"].seconds),
        "test_exit_code": test.exit_code,
        **installed_of(runs.get("installed")),
    }


def installed_of(startup: dict[str, Run] | None) -> dict[str, object]:
    """Start-up figures of the regular install (``--installed``), or None for each."""
    if startup is None:
        names = ("pass_ms", "fixture_ms", "vs_pass", "first_ms", "first_vs_pass", "store_ms")
        names += ("store_vs_pass",)
        return dict.fromkeys(f"installed_{name}" for name in names)
    pass_s, cold, first = startup["pass"].seconds, startup["cold"], startup["first"]
    store = startup["store"]
    if any(startup[name].exit_code for name in ("pass", "cold", "first", "store")):
        raise SystemExit("bench: a process of the regular install failed")
    return {
        "installed_pass_ms": 1000 * pass_s,
        "installed_fixture_ms": 1000 * cold.seconds,
        "installed_vs_pass": cold.seconds / pass_s,
        "installed_first_ms": 1000 * first.seconds,
        "installed_first_vs_pass": first.seconds / pass_s,
        "installed_store_ms": 1000 * store.seconds,
        "installed_store_vs_pass": store.seconds / pass_s,
    }


def installed_rows(r: dict[str, object]) -> list[tuple[str, str, str]]:
    """The regular install's start-up row, when it was measured."""
    if r["installed_vs_pass"] is None:
        return []
    result = (
        f"{r['installed_fixture_ms']:.0f} ms / {r['installed_pass_ms']:.0f} ms = "
        f"{r['installed_vs_pass']:.1f}x"
    )
    first = (
        f"{r['installed_first_ms']:.0f} ms / {r['installed_pass_ms']:.0f} ms = "
        f"{r['installed_first_vs_pass']:.1f}x"
    )
    store = (
        f"{r['installed_store_ms']:.0f} ms / {r['installed_pass_ms']:.0f} ms = "
        f"{r['installed_store_vs_pass']:.1f}x"
    )
    return [
        ("pkgkit lint fixtures/go, cold, regular install (pip install .)", result, "<= 3x"),
        ("the same, first run after installing (no code cache yet)", first, ""),
        ("the same with the result cache on: a miss that stores its result", store, ""),
    ]


def table(r: dict[str, object]) -> str:
    """The report as a small text table."""

    def f(key: str, spec: str) -> str:
        return format(r[key], spec)

    rows = [
        ("measure", "result", "target"),
        (
            f"lint {r['packages']} packages ({r['files']} files, {r['megabytes']} MB), cold",
            f"{f('lint_s', '.2f')} s ({f('ms_per_package', '.1f')} ms/package)",
            "",
        ),
        ("floor: read + json.loads every file", f"{f('floor_s', '.2f')} s", ""),
        ("lint / floor, cold (--no-cache), one process", f"{f('lint_vs_floor', '.1f')}x", "<= 5x"),
        (
            f"lint / floor, cold, {r['parallel_jobs']} worker processes (default --jobs)",
            f"{f('parallel_lint_s', '.2f')} s / {f('floor_s', '.2f')} s = "
            f"{f('parallel_vs_floor', '.1f')}x",
            "<= 5x",
        ),
        (
            "lint / floor, warm (every package a cache hit)",
            f"{f('warm_lint_s', '.2f')} s / {f('warm_floor_s', '.2f')} s = "
            f"{f('warm_lint_vs_floor', '.1f')}x",
            "<= 5x",
        ),
        (
            f"peak RSS, {r['small_packages']} packages",
            f"{f('small_peak_mib', '.1f')} MiB",
            "",
        ),
        (f"peak RSS, {r['packages']} packages", f"{f('large_peak_mib', '.1f')} MiB", ""),
        ("peak RSS resolution (the launcher's RSS)", f"{f('rss_resolution_mib', '.1f')} MiB", ""),
        (
            "memory growth",
            f"{f('memory_growth', '.2f')}x ({f('kib_per_package', '.2f')} KiB/package)",
            "~1x",
        ),
        ("python -c pass", f"{f('python_pass_ms', '.0f')} ms", ""),
        (
            "pkgkit lint fixtures/go (whole process), cold",
            f"{f('fixture_ms', '.0f')} ms ({f('fixture_vs_pass', '.1f')}x python -c pass)",
            "<= 3x",
        ),
        (
            "pkgkit lint fixtures/go (whole process), warm",
            f"{f('warm_fixture_ms', '.0f')} ms ({f('warm_fixture_vs_pass', '.1f')}x)",
            "<= 3x",
        ),
        *installed_rows(r),
        (
            "pkgkit test fixtures/go (default examples)",
            f"{f('test_s', '.1f')} s (exit {r['test_exit_code']})",
            f"<= {f('test_budget_s', '.1f')} s",
        ),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    head = f"{r['date']}, {r['machine']}, best of {r['repeat']} (start-up: {r['startup_repeat']})"
    return head + "\n" + "\n".join(line.rstrip() for line in lines)


def main(argv: list[str] | None = None) -> int:
    """Parse options, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=1000, help="packages (default: 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (default: 3)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--keep", action="store_true", help="keep the generated monorepo")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="also time start-up in a fresh non-editable install (pip install .; needs the index)",
    )
    args = parser.parse_args(argv)
    if args.packages < 1 or args.repeat < 1:
        parser.error("--packages and --repeat must be at least 1")
    workdir = Path(tempfile.mkdtemp(prefix="pkgkit-bench-"))
    try:
        report = measure(args.packages, args.repeat, workdir, args.installed)
    finally:
        if args.keep:
            sys.stderr.write(f"kept {workdir}\n")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(report, indent=2) if args.json else table(report))
    if report["lint_exit_code"] != report["fixture_exit_code"]:
        sys.stderr.write("warning: the generated packages do not lint like fixtures/go\n")
    if report["parallel_exit_code"] != report["lint_exit_code"]:
        sys.stderr.write("warning: the parallel lint exited differently from the serial one\n")
    if (report["warm_exit_code"], report["warm_fixture_exit_code"]) != (
        report["lint_exit_code"],
        report["fixture_exit_code"],
    ):
        sys.stderr.write("warning: a warm run exited differently from the cold one\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
