"""Did-you-mean: the closest known name for a misspelt one.

Names are compared in a normalised form first (case folded, ``.``, ``_``, ``-`` and spaces
treated as one separator), so ``heap.alloc`` finds ``heap_alloc`` and ``Go Runtime`` finds
``go-runtime``; then by suffix (a name written with or without a prefix), then by edit distance.
"""

from __future__ import annotations

import functools

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

#: ``.``, ``_``, ``-`` and ``/`` -> a space: separators as white space is.
_SEPARATORS_TO_SPACE = str.maketrans("._-/", "    ")


def _normalize_name(name: str) -> str:
    r"""``re.sub(r"[\s._\-/]+", ".", name.casefold()).strip(".")``, with no pattern to compile.

    Each run of separators becomes one ``.``, none at either end: the non-empty parts joined.
    """
    return ".".join(name.casefold().translate(_SEPARATORS_TO_SPACE).split())


#: Case-folded, separator-insensitive form of a name. Cached: rules compare the same metric
#: names, in every package of a run.
normalize_name = functools.lru_cache(maxsize=4096)(_normalize_name)


def closest(name: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate ``name`` most likely means, or None when nothing is close."""
    options = [c for c in dict.fromkeys(candidates) if c != name]
    if not options:
        return None
    wanted = normalize_name(name)
    by_normal = {normalize_name(c): c for c in options}
    if wanted in by_normal:
        return by_normal[wanted]
    suffixed = [
        c for n, c in by_normal.items() if n.endswith("." + wanted) or wanted.endswith("." + n)
    ]
    if len(suffixed) == 1:
        return suffixed[0]
    import difflib  # noqa: PLC0415 - only when a name is misspelt (difflib imports heapq)

    matches = difflib.get_close_matches(wanted, list(by_normal), n=1, cutoff=cutoff)
    return by_normal[matches[0]] if matches else None


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A hint sentence ``did you mean 'x'?`` or None."""
    match = closest(name, candidates)
    return f"did you mean '{match}'?" if match else None
