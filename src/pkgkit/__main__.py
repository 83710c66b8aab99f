"""``python -m pkgkit``: the command line."""

from pkgkit.cli import main

raise SystemExit(main())
