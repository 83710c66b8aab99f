"""Benchmark what pkgkit's users wait for: real packages with findings, start-up, ``pkgkit test``.

Run from the repository root with the interpreter that has pkgkit installed::

    .venv/bin/python bench/run.py                 # every figure of the README (several minutes)
    .venv/bin/python bench/run.py --packages 200 --repeat 3 --json

Everything is measured in ONE run, each process started the same way (``sys.executable``), so
the ratios compare like with like on a noisy machine; absolute times are only for context.
pkgkit runs with its result cache in a fresh folder of this run (``PKGKIT_CACHE_DIR``): *cold*
figures pass ``--no-cache`` (every package linted), *warm* ones run after a priming run has
stored every result (every package a cache hit).

1. Published packages: the packages Instana publishes (``../shared/reference/packages`` from the
   repository root) copied into a monorepo of at least ``--published`` packages (500), linted
   cold in one process (``--jobs 1``) against the *floor*: one process that reads every file and
   ``json.loads`` every JSON file of the same tree. Every published package has findings, so
   this times the findings path (locating, hints, reporting). Target: within 3x of the floor.
   Skipped, with a message, when ``../shared`` is absent.
2. Synthetic packages: a monorepo of ``--packages`` packages shaped like ``fixtures/go`` (each
   copy with its own package name, file names and titles: no two packages have the same bytes)
   and its floor, cold in one process, with the default ``--jobs`` and warm.
3. Memory: peak RSS of linting N/10 synthetic packages against N, cold, in one process
   (``os.wait4`` reports each child's own peak). Target: no growth with the number of packages.
4. Start-up, whole processes against ``python -c pass``: ``pkgkit lint --no-cache`` of the
   published go package (it has findings; target 4x) and of ``fixtures/go`` (clean; target 4x in
   a regular install), a warm ``pkgkit lint fixtures/go``, and a lint that stores its result
   (the result cache on, the package not in it). With ``--installed``, also in a fresh virtual
   environment where pkgkit is installed as the README's first command installs it
   (``pip install .``, not editable): an editable install's ``.pth`` finder imports modules into
   every process of its environment, ``python -c pass`` included, which makes that ratio look
   better than a user's.
5. ``pkgkit test fixtures/go`` with the default number of examples. Target: 3 s.

Child processes run with bytecode caching on, as on any installed machine: the variable
``PYTHONDONTWRITEBYTECODE`` (set in some sandboxes) is removed from their environment, and the
priming runs write the ``.pyc`` files before anything is timed.

Every command is started by a small launcher process (``LAUNCHER``), which times it and reads its
peak RSS from ``os.wait4``: on Linux a child's peak starts at the RSS of the process it was forked
from, so only peaks above the launcher's own (reported as the resolution) are resolved.

Times are the best of ``--repeat`` runs, the commands of one figure taking turns; peak memory is
the highest of those runs. Each time is given as wall time (what a user waits for) and as CPU time
(user + system, from ``os.wait4``): on a shared machine the load changes between two commands
and moves wall-time ratios a lot; CPU-time ratios move far less, and for one process on an idle
machine the two agree.
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
#: The packages Instana publishes, beside the repository (absent outside the team's machines).
PUBLISHED = REPO.parent / "shared" / "reference" / "packages"

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
    #: CPU time (user + system) of the process and the children it waited for.
    cpu_seconds: float = 0.0


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
cpu = usage.ru_utime + usage.ru_stime
print(seconds, os.waitstatus_to_exitcode(status), usage.ru_maxrss, own, cpu)
"""


def run(command: list[str], env: dict[str, str]) -> Run:
    """Run ``command`` to completion, output discarded; wall time and the child's own peak RSS."""
    launcher = [sys.executable, "-S", "-c", LAUNCHER, *command]
    report = subprocess.run(launcher, env=env, capture_output=True, text=True, check=True)
    seconds, exit_code, peak, own, cpu = report.stdout.split()
    # ru_maxrss is KiB on Linux, bytes on macOS.
    scale = 1024 if sys.platform == "darwin" else 1
    return Run(
        float(seconds), int(peak) // scale, int(exit_code), command, int(own) // scale, float(cpu)
    )


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
                min(result.cpu_seconds, previous.cpu_seconds),
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


#: Start-up commands besides ``python -c pass``, in table order: what each lints, how.
STARTUP = ("fixture", "go", "warm", "store")


