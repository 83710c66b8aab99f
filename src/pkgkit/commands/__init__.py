"""Sub-commands of the ``pkgkit`` CLI.

Each module defines ``add_parser(subparsers)`` (which sets ``run`` as the parser default) and
``run(args) -> int``. Modules import heavy libraries inside ``run`` so that building the parser
stays cheap.
A problem with how pkgkit was called or configured is raised as :class:`UsageError`; the command
line (:mod:`pkgkit.cli`) reports each of its messages in one line with exit code 2.
"""


class UsageError(Exception):
    """A problem with how pkgkit was called or configured (exit code 2): one message, or one
    per problem (``UsageError(*messages)``: each its own ``pkgkit: error:`` line)."""
