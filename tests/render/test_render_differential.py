"""Differential test: pkgkit's instana mode against the real Handlebars engine.

A session fixture installs ``handlebars`` (the version the Instana CLI depends on) into a pytest
temporary folder and starts one node process running
``tests/render/handlebars_harness/render.js``, which renders exactly like the CLI's ``import``
handler. Skipped, with the reason, without node/npm or
without access to the npm registry.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import currently_in_test_context, event, example, given, note, settings
from hypothesis import strategies as st

from pkgkit.render.renderer import UnsupportedTemplate, render_instana

HANDLEBARS_VERSION = "4.7.8"  # tools/integration/package.json: "handlebars": "^4.7.8"
HARNESS = Path(__file__).parent / "handlebars_harness" / "render.js"
CLI_FAILS = "the Instana CLI's Handlebars rejects this template"


class Handlebars:
    """One long-lived ``node render.js`` process speaking JSON lines."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._stdin: IO[bytes] = process.stdin  # type: ignore[assignment]
        self._stdout: IO[bytes] = process.stdout  # type: ignore[assignment]

    def render(self, template: str, values: dict[str, str]) -> dict[str, Any]:
        request = json.dumps({"template": template, "values": values}) + "\n"
        self._stdin.write(request.encode("ascii"))
        self._stdin.flush()
        line = self._stdout.readline()
        if not line:
            pytest.fail(f"the handlebars harness exited (code {self._process.poll()})")
        reply: dict[str, Any] = json.loads(line)
        return reply

    def close(self) -> None:
        self._stdin.close()
        self._process.wait(timeout=10)
        self._stdout.close()


