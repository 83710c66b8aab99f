import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from pkgkit.util import suggest
from pkgkit.util.suggest import closest, did_you_mean, normalize_name


def test_separator_mixups_are_the_same_name():
    assert normalize_name("process.runtime.go.mem.heap_alloc") == normalize_name(
        "Process.Runtime.Go.Mem.Heap.Alloc"
    )


def test_closest_prefers_separator_equal_names():
    names = ["process.runtime.go.mem.heap_alloc", "process.runtime.go.mem.heap_sys"]
    assert closest("process.runtime.go.mem.heap.alloc", names) == names[0]


def test_closest_finds_a_name_written_without_its_prefix():
    assert closest("heap_alloc", ["process.runtime.go.mem.heap_alloc", "go.memory.used"]) == (
        "process.runtime.go.mem.heap_alloc"
    )


def test_closest_falls_back_to_edit_distance_and_gives_up_when_far():
    assert closest("go.goroutine.cuont", ["go.goroutine.count", "go.memory.used"]) == (
        "go.goroutine.count"
    )
    assert closest("completely.different", ["go.memory.used"]) is None


def test_did_you_mean_sentence():
    assert did_you_mean("Go Runtime", ["go-runtime"]) == "did you mean 'go-runtime'?"
    assert did_you_mean("x", []) is None


@given(st.text(alphabet="aZé. _-/\t\u00a0\u2028ß", max_size=12))
def test_the_cached_normal_form_is_the_computed_one(name):
    assert normalize_name(name) == suggest._normalize_name(name)
    assert normalize_name(name) == normalize_name(name)


#: Short names over few letters and separators: many options tie or come close.
SHORT_NAMES = st.text(alphabet="abcab.", max_size=8)


@settings(max_examples=500)
@given(
    SHORT_NAMES,
    st.lists(SHORT_NAMES, unique=True, max_size=12),
    st.sampled_from([0.0, 0.3, 0.6, 0.8]),
)
def test_closest_by_ratio_is_get_close_matches(word, options, cutoff):
    expected = difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    assert suggest.closest_by_ratio(word, options, cutoff) == (expected[0] if expected else None)


def test_closest_by_ratio_breaks_ties_as_get_close_matches():
    assert suggest.closest_by_ratio("ab", ["ax", "ay", "xb"], 0.5) == "xb"  # greatest of equals


def _longest_common_subsequence(a, b):
    """The textbook dynamic programme."""
    previous = [0] * (len(b) + 1)
    for x in a:
        row = [0]
        for j, y in enumerate(b):
            row.append(previous[j] + 1 if x == y else max(previous[j + 1], row[j]))
        previous = row
    return previous[-1]


@settings(max_examples=500)
@given(st.text(alphabet="abcab.é", max_size=20), st.text(alphabet="abcab.é", max_size=20))
def test_common_subsequence_is_the_longest_one(a, b):
    found = suggest.common_subsequence(suggest.character_masks(a), b)
    assert found == _longest_common_subsequence(a, b)


@settings(max_examples=500)
@given(st.text(alphabet="abcab.", min_size=1, max_size=16), st.text(alphabet="abcab.", max_size=16))
def test_ratio_bound_is_at_least_difflibs_ratio(a, b):
    assert suggest.ratio_bound(a, b) >= difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    assert suggest.ratio_bound(a, b) >= difflib.SequenceMatcher(None, b, a).ratio()


def test_ratio_bound_of_names():
    assert suggest.ratio_bound("abcd", "acbd") == 0.75  # 'abd': 2 * 3 / 8
    assert suggest.ratio_bound("abc", "xyz") == 0.0
