"""The render modes, apart from :mod:`pkgkit.render.renderer` so that the command line can name them
without importing the renderer."""

from __future__ import annotations

from typing import Final, Literal, get_args

Mode = Literal["instana", "json-safe"]
MODES: Final[tuple[Mode, ...]] = get_args(Mode)
