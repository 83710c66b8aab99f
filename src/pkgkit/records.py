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
"""

import collections

TYPE_CHECKING = False
if TYPE_CHECKING:
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
            record = collections.namedtuple(
                typename,
                annotations,
                defaults=[namespace[name] for name in _default_names(annotations, namespace)],
                module=str(namespace["__module__"]),
            )
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


__all__ = ["Record"]
