"""Exit codes and options: Ctrl-C exits 130 without a traceback (from the command or from its
worker processes), every option a command's ``--help`` lists is accepted, and ``pkgkit test``
names each package as it goes."""

from __future__ import annotations

import argparse
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time

import pytest

from bad_input_helpers import pkgkit
from helpers import copy_go
from pkgkit.cli import COMMANDS, build_parser

PACKAGES = 20


@pytest.fixture(scope="module")
def monorepo(tmp_path_factory):
    root = tmp_path_factory.mktemp("many")
    first = copy_go(root)
    for index in range(1, PACKAGES):
        shutil.copytree(first, root / f"go-{index:03}")
    return root


@pytest.fixture(scope="module")
def ctrl_c_while_linting(tmp_path_factory):
    """An environment in which Python presses Ctrl-C while a package is linted: a
    ``sitecustomize`` module on ``PYTHONPATH`` wraps the engine's ``lint_root`` so that its
    first call in a process sends SIGINT to the whole process group (as a terminal does, to
    the workers too; with two workers twice, as an impatient user presses it) and then lints
    slowly. No race with how fast the machine is."""
    folder = tmp_path_factory.mktemp("ctrl-c")
    (folder / "sitecustomize.py").write_text(
        "import os, signal, time\n"
        "import pkgkit.lint.engine as engine\n"
        "_lint_root = engine.lint_root\n"
        "_pressed = []\n"
        "def _interrupted_lint_root(*args, **kwargs):\n"
        "    if not _pressed:\n"
        "        _pressed.append(True)\n"
        "        os.killpg(os.getpgrp(), signal.SIGINT)\n"
        "    time.sleep(2)\n"
        "    return _lint_root(*args, **kwargs)\n"
        "engine.lint_root = _interrupted_lint_root\n",
        encoding="utf-8",
    )
    path = os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def _ctrl_c_heard():
    """Ctrl-C's default action in the child, as in a terminal: a test run started in the
    background by a shell without job control (a CI script's ``cmd &``) ignores SIGINT, and
    its children would inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt_when(command, cwd, started):
    """Run ``command`` on a terminal (so that it shows progress), send Ctrl-C (SIGINT, to its
    process group, as a terminal does) once ``started`` matches what it wrote there, and
    return its exit code and everything it wrote (a report goes to the null device)."""
    controller, terminal = os.openpty()
    report = subprocess.DEVNULL if command[3] == "lint" else terminal
    process = subprocess.Popen(
        command, cwd=cwd, stdout=report, stderr=terminal, start_new_session=True,
        preexec_fn=_ctrl_c_heard,  # noqa: PLW1509 - the child only resets one signal
    )
    os.close(terminal)
    seen = b""
    deadline = time.monotonic() + 120
    interrupted = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the process ended and closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        if not interrupted and re.search(started, seen):
            os.killpg(process.pid, signal.SIGINT)
            interrupted = True
        if process.poll() is not None and not ready:
            break
    code = process.wait(60)
    os.close(controller)
    assert interrupted, seen.decode(errors="replace")
    return code, seen.decode(errors="replace")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_a_lint_exits_130_without_a_traceback(monorepo, ctrl_c_while_linting, jobs):
    result = subprocess.run(
        [sys.executable, "-m", "pkgkit", "lint", "--no-cache", "--jobs", jobs, "."],
        cwd=monorepo, env=ctrl_c_while_linting, capture_output=True, text=True, timeout=120,
        start_new_session=True, check=False,
        preexec_fn=_ctrl_c_heard,
    )
    assert "sitecustomize" not in result.stderr  # it loaded
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.rstrip().endswith("pkgkit: interrupted")
    assert result.stdout == ""  # no partial report


def test_ctrl_c_during_pkgkit_test_exits_130_without_a_traceback(tmp_path):
    for name in ("a", "b", "c"):
        copy_go(tmp_path).rename(tmp_path / name)
    command = [sys.executable, "-m", "pkgkit", "test", "--max-examples", "500", "."]
    code, output = _interrupt_when(command, tmp_path, rb"a \(1/3\)")
    assert code == 130
    assert "Traceback" not in output


def test_pkgkit_test_names_each_package_as_it_goes(tmp_path):
    for name in ("a", "b"):
        copy_go(tmp_path).rename(tmp_path / name)
    result = pkgkit(tmp_path, "test", "--max-examples", "1", "--mode", "json-safe", ".",
                    timeout=300)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "a (1/2)"
    assert "b (2/2)" in lines
    assert lines.index("b (2/2)") == 2  # a's results on the line between


# --------------------------------------------------------------------------- options


def _subparser(command):
    return build_parser(command)._subparsers._group_actions[0].choices[command]


def _listed(command):
    """The options ``pkgkit COMMAND --help`` lists (hidden ones are not)."""
    return [
        action for action in _subparser(command)._actions
        if action.option_strings and action.help != argparse.SUPPRESS
        and "--help" not in action.option_strings
    ]


def _listed_options(command):
    return sorted(option for a in _listed(command) for option in a.option_strings)


@pytest.mark.parametrize("command", ["test", "ci"])
def test_options_of_lint_that_these_commands_refuse_are_not_listed(command):
    listed = _listed_options(command)
    assert "--write-baseline" not in listed
    if command == "test":
        assert not {"--output", "--jobs", "--baseline", "--no-cache"} & set(listed)


def test_every_listed_option_of_pkgkit_test_works(tmp_path):
    package = copy_go(tmp_path)
    (tmp_path / "config.yaml").write_text("select: [PKG]\n", encoding="utf-8")
    given = {
        "--max-examples": ["1"], "--seed": ["3"], "--mode": ["json-safe"], "--format": ["json"],
        "--config": ["config.yaml"], "--isolated": [], "--strict": [], "--select": ["PKG"],
        "--ignore": ["MET"],
    }
    assert sorted(given) == _listed_options("test")
    for option, values in given.items():
        arguments = [option, *values]
        extra = [] if option in ("--max-examples", "--mode") else ["--max-examples", "1"]
        result = pkgkit(tmp_path, "test", *arguments, *extra, str(package), timeout=300)
        assert result.returncode == 0, (option, result.stdout, result.stderr)


@pytest.mark.parametrize("option", ["--output", "--jobs", "--baseline", "--write-baseline"])
def test_lint_options_given_to_pkgkit_test_say_which_command_takes_them(tmp_path, option):
    copy_go(tmp_path)
    result = pkgkit(tmp_path, "test", option, "x", "go")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"pkgkit: error: {option} is a 'pkgkit lint' option; 'pkgkit test' does not take it\n"
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_lists_only_options_it_parses(command):
    """Each listed option parses (with a value where it takes one): none is a dead entry."""
    parser = build_parser(command)
    for action in _listed(command):
        option = action.option_strings[-1]
        arguments = [command, option] if action.nargs == 0 else [command, option, _value(action)]
        if command in ("render", "init"):
            arguments.append("x")
        parser.parse_args(arguments)


def _value(action):
    if action.choices:
        return sorted(action.choices)[0]
    return "1"
