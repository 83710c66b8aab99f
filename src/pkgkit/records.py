"""``Record``: ``typing.NamedTuple``'s class syntax without importing :mod:`typing` at run time.

A value type of the lint path is written as it would be with ``typing.NamedTuple``::

    class Diagnostic(Record):
        path: str
        line: int
        hint: str | None = None

        def as_dict(self) -> dict[str, object]: ...

Type checkers see ``typing.NamedTuple`` itself. At run time the class is built as
``typing.NamedTuple`` builds it (a :func:`collections.namedtuple` with the annotated fields, in
order, and their defaults, plus the class body's methods, properties, docstring, ``__module__``
and ``__qualname__``, so instances pickle by reference), without importing :mod:`typing` (~4 ms
of start-up) or checking each annotation (a ``compile()`` per field annotated with a string, as
under ``from __future__ import annotations``). ``__annotations__`` keeps the annotations as
written. tests/test_records.py checks the two agree.

The named tuple class itself is built here as :func:`collections.namedtuple` builds it (same
attributes, methods, docstrings, qualified names and errors), except for one step: namedtuple
``eval``-s the source of each class's ``__new__`` (~0.1 ms: a cold ``pkgkit lint`` defines ten
records), where this module compiles one ``__new__`` per number of fields and gives each class a
copy whose parameters are renamed to its fields.
"""

from __future__ import annotations

import sys
from types import FunctionType

try:
    from _collections import _tuplegetter  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - other Python implementations
    from operator import itemgetter as _itemgetter

    def _tuplegetter(index: int, doc: str) -> property:
        return property(_itemgetter(index), doc=doc)


TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any
    from typing import NamedTuple as Record
else:

    class _RecordMeta(type):
        """Turns a class statement deriving from :class:`Record` into a named tuple class."""

        #: Names a class body may not define (typing.NamedTuple's ``_prohibited``).
        PROHIBITED = frozenset({
            "__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
            "_make", "_replace", "_asdict", "_source",
        })  # fmt: skip
        #: Names of the class body not copied onto the named tuple (typing's ``_special``).
        SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

        def __new__(
            cls, typename: str, bases: tuple[type, ...], namespace: dict[str, object]
        ) -> type:
            if not bases:
                return super().__new__(cls, typename, bases, namespace)
            if bases != (Record,):
                raise TypeError("can only inherit from a NamedTuple type")
            annotations = dict(namespace.get("__annotations__", {}))
            defaults = [namespace[name] for name in _default_names(annotations, namespace)]
            record = named_tuple(typename, list(annotations), defaults)
            record.__module__ = str(namespace["__module__"])
            record.__annotations__ = record.__new__.__annotations__ = annotations
            for key, value in namespace.items():
                if key in cls.PROHIBITED:
                    raise AttributeError(f"Cannot overwrite NamedTuple attribute {key}")
                if key not in cls.SPECIAL and key not in record._fields:
                    setattr(record, key, value)
            return record

    def _default_names(fields: dict[str, object], namespace: dict[str, object]) -> list[str]:
        """The fields with a default; a field without one may not follow them."""
        names: list[str] = []
        for name in fields:
            if name in namespace:
                names.append(name)
            elif names:
                raise TypeError(
                    f"Non-default namedtuple field {name} cannot follow default "
                    f"field{'s' if len(names) > 1 else ''} {', '.join(names)}"
                )
        return names

    class Record(metaclass=_RecordMeta):
        """Base of a record class statement (the class built is a named tuple, not a Record)."""


_tuple_new = tuple.__new__
#: ``__new__`` of a named tuple of N fields, by N. Those up to 10 fields (pkgkit's records have
#: 2 to 10) are written here, so that they are compiled with this module (its ``.pyc``, the code
#: cache) instead of by ``eval`` at run time (~0.1 ms each); a larger one is compiled on first
#: use. Each class gets a copy whose parameters are renamed to its fields.
_NEW_BY_SIZE: dict[int, Any] = {
    1: lambda _cls, _0,: _tuple_new(_cls, (_0,)),
    2: lambda _cls, _0, _1: _tuple_new(_cls, (_0, _1)),
    3: lambda _cls, _0, _1, _2: _tuple_new(_cls, (_0, _1, _2)),
    4: lambda _cls, _0, _1, _2, _3: _tuple_new(_cls, (_0, _1, _2, _3)),
    5: lambda _cls, _0, _1, _2, _3, _4: _tuple_new(_cls, (_0, _1, _2, _3, _4)),
    6: lambda _cls, _0, _1, _2, _3, _4, _5: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5)),
    7: lambda _cls, _0, _1, _2, _3, _4, _5, _6: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6)),
    8: lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7)
    ),
    9: lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8)
    ),
    10: lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9)
    ),
}
#: What ``_replace`` raises for a name that is not a field (Python 3.13 changed it).
_UNEXPECTED_FIELD = TypeError if sys.version_info >= (3, 13) else ValueError


