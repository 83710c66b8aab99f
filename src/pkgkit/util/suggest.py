"""Did-you-mean: the closest known name for a misspelt one.

Names are compared in a normalised form first (case folded, ``.``, ``_``, ``-`` and spaces
treated as one separator), so ``heap.alloc`` finds ``heap_alloc`` and ``Go Runtime`` finds
``go-runtime``; then by suffix (a name written with or without a prefix), then by edit distance.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

_SEPARATORS = r"[\s._\-/]+"


def _normalize_name(name: str) -> str:
    return re.sub(_SEPARATORS, ".", name.casefold()).strip(".")


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
    match = closest_by_ratio(wanted, list(by_normal), cutoff)
    return by_normal[match] if match is not None else None


def closest_by_ratio(word: str, options: list[str], cutoff: float) -> str | None:
    """``difflib.get_close_matches(word, options, n=1, cutoff=cutoff)``, computing fewer ratios.

    Every option's cheap upper bound of its ratio is taken first (its length and its characters,
    as ``get_close_matches`` does); the costly ratios are then computed from the highest bound
    down, and no further once a bound is below the best ratio found: the same answer (the
    highest ratio, ties to the greatest option) from a few ratios instead of one per option.
    An option whose longest common subsequence with the word (:func:`ratio_bound`, a tighter
    bound) cannot reach the cutoff or the best ratio found is passed over without its ratio.
    """
    import difflib  # noqa: PLC0415 - only when a name is misspelt (difflib imports heapq)

    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)  # get_close_matches' order: the word's index is built once
    bounded: list[tuple[float, str]] = []
    for option in options:
        matcher.set_seq1(option)
        if matcher.real_quick_ratio() >= cutoff:
            bound = matcher.quick_ratio()
            if bound >= cutoff:
                bounded.append((bound, option))
    best: tuple[float, str] | None = None
    in_word = character_masks(word)
    for bound, option in sorted(bounded, reverse=True):
        if best is not None and bound < best[0]:
            break
        tighter = _ratio(common_subsequence(in_word, option), len(word) + len(option))
        if tighter < cutoff or (best is not None and tighter < best[0]):
            continue
        matcher.set_seq1(option)
        scored = (matcher.ratio(), option)
        if scored[0] >= cutoff and (best is None or scored > best):
            best = scored
    return best[1] if best is not None else None


def ratio_bound(a: str, b: str) -> float:
    """An upper bound of difflib's ratio of ``a`` and ``b``, tighter than ``quick_ratio``: the
    ratio of their longest common subsequence (difflib's matching blocks are one, in order)."""
    return _ratio(common_subsequence(character_masks(a), b), len(a) + len(b))


def _ratio(matches: int, length: int) -> float:
    """difflib's ratio of ``matches`` characters of two texts of ``length`` together."""
    return 2.0 * matches / length if length else 1.0


def character_masks(text: str) -> dict[str, int]:
    """Each character of ``text`` and the bits of the positions it is at."""
    masks: dict[str, int] = {}
    for position, character in enumerate(text):
        masks[character] = masks.get(character, 0) | 1 << position
    return masks


def common_subsequence(masks: dict[str, int], other: str) -> int:
    """The length of the longest common subsequence of a text (its :func:`character_masks`) and
    ``other``: a bit-parallel count (Hyyrö, 2004), one pass over ``other``."""
    length = sum(mask.bit_count() for mask in masks.values())
    full = (1 << length) - 1
    rows = full
    for character in other:
        matched = rows & masks.get(character, 0)
        rows = ((rows + matched) | (rows - matched)) & full
    return length - rows.bit_count()


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A hint sentence ``did you mean 'x'?`` or None."""
    match = closest(name, candidates)
    return f"did you mean '{match}'?" if match else None
