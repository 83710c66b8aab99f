"""pytest configuration: make tests/helpers importable as ``helpers``; a hermetic result cache.

``PKGKIT_CACHE_DIR`` points at a folder of this session (set at import, so every test and every
``pkgkit`` subprocess inherits it): no test reads or writes ``~/.cache/pkgkit``.
"""

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

# Timing is not behaviour: on a shared 2-core machine (CI included) a busy moment made the
# too_slow health check and per-example deadlines fail tests whose properties hold.
settings.register_profile("pkgkit", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("pkgkit")

_CACHE = tempfile.mkdtemp(prefix="pkgkit-test-cache-")
os.environ["PKGKIT_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