def named_tuple(
    typename: str, field_names: list[str], defaults: list[object]
) -> type[tuple[Any, ...]]:
    """The class ``collections.namedtuple(typename, field_names, defaults=defaults)`` returns
    (its ``__module__`` left to the caller)."""
    typename = sys.intern(str(typename))
    field_names = list(map(str, field_names))
    _check_names(typename, field_names)
    fields = tuple(map(sys.intern, field_names))
    arguments = ", ".join(fields) + ("," if len(fields) == 1 else "")
    methods = _methods(typename, fields, arguments, tuple(defaults))
    namespace: dict[str, object] = {
        "__doc__": f"{typename}({arguments})",
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": dict(zip(fields[len(fields) - len(defaults) :], defaults, strict=True)),
        **methods,
        "__match_args__": fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = _tuplegetter(index, sys.intern(f"Alias for field number {index}"))
    return type(typename, (tuple,), namespace)


def _check_names(typename: str, field_names: list[str]) -> None:
    """namedtuple's checks of the names, with its errors."""
    from keyword import iskeyword  # noqa: PLC0415 - already imported by collections

    for name in [typename, *field_names]:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
        if iskeyword(name):
            raise ValueError(f"Type names and field names cannot be a keyword: {name!r}")
    seen: set[str] = set()
    for name in field_names:
        if name.startswith("_"):
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)


def _methods(
    typename: str, fields: tuple[str, ...], arguments: str, defaults: tuple[object, ...]
) -> dict[str, Any]:
    """namedtuple's methods of one class, named and documented as namedtuple names them."""
    new = _new(fields, defaults)
    new.__doc__ = f"Create new instance of {typename}({arguments})"
    make = _copy(_make, "_make", f"Make a new {typename} object from a sequence or iterable")
    replace = _copy(
        _replace,
        "_replace",
        f"Return a new {typename} object replacing specified fields with new values",
    )
    methods = {
        "__new__": new,
        "_make": classmethod(make),
        "_replace": replace,
        "__repr__": _copy(_repr, "__repr__", _repr.__doc__),
        "_asdict": _copy(_asdict, "_asdict", _asdict.__doc__),
        "__getnewargs__": _copy(_getnewargs, "__getnewargs__", _getnewargs.__doc__),
    }
    if sys.version_info >= (3, 13):
        methods["__replace__"] = replace
    for function in (
        new,
        make,
        *(methods[name] for name in ("_replace", "__repr__", "_asdict", "__getnewargs__")),
    ):
        function.__qualname__ = f"{typename}.{function.__name__}"
    return methods


def _new(fields: tuple[str, ...], defaults: tuple[object, ...]) -> Any:  # noqa: ANN401 - any record
    """``lambda _cls, <fields>: tuple.__new__(_cls, (<fields>))`` with ``defaults``."""
    size = len(fields)
    template = _NEW_BY_SIZE.get(size)
    if template is None:
        parameters = ", ".join(f"_{index}" for index in range(size)) + ("," if size == 1 else "")
        source = f"lambda _cls, {parameters}: _tuple_new(_cls, ({parameters}))"
        globals_ = {"_tuple_new": tuple.__new__, "__builtins__": {}, "__name__": "pkgkit.records"}
        template = _NEW_BY_SIZE[size] = eval(source, globals_)
    code = template.__code__.replace(co_varnames=("_cls", *fields))
    return FunctionType(code, template.__globals__, "__new__", defaults)


def _copy(function: Any, name: str, doc: str | None) -> Any:  # noqa: ANN401 - any record
    """A new function object of ``function``'s code, with its own name, qualified name and doc."""
    copy = FunctionType(function.__code__, function.__globals__, name)
    copy.__doc__ = doc
    return copy


def _make(cls: Any, iterable: Any) -> Any:  # noqa: ANN401 - any record
    result = tuple.__new__(cls, iterable)
    if len(result) != len(cls._fields):
        raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
    return result


def _replace(self: Any, /, **kwds: Any) -> Any:  # noqa: ANN401 - any record
    result = self._make(map(kwds.pop, self._fields, self))
    if kwds:
        raise _UNEXPECTED_FIELD(f"Got unexpected field names: {list(kwds)!r}")
    return result


def _repr(self: Any) -> str:  # noqa: ANN401 - any record
    """Return a nicely formatted representation string"""
    fields = ", ".join(f"{name}=%r" for name in self._fields)
    text: str = self.__class__.__name__ + f"({fields})" % tuple(self)
    return text


def _asdict(self: Any) -> dict[str, Any]:  # noqa: ANN401 - any record
    """Return a new dict which maps field names to their values."""
    return dict(zip(self._fields, self, strict=False))


def _getnewargs(self: Any) -> tuple[Any, ...]:  # noqa: ANN401 - any record
    """Return self as a plain tuple.  Used by copy and pickle."""
    return tuple(self)


__all__ = ["Record"]
