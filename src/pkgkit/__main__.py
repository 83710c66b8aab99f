"""``python -m pkgkit``."""

from pkgkit.cli import main

raise SystemExit(main())
