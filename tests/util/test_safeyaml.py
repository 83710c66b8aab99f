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
