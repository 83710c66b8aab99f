"""pkgkit test's machinery: Hypothesis strategies, render properties, event rule tests, the
pytest plugin. What the command line needs of it without importing pytest is here."""

from __future__ import annotations

#: The most examples a search may draw per template, property and mode: ten thousand take
#: minutes per template already, and an unbounded number would never end.
MAX_EXAMPLES = 10_000


def example_count(text: str) -> int:
    """``--max-examples``: a whole number from 1 to :data:`MAX_EXAMPLES`."""
    import argparse  # noqa: PLC0415 - imported already whenever options are parsed

    value = int(text) if text.strip().isdigit() and len(text.strip()) < 10 else 0
    if not 1 <= value <= MAX_EXAMPLES:
        raise argparse.ArgumentTypeError(
            f"expected a whole number from 1 to {MAX_EXAMPLES:,}, got {text!r}"
        )
    return value
