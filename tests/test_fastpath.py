"""pkgkit.fastpath.plain_lint: a plain ``pkgkit lint`` recognised as argparse reads it.

A recognised command line is answered from the cache, or parsed by
:func:`pkgkit.commands.lint.plain_args` without argparse; both must give what argparse gives.
"""

import contextlib
import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pkgkit import cli
from pkgkit.commands.lint import plain_args
from pkgkit.fastpath import plain_lint


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """Two folders (one with a space), a file and a missing path, as command-line words."""
    root = tmp_path_factory.mktemp("paths")
    (root / "a").mkdir()
    (root / "b c").mkdir()
    (root / "file.json").write_text("{}")
    return [str(root / "a"), str(root / "b c"), str(root / "file.json"), str(root / "missing")]


#: Options of plain command lines, and words that make most command lines something else.
PLAIN_OPTIONS = [["--no-cache"], ["--format", "json"], ["--format", "text"], ["--format=json"]]
OTHER_WORDS = [
    "--format=github", "--format=", "--format", "github", "json", "--no-c", "--select", "PKG",
    "--jobs", "1", "--", "-x", ".", "lint", "--isolated", "--no-cache",
]  # fmt: skip


@st.composite
def command_lines(draw, folders):
    """``lint``, a run of folders among plain options, and now and then one other word."""
    options = draw(st.lists(st.sampled_from(PLAIN_OPTIONS), max_size=3))
    paths = draw(st.lists(st.sampled_from(folders[:2]), max_size=3))
    at = draw(st.integers(0, len(options)))
    words = [word for option in options[:at] for word in option]
    words += paths + [word for option in options[at:] for word in option]
    if draw(st.booleans()):
        other = draw(st.sampled_from([*OTHER_WORDS, *folders]))
        words.insert(draw(st.integers(0, len(words))), other)
    return ["lint", *words]


def argparse_parse(argv):
    """argparse's namespace as a dict, or None when it refuses the command line."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return vars(cli.build_parser("lint").parse_args(argv))
        except SystemExit:
            return None


@contextlib.contextmanager
def github_actions(on):
    """``GITHUB_ACTIONS=true`` (the default format is then github) or unset."""
    saved = os.environ.pop("GITHUB_ACTIONS", None)
    if on:
        os.environ["GITHUB_ACTIONS"] = "true"
    try:
        yield
    finally:
        os.environ.pop("GITHUB_ACTIONS", None)
        if saved is not None:
            os.environ["GITHUB_ACTIONS"] = saved


@settings(max_examples=300, deadline=None)
@given(data=st.data(), github=st.booleans())
def test_a_recognised_command_line_is_what_argparse_parses(folders, data, github):
    argv = data.draw(command_lines(folders))
    with github_actions(github):
        request = plain_lint(argv)
        parsed = argparse_parse(argv)
        if request is not None:
            assert parsed is not None, argv
            assert vars(plain_args(*request)) == parsed, argv


@pytest.mark.parametrize(
    "argv",
    [
        ["lint"],
        ["lint", "{a}"],
        ["lint", "{a}", "{b}", "--no-cache"],
        ["lint", "--no-cache", "--format", "json", "{a}", "{b}"],
        ["lint", "--format=text", "{a}", "--no-cache", "--no-cache"],
    ],
)
def test_plain_command_lines_are_recognised(folders, argv):
    argv = [word.format(a=folders[0], b=folders[1]) for word in argv]
    with github_actions(on=False):
        request = plain_lint(argv)
        assert request is not None
        assert vars(plain_args(*request)) == argparse_parse(argv)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["rules"],
        ["lint", "{a}", "--no-cache", "{b}"],  # argparse: unrecognized arguments
        ["lint", "--no-c", "{a}"],  # an abbreviation
        ["lint", "--format", "github", "{a}"],
        ["lint", "--format=", "{a}"],
        ["lint", "--format", "json", "--format", "text", "{a}"],
        ["lint", "--select", "PKG", "{a}"],
        ["lint", "--jobs", "1", "{a}"],
        ["lint", "--", "{a}"],
        ["lint", "{file}"],
        ["lint", "{missing}"],
        ["lint", "--format"],
    ],
)
def test_other_command_lines_go_to_argparse(folders, argv):
    names = dict(zip(("a", "b", "file", "missing"), folders, strict=True))
    with github_actions(on=False):
        assert plain_lint([word.format(**names) for word in argv]) is None


def test_github_s_default_format_goes_to_argparse(folders):
    with github_actions(on=True):
        assert plain_lint(["lint", folders[0]]) is None
        assert plain_lint(["lint", "--format", "text", folders[0]]) is not None
