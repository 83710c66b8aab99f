"""YAML written by users, read safely: the safe loader, no anchors or aliases, bounded depth.

The safe loader builds no objects from tags. Refusing anchors and aliases on top of it means no
alias bomb (a few lines that expand into billions of nodes when walked) can reach code that walks
the result; collections nested deeper than :data:`MAX_DEPTH` are refused before PyYAML builds
anything from them (its composer and constructor recurse per level). Used for configuration
files, semantic-convention registries of packages and event rule tests; PyYAML is imported only
when one of them is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml


#: Collections nest at most this deep; PyYAML builds nodes and values recursively (a few
#: thousand levels raise RecursionError), and no configuration, registry or test nests past ten.
MAX_DEPTH = 100


class RefusedYamlError(ValueError):
    """A document pkgkit does not read; ``mark`` says where (0-based line, column)."""

    def __init__(self, message: str, mark: yaml.Mark | None) -> None:
        super().__init__(message)
        self.mark = mark

    @property
    def line(self) -> int:
        """1-based line of the refused construct."""
        return self.mark.line + 1 if self.mark is not None else 1


class AliasRefusedError(RefusedYamlError):
    """The document uses an anchor or an alias."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__("YAML anchors and aliases are not allowed", mark)


class TooDeepError(RefusedYamlError):
    """The document nests collections deeper than :data:`MAX_DEPTH`."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__(f"YAML nested more than {MAX_DEPTH} deep", mark)


class NumberTooLongError(RefusedYamlError):
    """A plain scalar of more digits than Python converts to an integer (4,300 by default)."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__("a number too long to read", mark)


#: Plain scalars at least this long are checked for digits :class:`int` would refuse.
_LONG_SCALAR = 4000


def refuse_unsafe(text: str) -> None:
    """Raise :class:`AliasRefusedError` at the first anchor or alias of ``text``,
    :class:`TooDeepError` at the first collection nested deeper than :data:`MAX_DEPTH`, or
    :class:`NumberTooLongError` at an integer too long for :class:`int` (PyYAML would raise
    a bare ``ValueError`` building it)."""
    import yaml  # noqa: PLC0415 - only when a user's YAML is read

    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise AliasRefusedError(event.start_mark)  # type: ignore[arg-type] # C and Python marks
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise TooDeepError(event.start_mark)  # type: ignore[arg-type]
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and _too_long_for_int(event):
            raise NumberTooLongError(event.start_mark)  # type: ignore[arg-type]


def _too_long_for_int(event: yaml.ScalarEvent) -> bool:
    """A plain scalar of digits (an integer to YAML) that :class:`int` refuses to convert."""
    import sys  # noqa: PLC0415

    value = event.value
    if len(value) < _LONG_SCALAR or not event.implicit[0]:
        return False
    digits = value.lstrip("+-").replace("_", "")
    limit = sys.get_int_max_str_digits()
    return digits.isdigit() and 0 < limit < len(digits)


def compose(text: str) -> yaml.Node | None:
    """The node tree of a single document (with marks for locations), aliases refused."""
    import yaml  # noqa: PLC0415

    refuse_unsafe(text)
    node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    return node


def load(text: str) -> Any:  # noqa: ANN401 - YAML documents are Any by nature
    """The data of a single document, aliases refused."""
    import yaml  # noqa: PLC0415

    refuse_unsafe(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
