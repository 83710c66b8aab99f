"""Effective configuration of a lint run: which rules, how severe, where ignored.

Built in layers, each a pure function: defaults, then the configuration file found by walking
up from the linted path, then the command line.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any

from pkgkit.diagnostics import Severity


@dataclass(frozen=True)
class Config:
    """Options every rule and the engine read."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    strict: bool = False
    variables: dict[str, dict[str, Any]] = field(default_factory=dict)
    registries: tuple[str, ...] = ()
    source: str | None = None

    def is_enabled(self, code: str) -> bool:
        """Longest matching prefix wins between ``select`` and ``ignore`` (flake8's rule)."""
        selected = _longest_prefix(code, self.select) if self.select else 0
        if self.select and not selected:
            return False
        ignored = _longest_prefix(code, self.ignore)
        return ignored == 0 or selected > ignored

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The configured severity of ``code`` (longest prefix), else its default."""
        best, chosen = 0, default
        for prefix, severity in self.severity.items():
            if code.startswith(prefix) and len(prefix) > best:
                best, chosen = len(prefix), severity
        return chosen

    def is_ignored_in(self, code: str, relpath: str) -> bool:
        """True when ``per_file_ignores`` silences ``code`` for a package-relative path."""
        return any(
            fnmatch.fnmatch(relpath, pattern) and _longest_prefix(code, codes)
            for pattern, codes in self.per_file_ignores.items()
        )


def _longest_prefix(code: str, prefixes: tuple[str, ...]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=0)
