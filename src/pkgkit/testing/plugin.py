"""pkgkit's pytest plugin (entry point ``pytest11``): collects Instana packages as tests."""
