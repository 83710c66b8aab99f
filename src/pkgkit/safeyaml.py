"""YAML written by users, read safely: the safe loader, and no anchors or aliases.

The safe loader builds no objects from tags. Refusing anchors and aliases on top of it means no
alias bomb (a few lines that expand into billions of nodes when walked) can reach code that walks
the result. Used for configuration files, semantic-convention registries of packages and event
rule tests; PyYAML is imported only when one of them is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml


class AliasRefusedError(ValueError):
    """The document uses an anchor or an alias; ``mark`` says where (0-based line, column)."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__("YAML anchors and aliases are not allowed")
        self.mark = mark

    @property
    def line(self) -> int:
        """1-based line of the anchor or alias."""
        return self.mark.line + 1 if self.mark is not None else 1


def refuse_aliases(text: str) -> None:
    """Raise :class:`AliasRefusedError` at the first anchor or alias of ``text``."""
    import yaml  # noqa: PLC0415 - only when a user's YAML is read

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise AliasRefusedError(event.start_mark)  # type: ignore[arg-type] # C and Python marks


def compose(text: str) -> yaml.Node | None:
    """The node tree of a single document (with marks for locations), aliases refused."""
    import yaml  # noqa: PLC0415

    refuse_aliases(text)
    node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    return node


def load(text: str) -> Any:  # noqa: ANN401 - YAML documents are Any by nature
    """The data of a single document, aliases refused."""
    import yaml  # noqa: PLC0415

    refuse_aliases(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
