"""What pkgkit rewrites, when asked: the canonical text of JSON files (``pkgkit fmt``) and the
README's tables and import command (``pkgkit docs``).

Apart from :mod:`pkgkit.lint`'s findings: these modules read the package model (``docs`` also
the rules' shared views) and compute a file's new text; the commands show it (``--check``,
``--diff``) or write it (:mod:`pkgkit.fix.changes`).
"""
