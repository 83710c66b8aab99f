"""pkgkit: lint and property-test Instana integration packages."""

__version__ = "0.1.0"
