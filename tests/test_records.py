"""pkgkit.records.Record builds the class typing.NamedTuple builds, without importing typing."""

from __future__ import annotations

import collections
import copy
import inspect
import pickle
import subprocess
import sys
import typing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pkgkit
from pkgkit.conventions.catalogue import CatalogueMetric, RegistryIssue
from pkgkit.diagnostics import Diagnostic, Problem
from pkgkit.lint.config import Config
from pkgkit.model.conventions import (
    DocumentedAttribute,
    DocumentedMetric,
)
from pkgkit.model.variables import SetArgument
from pkgkit.records import Record, named_tuple


class TypedSample(typing.NamedTuple):
    """A sample record."""

    name: str
    count: int = 0
    tags: tuple[str, ...] = ()

    def doubled(self) -> int:
        """Twice the count."""
        return 2 * self.count

    @property
    def label(self) -> str:
        """Name and count."""
        return f"{self.name}:{self.count}"


class RecordSample(Record):
    """A sample record."""

    name: str
    count: int = 0
    tags: tuple[str, ...] = ()

    def doubled(self) -> int:
        """Twice the count."""
        return 2 * self.count

    @property
    def label(self) -> str:
        """Name and count."""
        return f"{self.name}:{self.count}"


class Bare(Record):
    only: int


samples = st.builds(
    lambda *fields: fields,
    st.text(max_size=5),
    st.integers(-3, 3),
    st.lists(st.sampled_from("ab"), max_size=2).map(tuple),
)


def test_the_class_is_the_named_tuple_typing_builds():
    assert RecordSample.__bases__ == TypedSample.__bases__ == (tuple,)
    assert RecordSample._fields == TypedSample._fields == ("name", "count", "tags")
    assert RecordSample._field_defaults == TypedSample._field_defaults
    assert RecordSample.__doc__ == TypedSample.__doc__ == "A sample record."
    assert RecordSample.__module__ == TypedSample.__module__ == __name__
    assert RecordSample.__qualname__ == "RecordSample"
    assert RecordSample.__match_args__ == TypedSample.__match_args__
    assert RecordSample.__annotations__ == {
        "name": "str", "count": "int", "tags": "tuple[str, ...]"
    }  # fmt: skip
    assert RecordSample.doubled.__doc__ == "Twice the count."
    assert Bare.__doc__ == "Bare(only,)"
    assert Bare(1) == (1,)


@given(samples, samples)
def test_instances_behave_as_typing_named_tuples(first, second):
    record, typed = RecordSample(*first), TypedSample(*first)
    other, typed_other = RecordSample(*second), TypedSample(*second)
    assert record == typed
    assert hash(record) == hash(typed)
    assert (record == other) == (typed == typed_other)
    assert (record < other) == (typed < typed_other)
    assert repr(record) == repr(typed).replace("TypedSample", "RecordSample")
    assert record._asdict() == typed._asdict()
    assert record._replace(count=7) == typed._replace(count=7)
    assert RecordSample._make(first) == record
    assert record.doubled() == typed.doubled()
    assert record.label == typed.label
    assert pickle.loads(pickle.dumps(record)) == record
    assert type(pickle.loads(pickle.dumps(record))) is RecordSample


def test_defaults_and_keywords():
    assert RecordSample("x") == TypedSample("x") == ("x", 0, ())
    assert RecordSample(name="x", tags=("a",)) == TypedSample(name="x", tags=("a",))
    with pytest.raises(TypeError):
        RecordSample()
    with pytest.raises(TypeError):
        RecordSample("x", 1, (), 4)
    with pytest.raises(AttributeError):
        RecordSample("x").count = 2  # type: ignore[misc]


def _class_error(base: type) -> str:
    with pytest.raises((TypeError, AttributeError)) as raised:

        class Late(base):  # type: ignore[misc, valid-type]
            first: int = 0
            second: str

    return f"{raised.type.__name__}: {raised.value}"


def test_a_field_without_default_after_defaults_is_refused_as_typing_refuses_it():
    assert _class_error(Record) == _class_error(typing.NamedTuple)  # type: ignore[arg-type]


