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
