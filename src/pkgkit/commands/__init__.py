"""Sub-commands of the ``pkgkit`` CLI.

Each module defines ``add_parser(subparsers)`` (which sets ``run`` as the parser default) and
``run(args) -> int``. Modules import heavy libraries inside ``run`` so that building the parser
stays cheap.
"""
