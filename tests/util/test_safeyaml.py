import pytest

from pkgkit.util import safeyaml

LAUGHS = "\n".join(
    ['l0: &l0 ["lol", "lol"]']
    + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
) + "\n"


def test_plain_documents_load_and_compose():
    assert safeyaml.load("a: [1, 2]\n") == {"a": [1, 2]}
    node = safeyaml.compose("a: 1\nb: 2\n")
    assert node is not None
    assert [key.start_mark.line for key, _ in node.value] == [0, 1]


@pytest.mark.parametrize("read", [safeyaml.load, safeyaml.compose])
def test_a_billion_laughs_is_refused_at_its_first_anchor(read):
    with pytest.raises(safeyaml.AliasRefusedError) as refused:
        read(LAUGHS)
    assert refused.value.line == 1


def test_an_alias_without_anchor_use_elsewhere_is_refused_too():
    with pytest.raises(safeyaml.AliasRefusedError) as refused:
        safeyaml.load("a: 1\nb: *x\n")
    assert refused.value.line == 2


def test_tags_that_build_objects_are_not_constructed():
    with pytest.raises(Exception, match="python/object"):
        safeyaml.load("!!python/object/apply:os.system ['true']\n")


def _nested(depth):
    return "a: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"


def test_nesting_at_the_bound_loads_and_one_more_is_refused_at_its_line():
    assert safeyaml.load(_nested(safeyaml.MAX_DEPTH)) is not None
    block = "".join(" " * level + "k:\n" for level in range(safeyaml.MAX_DEPTH + 1))
    for text, line in ((_nested(safeyaml.MAX_DEPTH + 1), 1), (block, safeyaml.MAX_DEPTH + 1)):
        with pytest.raises(safeyaml.TooDeepError) as refused:
            safeyaml.compose(text)
        assert refused.value.line == line


def test_integers_too_long_for_int_are_refused_but_long_words_are_not():
    with pytest.raises(safeyaml.NumberTooLongError):
        safeyaml.load("a: " + "9" * 5000 + "\n")
    assert safeyaml.load("a: '" + "9" * 5000 + "'\n") == {"a": "9" * 5000}
    assert safeyaml.load("a: " + "9" * 5000 + "s\n") == {"a": "9" * 5000 + "s"}