def _install(folder: Path) -> Path:
    (folder / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    command = [
        "npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", str(folder),
        f"handlebars@{HANDLEBARS_VERSION}",
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"npm install handlebars@{HANDLEBARS_VERSION} failed: {error}")
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        pytest.skip(f"npm install handlebars@{HANDLEBARS_VERSION} failed: {' | '.join(tail)}")
    return folder / "node_modules" / "handlebars"


@pytest.fixture(scope="session")
def handlebars(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Handlebars]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node and npm are needed for the Handlebars differential test")
    folder = tmp_path_factory.mktemp("handlebars")
    package = _install(folder)
    with (folder / "harness.stderr").open("wb") as stderr:
        process = subprocess.Popen(
            [node, str(HARNESS), str(package)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
    engine = Handlebars(process)
    yield engine
    engine.close()


def _record(outcome: str, detail: str) -> None:
    if currently_in_test_context():
        event(outcome)
        note(detail)


def check(engine: Handlebars, template: str, values: dict[str, str]) -> str:
    """pkgkit renders like Handlebars, or says which construct it does not model.

    Returns the outcome: "rendered", "both reject" or "unsupported by pkgkit".
    """
    reply = engine.render(template, values)
    try:
        ours = render_instana(template, values)
    except UnsupportedTemplate as error:
        if CLI_FAILS in error.reason:
            assert not reply["ok"], f"pkgkit says the CLI fails ({error}), Handlebars: {reply}"
            _record("both reject", f"pkgkit: {error}")
            return "both reject"
        _record("unsupported by pkgkit", f"pkgkit: {error}; handlebars: {reply}")
        return "unsupported by pkgkit"
    assert reply["ok"], f"Handlebars failed ({reply['error']}) but pkgkit rendered {ours!r}"
    assert ours == reply["output"]
    _record("rendered", "")
    return "rendered"


# --------------------------------------------------------------------------- examples

EXAMPLES = [
    ("{{ a }}|{{a}}|{{  b  }}|{{{a}}}|{{&a}}", {"a": "<&>\"'`=\\", "b": ""}),
    ("{{ 123 }}|{{007}}|{{ true }}|{{false}}|{{null}}|{{undefined}}|{{ this }}", {"007": "x"}),
    ("{{99999999999999999999999}}|{{ 00000000000000000000000001 }}|{{ 1e5 }}", {}),
    ("{{ constructor }}|{{toString}}|{{__proto__}}|{{ if }}|{{default}}", {}),
    ("{{ constructor }}|{{toString}}|{{__proto__}}", {"constructor": "c", "toString": "t"}),
    (
        "{{ constructor }}|{{toString}}|{{__proto__}}|{{ valueOf }}",
        {"constructor": "", "toString": "", "__proto__": "", "valueOf": ""},
    ),
    ("\\{{ a }} tail", {"a": "A&"}),
    ("\\{{ a }} tail", {}),
    ("\\\\{{ a }} tail", {"a": "A"}),
    ("\\\\\\{{ a }} tail", {"a": "A"}),
    ("\\{{ a }}\\{{ b }}\\\\{{ c }}", {"a": "A", "b": "B", "c": "C"}),
    ("\\{{ 007 }}", {"7": "seven"}),
    ("\\{{ constructor }}", {}),
    ("\\{{ if }}|\\{{ log }}|\\{{ default }}|\\{{ this }}", {}),
    ("\\{{ lookup }}", {}),
    ("{{/if}}|{{ else }}|{{else x}}", {}),
    ("{{a}}}", {"a": "A"}),
    ("{{{a}}", {"a": "A"}),
    ("{{{{a}}}}", {"a": "A"}),
    ("{{ a }", {"a": "A"}),
    ("{{ }}", {}),
    ("{{ a-b }}|{{ c-d }}", {"a-b": "X"}),
    ("{{ a.length }}", {"a": "abc"}),
    ("x\x00y", {}),
    ("{{ \u2028a\u00a0}}|{{\ufeffa\u3000}}", {"a": "A"}),
    ("{{this}}", {"toString": "s"}),
    ("{{this}}", {"valueOf": "s"}),
    ('{{default "s&" "x"}}|{{default a \'y\\\'z\'}}|{{default a "q\\"r"}}', {}),
    ('{{default a "x"}}}}', {}),
    ("{{#if a}}yes{{/if}}", {"a": "1"}),
    ('{\n  "name": "{{ name }}",\n  "url": "https://{{host}}/?a=1&b={{ q }}"\n}\n', {"q": "x&y"}),
]


@pytest.mark.parametrize(("template", "values"), EXAMPLES)
def test_handpicked_templates_match_handlebars(handlebars, template, values):
    check(handlebars, template, values)


# --------------------------------------------------------------------------- generated

NAMES = st.sampled_from(
    ["a", "b", "name", "service_name", "x1", "constructor", "toString", "__proto__", "valueOf",
     "true", "null", "undefined", "007", "12", "if", "default", "lookup", "else", "as", "this"]
)  # fmt: skip
SPACE = st.sampled_from(["", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\ufeff", "\x0b"])
VALUE = st.text(max_size=20) | st.sampled_from(
    ['"', "\\", "\n", "\x00", "{{ a }}", "\\{{", "😀", "&<>\"'`=", "\u2028", "", "x" * 5000]
)
VALUES = st.dictionaries(NAMES.filter(lambda name: name != "this"), VALUE, max_size=6)
TEXT = st.text(st.characters(blacklist_characters="{}\\\x00", blacklist_categories=("Cs",)))
NOISE = st.text("{}\\\"' -a~#!&/.=0", max_size=6)


@st.composite
def placeholder(draw: Any) -> str:
    """A placeholder, sometimes triple-stashed or preceded by backslashes."""
    inner = draw(SPACE) + draw(NAMES) + draw(SPACE)
    braces = draw(st.sampled_from(["{{%s}}", "{{%s}}", "{{%s}}", "{{{%s}}}"]))
    return draw(st.sampled_from(["", "", "", "\\", "\\\\"])) + braces % inner


@st.composite
def json_templates(draw: Any) -> str:
    """JSON-shaped text with placeholders at string sites."""
    members = []
    for _ in range(draw(st.integers(0, 4))):
        pieces = draw(st.lists(TEXT.map(lambda t: t.replace('"', "'")) | placeholder(), max_size=5))
        members.append(f'  "{draw(NAMES)}": "{"".join(pieces)}"')
    return "{\n" + ",\n".join(members) + "\n}\n"


@st.composite
def noisy_templates(draw: Any) -> str:
    """Placeholders amid random text, including braces and backslashes."""
    pieces = draw(st.lists(placeholder() | TEXT | NOISE, max_size=8))
    return "".join(pieces)


@settings(max_examples=150, deadline=None)
@given(json_templates(), VALUES)
def test_json_templates_match_handlebars(handlebars, template, values):
    check(handlebars, template, values)


@settings(max_examples=150, deadline=None)
@given(noisy_templates(), VALUES)
@example(template="{{{007}}}{{{007}}}", values={})  # Handlebars renders 14: JavaScript's 7 + 7
@example(template="{{{007}}}x{{{007}}}", values={})
def test_noisy_templates_match_handlebars(handlebars, template, values):
    check(handlebars, template, values)
