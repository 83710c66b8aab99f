"""Fuzz: damage the published packages' files and lint them: pkgkit never raises, never exits 2,
and locates every finding in a file that exists, within its lines; ``fmt --check``,
``docs --check`` and ``lint --diff``, which read the same files, never exit 2 either.

Each example copies one of the packages Instana publishes (``../shared/reference/packages``)
and damages one of its files as a hostile or unlucky input would: truncated, a byte changed,
brackets or block quotes nested far too deep, a number of thousands of digits, a lone surrogate,
terminal escapes and workflow commands, or the file swapped for a symbolic link (to itself, out
of the package, to a device, to a sibling) or a named pipe. The lint runs in this process, as
``pkgkit lint --no-cache --format json`` does, so a crash of the interpreter fails the session
loudly. The examples are the same in every run (derandomized); ``PKGKIT_FUZZ_EXAMPLES=2000``
runs more of them, ``PKGKIT_FUZZ_SEED=N`` other ones.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from helpers import REPO
from pkgkit.cli import main

PUBLISHED = REPO.parent / "shared" / "reference" / "packages"
EXAMPLES = int(os.environ.get("PKGKIT_FUZZ_EXAMPLES", "60"))
SEED = os.environ.get("PKGKIT_FUZZ_SEED")

pytestmark = pytest.mark.skipif(
    not PUBLISHED.is_dir(), reason=f"the published packages are not at {PUBLISHED}"
)
PACKAGES = sorted(p.name for p in PUBLISHED.iterdir()) if PUBLISHED.is_dir() else []

#: Pieces inserted into a file, by what they attack.
INSERTS = {
    "deep-json": [b"[" * 501 + b"]" * 501, b"[" * 100_000, b'{"a":' * 5_000],
    "deep-markdown": [b"\n" + b">" * 50_000 + b" x\n", b"\n" + b"- " * 500 + b"x\n",
                      b"\n" + b"*x " * 30_000 + b"\n", b"\n## " + b"[x " * 3_000 + b"\n"],
    "huge-number": [b"9" * 5_000, b"-" + b"1" * 4_301, b"1e" + b"9" * 5_000],
    "surrogate": [b"\\ud800", b"\\udfff\\ud800", b"\xed\xa0\x80"],
    "control": [b"\x1b[31m", b"\\u001b]0;x\\u0007", b"\\n::error file=x::injected", b"\r\x00"],
}
#: Other commands that read the damaged files (and write nothing): never exit 2 either.
READERS = (
    ["fmt", "--check"], ["docs", "--check"], ["lint", "--diff", "--unsafe-fixes", "--no-cache"]
)
LINKS = ("itself", "outside", "device", "pipe", "sibling")
#: Findings about a file that is missing (they name where it should be).
MISSING_FILE_RULES = {"PKG010", "PKG101"}


def damage(path: Path, data: st.DataObject, outside: Path) -> str:
    """Damage the file at ``path`` in one drawn way; what was done."""
    kind = data.draw(st.sampled_from(["truncate", "byte", *INSERTS, "link"]), label="kind")
    text = path.read_bytes()
    at = data.draw(st.integers(0, len(text)), label="at")
    if kind == "truncate":
        path.write_bytes(text[:at])
    elif kind == "byte":
        value = data.draw(st.integers(0, 255), label="byte")
        path.write_bytes(text[:at] + bytes([value]) + text[at + 1 :])
    elif kind == "link":
        how = data.draw(st.sampled_from(LINKS), label="link")
        path.unlink()
        if how == "pipe":
            os.mkfifo(path)
        else:
            sibling = os.path.relpath(path.parent.parent / "README.md", path.parent)
            target = {"itself": path.name, "outside": str(outside), "device": os.devnull}
            path.symlink_to(target.get(how, sibling))
        return how
    else:
        piece = data.draw(st.sampled_from(INSERTS[kind]), label="piece")
        path.write_bytes(text[:at] + piece + text[at:])
    return kind


def run(cwd: Path, *args: str) -> tuple[int, str, str]:
    """``pkgkit ARGS`` in ``cwd``, in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(before)
    return code, out.getvalue(), err.getvalue()


def lint(cwd: Path) -> tuple[int, list[dict[str, object]], str]:
    """``pkgkit lint --no-cache --format json pkg`` in ``cwd``, in this process."""
    code, out, err = run(cwd, "lint", "--no-cache", "--format", "json", "pkg")
    return code, json.loads(out) if out else [], err


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=SEED is None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@seed(int(SEED or 0))
@given(package=st.sampled_from(PACKAGES or ["none"]), data=st.data())
def test_a_damaged_published_package_is_linted_and_located(package, data):
    with tempfile.TemporaryDirectory(prefix="pkgkit-fuzz-") as folder:
        root = Path(folder)
        copy = shutil.copytree(PUBLISHED / package, root / "pkg")
        for path in [copy, *copy.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)  # the reference files are read-only
        outside = root / "outside.json"
        outside.write_text('{"secret": "never read"}', encoding="utf-8")
        files = sorted(p for p in copy.rglob("*") if p.suffix == ".json" or p.name == "README.md")
        damage(data.draw(st.sampled_from(files), label="file"), data, outside)
        code, found, stderr = lint(root)
        assert (code in (0, 1), stderr) == (True, "")
        for finding in found:
            path = root / str(finding["path"])
            assert os.path.lexists(path) or finding["rule"] in MISSING_FILE_RULES, finding
            assert int(finding["line"]) >= 1 and int(finding["column"]) >= 1, finding
            assert "never read" not in str(finding["message"]) + str(finding["hint"])
            if path.is_file() and not path.is_symlink():
                assert int(finding["line"]) <= path.read_bytes().count(b"\n") + 1, finding
        for command in READERS:
            code, out, stderr = run(root, *command, "pkg")
            assert code in (0, 1), (command, stderr)
            assert "never read" not in out + stderr