def startup_of(python: Path | str, env: dict[str, str], repeat: int) -> dict[str, Run]:
    """``python -c pass`` and whole ``pkgkit lint`` processes, taking turns: ``fixture`` cold
    (``--no-cache``) on the clean fixtures/go, ``go`` cold on the published go package (it has
    findings; left out without ``../shared``), ``warm`` a cache hit on fixtures/go, ``store`` the
    result cache on and the package not in it (a copy of fixtures/go whose entry is removed,
    untimed, before each run: its result is stored)."""
    lint = [*pkgkit_command(python), "lint"]
    run([*lint, str(FIXTURE)], env)  # the warm runs are hits; the .pyc files are written
    copy = Path(tempfile.mkdtemp(prefix="pkgkit-bench-store-")) / "go"
    shutil.copytree(FIXTURE, copy)
    age(copy)
    commands = {
        "pass": [str(python), "-c", "pass"],
        "fixture": [*lint, "--no-cache", str(FIXTURE)],
        "warm": [*lint, str(FIXTURE)],
        "store": [*lint, str(copy)],
    }
    if PUBLISHED.is_dir():
        commands["go"] = [*lint, "--no-cache", str(PUBLISHED / "go")]
    try:
        return best_of(
            commands,
            repeat,
            env,
            before={"store": lambda: forget_results(Path(env["PKGKIT_CACHE_DIR"]))},
        )
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)


def forget_results(cache: Path) -> None:
    """Remove the result cache's entries: the next lint stores its result."""
    for entry in cache.glob("v*/**/*.json"):
        entry.unlink()