def test_named_tuple_attributes_cannot_be_overwritten():
    for base in (Record, typing.NamedTuple):
        with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute _asdict"):

            class Clash(base):  # type: ignore[misc, valid-type]
                field: int

                def _asdict(self) -> dict[str, int]:
                    return {}


def test_a_record_derives_from_record_alone():
    with pytest.raises(TypeError):

        class Mixed(Record, int):  # type: ignore[misc]
            field: int


@pytest.mark.parametrize(
    "record",
    [
        Problem(None, "message", hint="hint"),
        Diagnostic("p.json", 1, 2, "PKG001", "error", "m"),
        Config(select=("PKG",), strict=True),
        DocumentedMetric("go.memory", 3, 1, attributes=("a",)),
        DocumentedAttribute("service.name", 4, 1),
        CatalogueMetric("go.memory", "scope", "gauge", "By"),
        RegistryIssue("r.yaml", "unreadable"),
        SetArgument("name", "value", 5, 3),
    ],
)
def test_pkgkit_records_pickle_by_reference(record):
    """``lint --jobs`` workers send records to the reporting process."""
    copy = pickle.loads(pickle.dumps(record))
    assert copy == record
    assert type(copy) is type(record)
    assert type(record).__qualname__ == type(record).__name__


def test_importing_records_does_not_import_typing():
    source = str(Path(pkgkit.__file__).parent.parent)
    script = "import sys; import pkgkit.records; print('typing' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-S", "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": source},
    )
    assert result.stdout.strip() == "False"


#: One, two, seven, ten (the largest written-out __new__) and twelve fields (compiled on first use).
FIELD_LISTS = [
    ["only"],
    ["name", "count"],
    list("abcdefg"),
    list("abcdefghij"),
    list("abcdefghijkl"),
]


def _public_view(cls: type) -> dict[str, object]:
    """What a reader of a named tuple class sees, functions by name, doc and signature."""
    view: dict[str, object] = {}
    for key, value in vars(cls).items():
        function = getattr(value, "__func__", value)
        if callable(function) and hasattr(function, "__code__"):
            view[key] = (
                type(value).__name__,
                function.__name__,
                function.__qualname__,
                function.__doc__,
                str(inspect.signature(function)),
                function.__defaults__,
            )
        elif key != "__module__":
            view[key] = (type(value).__name__, repr(value))
    return view


@pytest.mark.parametrize("fields", FIELD_LISTS)
@pytest.mark.parametrize("defaults", [[], [None], ["x", ()]])
def test_named_tuple_builds_the_class_collections_builds(fields, defaults):
    if len(defaults) > len(fields):
        return
    ours = named_tuple("Sample", fields, defaults)
    theirs = collections.namedtuple("Sample", fields, defaults=defaults, module=__name__)
    assert _public_view(ours) == _public_view(theirs)
    values = list(range(len(fields)))
    assert ours(*values) == theirs(*values)
    assert repr(ours(*values)) == repr(theirs(*values))
    assert ours(*values)._asdict() == theirs(*values)._asdict()
    assert ours._make(values) == theirs._make(values)
    assert ours(*values).__getnewargs__() == theirs(*values).__getnewargs__()
    assert copy.copy(ours(*values)) == ours(*values)
    for call in (
        lambda cls: cls(),
        lambda cls: cls(*values, 99),
        lambda cls: cls(*values, nope=1),
        lambda cls: cls._make([*values, 99]),
        lambda cls: cls(*values)._replace(nope=1),
    ):
        assert _error(call, ours) == _error(call, theirs)


def _error(call, cls: type) -> str:
    try:
        call(cls)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return "no error"


@pytest.mark.parametrize(
    ("typename", "fields"),
    [
        ("Ok", ["class"]),
        ("Ok", ["_hidden"]),
        ("Ok", ["a", "a"]),
        ("Ok", ["not valid"]),
        ("def", ["a"]),
        ("Ok", [1]),
    ],
)
def test_named_tuple_refuses_the_names_collections_refuses(typename, fields):
    assert _error(lambda _: named_tuple(typename, fields, []), type) == _error(
        lambda _: collections.namedtuple(typename, fields), type
    )
