"""``python -m pkgkit``: the console script."""

from pkgkit.script import main

raise SystemExit(main())