def copy_published(root: Path, minimum: int) -> int:
    """Copies of every published package under ``root`` (``go-00``, ``jenkins-00``, ...), as
    many rounds as make at least ``minimum`` packages; the number of packages made."""
    packages = sorted(path for path in PUBLISHED.iterdir() if (path / "package.json").is_file())
    rounds = -(-minimum // len(packages))
    for index in range(rounds):
        for package in packages:
            shutil.copytree(package, root / f"{package.name}-{index:02d}")
    age(root)
    return rounds * len(packages)


def tree_size(root: Path) -> tuple[int, int]:
    """Number of files and bytes under ``root``."""
    files = [path for path in root.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def published_of(
    workdir: Path, minimum: int, repeat: int, env: dict[str, str]
) -> dict[str, object]:
    """Figure 1: the published packages' monorepo, cold in one process, against its floor."""
    if not PUBLISHED.is_dir():
        sys.stderr.write(
            f"bench: {PUBLISHED} not found: the published-package figures are skipped "
            "(the team's machines have ../shared beside the repository)\n"
        )
        return {"published_packages": None}
    root = workdir / "published"
    count = copy_published(root, minimum)
    files, size = tree_size(root)
    serial = [*pkgkit_command(), "lint", "--no-cache", "--jobs", "1"]
    runs = best_of(
        {"lint": [*serial, str(root)], "floor": [sys.executable, "-c", FLOOR, str(root)]},
        repeat,
        env,
    )
    lint, floor = runs["lint"], runs["floor"]
    if floor.exit_code:
        raise SystemExit("bench: the floor failed on the published packages")
    return {
        "published_packages": count,
        "published_files": files,
        "published_megabytes": round(size / 1e6, 1),
        "published_lint_s": lint.seconds,
        "published_floor_s": floor.seconds,
        "published_vs_floor": lint.seconds / floor.seconds,
        "published_lint_cpu_s": lint.cpu_seconds,
        "published_floor_cpu_s": floor.cpu_seconds,
        "published_cpu_vs_floor": lint.cpu_seconds / floor.cpu_seconds,
        "published_exit_code": lint.exit_code,
        "published_peak_mib": lint.peak_kib / 1024,
    }


def measure(args: argparse.Namespace, workdir: Path) -> dict[str, object]:
    """Every figure of the report, in one run."""
    count, repeat = args.packages, args.repeat
    unset = {"PKGKIT_DEBUG", "PYTHONDONTWRITEBYTECODE"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env["PKGKIT_CACHE_DIR"] = str(workdir / "cache")
    published = published_of(workdir, args.published, repeat, env)
    repo = workdir / "repo"
    generate(repo, count)
    small = max(1, count // 10)
    lint = [*pkgkit_command(), "lint"]
    cold = [*lint, "--no-cache"]
    serial = [*cold, "--jobs", "1"]
    files, size = tree_size(repo)
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
    regular = startup_of(installed_python(workdir), env, startup_repeat) if args.installed else None
    tests = best_of({"test": [*pkgkit_command(), "test", str(FIXTURE)]}, repeat, env)
    sizes = {"count": count, "small": small, "files": files, "size": size}
    sizes["jobs"] = jobs_for(None, count)
    runs = {"cold": throughput, "warm": warm, "test": tests}
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "repeat": repeat,
        "startup_repeat": startup_repeat,
        **published,
        **synthetic_of(sizes, runs),
        **startup_figures("", startup),
        **startup_figures("installed_", regular),
    }
    report["test_s"] = tests["test"].seconds
    report["test_cpu_s"] = tests["test"].cpu_seconds
    report["test_exit_code"] = tests["test"].exit_code
    return report


def synthetic_of(sizes: dict[str, int], runs: dict[str, dict[str, Run]]) -> dict[str, object]:
    """Figures 2 and 3: the synthetic monorepo's throughput and memory."""
    count, small = sizes["count"], sizes["small"]
    throughput, warm = runs["cold"], runs["warm"]
    large, floor, smaller = throughput["lint"], throughput["floor"], throughput["small"]
    parallel = throughput["parallel"]
    if floor.exit_code:
        raise SystemExit("bench: the floor failed; its times mean nothing")
    return {
        "packages": count,
        "files": sizes["files"],
        "megabytes": round(sizes["size"] / 1e6, 1),
        "lint_exit_code": large.exit_code,
        "lint_s": large.seconds,
        "floor_s": floor.seconds,
        "lint_vs_floor": large.seconds / floor.seconds,
        "lint_cpu_vs_floor": large.cpu_seconds / floor.cpu_seconds,
        "ms_per_package": 1000 * large.seconds / count,
        "parallel_jobs": sizes["jobs"],
        "parallel_lint_s": parallel.seconds,
        "parallel_vs_floor": parallel.seconds / floor.seconds,
        "parallel_exit_code": parallel.exit_code,
        "warm_lint_s": warm["lint"].seconds,
        "warm_floor_s": warm["floor"].seconds,
        "warm_lint_vs_floor": warm["lint"].seconds / warm["floor"].seconds,
        "warm_exit_code": warm["lint"].exit_code,
        "small_packages": small,
        "small_peak_mib": smaller.peak_kib / 1024,
        "large_peak_mib": large.peak_kib / 1024,
        "rss_resolution_mib": max(floor.launcher_kib, smaller.launcher_kib, large.launcher_kib)
        / 1024,
        "memory_growth": large.peak_kib / smaller.peak_kib,
        "kib_per_package": (large.peak_kib - smaller.peak_kib) / (count - small)
        if count > small
        else 0.0,
    }


def startup_figures(prefix: str, startup: dict[str, Run] | None) -> dict[str, object]:
    """``{prefix}pass_ms`` and, per start-up command, its ms, ratio to ``python -c pass`` and
    exit code (None for each when not measured)."""
    keys = [f"{prefix}pass_ms", f"{prefix}pass_cpu_ms"]
    for name in STARTUP:
        keys += [f"{prefix}{name}_{key}" for key in ("ms", "vs_pass", "exit_code", "cpu_vs_pass")]
    figures: dict[str, object] = dict.fromkeys(keys)
    if startup is None:
        return figures
    if startup["pass"].exit_code:
        raise SystemExit("bench: python -c pass failed")
    pass_s = startup["pass"].seconds
    figures[f"{prefix}pass_ms"] = 1000 * pass_s
    pass_cpu = startup["pass"].cpu_seconds
    figures[f"{prefix}pass_cpu_ms"] = 1000 * pass_cpu
    for name in STARTUP:
        if name in startup:
            figures[f"{prefix}{name}_ms"] = 1000 * startup[name].seconds
            figures[f"{prefix}{name}_vs_pass"] = startup[name].seconds / pass_s
            figures[f"{prefix}{name}_exit_code"] = startup[name].exit_code
            figures[f"{prefix}{name}_cpu_vs_pass"] = startup[name].cpu_seconds / pass_cpu
    return figures


def ratio(r: dict[str, object], prefix: str, name: str) -> str:
    """``41 ms / 14 ms = 2.9x`` for a start-up command, ``not measured`` without it."""
    if r[f"{prefix}{name}_ms"] is None:
        return "not measured"
    return (
        f"{r[f'{prefix}{name}_ms']:.0f} ms / {r[f'{prefix}pass_ms']:.0f} ms = "
        f"{r[f'{prefix}{name}_vs_pass']:.1f}x, CPU {r[f'{prefix}{name}_cpu_vs_pass']:.1f}x "
        f"(exit {r[f'{prefix}{name}_exit_code']})"
    )


def startup_rows(r: dict[str, object], prefix: str, where: str) -> list[tuple[str, str, str]]:
    """The start-up rows of one environment (``where``), when it was measured."""
    if r[f"{prefix}pass_ms"] is None:
        return []
    return [
        (
            f"pkgkit lint --no-cache <published go> / python -c pass, {where}",
            ratio(r, prefix, "go"),
            "<= 4x",
        ),
        (
            f"pkgkit lint --no-cache fixtures/go / python -c pass, {where}",
            ratio(r, prefix, "fixture"),
            "<= 4x" if prefix == "installed_" else "",
        ),
        (f"pkgkit lint fixtures/go, warm (a cache hit), {where}", ratio(r, prefix, "warm"), ""),
        (
            f"pkgkit lint fixtures/go, a miss that stores its result, {where}",
            ratio(r, prefix, "store"),
            "",
        ),
    ]


def published_rows(r: dict[str, object]) -> list[tuple[str, str, str]]:
    """The published packages' rows, or one saying they were skipped."""
    if r["published_packages"] is None:
        return [("lint of the published packages", "skipped: ../shared not found", "<= 3x")]
    return [
        (
            f"lint {r['published_packages']} published packages ({r['published_files']} files, "
            f"{r['published_megabytes']} MB), cold, one process / floor",
            f"{r['published_lint_s']:.2f} s / {r['published_floor_s']:.2f} s = "
            f"{r['published_vs_floor']:.1f}x, CPU {r['published_lint_cpu_s']:.2f} s / "
            f"{r['published_floor_cpu_s']:.2f} s = {r['published_cpu_vs_floor']:.1f}x "
            f"(exit {r['published_exit_code']})",
            "<= 3x",
        )
    ]


def table(r: dict[str, object]) -> str:
    """The report as a small text table."""

    def f(key: str, spec: str) -> str:
        return format(r[key], spec)

    rows = [
        ("measure", "result", "target"),
        *published_rows(r),
        (
            f"lint {r['packages']} synthetic packages ({r['files']} files, {r['megabytes']} MB), "
            "cold, one process / floor",
            f"{f('lint_s', '.2f')} s / {f('floor_s', '.2f')} s = {f('lint_vs_floor', '.1f')}x, "
            f"CPU {f('lint_cpu_vs_floor', '.1f')}x",
            "",
        ),
        (
            f"the same, {r['parallel_jobs']} worker processes (default --jobs)",
            f"{f('parallel_lint_s', '.2f')} s / {f('floor_s', '.2f')} s = "
            f"{f('parallel_vs_floor', '.1f')}x",
            "",
        ),
        (
            "the same, warm (every package a cache hit)",
            f"{f('warm_lint_s', '.2f')} s / {f('warm_floor_s', '.2f')} s = "
            f"{f('warm_lint_vs_floor', '.1f')}x",
            "",
        ),
        (
            f"peak RSS, {r['small_packages']} / {r['packages']} packages "
            f"(resolution {f('rss_resolution_mib', '.1f')} MiB)",
            f"{f('small_peak_mib', '.1f')} MiB / {f('large_peak_mib', '.1f')} MiB = "
            f"{f('memory_growth', '.2f')}x ({f('kib_per_package', '.2f')} KiB/package)",
            "flat",
        ),
        *startup_rows(r, "installed_", "regular install"),
        *startup_rows(r, "", "editable install"),
        (
            "pkgkit test fixtures/go (default examples)",
            f"{f('test_s', '.1f')} s, CPU {f('test_cpu_s', '.1f')} s (exit {r['test_exit_code']})",
            "<= 3 s",
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
    parser.add_argument(
        "--packages", type=int, default=1000, help="synthetic packages (default: 1000)"
    )
    parser.add_argument(
        "--published",
        type=int,
        default=500,
        help="copy the published packages to at least this many (default: 500)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (default: 3)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--keep", action="store_true", help="keep the generated monorepos")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="also time start-up in a fresh non-editable install (pip install .; needs the index)",
    )
    args = parser.parse_args(argv)
    if args.packages < 1 or args.repeat < 1 or args.published < 1:
        parser.error("--packages, --published and --repeat must be at least 1")
    workdir = Path(tempfile.mkdtemp(prefix="pkgkit-bench-"))
    try:
        report = measure(args, workdir)
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
    if report["warm_exit_code"] != report["lint_exit_code"]:
        sys.stderr.write("warning: a warm run exited differently from the cold one\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
