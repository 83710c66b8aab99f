"""What pkgkit rewrites, when asked: the canonical text of JSON files (``pkgkit fmt``).

Apart from :mod:`pkgkit.lint`'s findings: these modules read the package model and compute a
file's new text; the commands show it (``--check``, ``--diff``) or write it
(:mod:`pkgkit.fix.changes`).
"""
