"""Developer sessions: ``nox -s tests``, ``nox -s lint``, ``nox -s bench``, ``nox -s schemas``,
``nox -s conventions``.

``nox`` alone runs tests and lint. The benchmark is opt-in (it takes a while and its numbers only
mean something on a quiet machine); pass options after ``--``: ``nox -s bench -- --packages 1000``.
"""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["tests", "lint"]

#: Packages the bench session generates unless told otherwise (the README figures use 1,000).
BENCH_PACKAGES = "200"


#: Pythons the tests session runs on: 3.11 and 3.12 read READMEs with markdown-it-pyrs, 3.13 with
#: markdown-it-py only (no wheel). nox skips those not found (an error when CI is set).
TEST_PYTHONS = ["3.11", "3.12", "3.13"]


@nox.session(python=TEST_PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite (includes the ruff and mypy checks when the dev tools are installed)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on everything, mypy --strict on the package."""
    session.install("-e", ".[dev]")
    session.run("ruff", "check", "src", "tests", "bench", "noxfile.py")
    session.run("mypy", "--strict", "src/pkgkit")


@nox.session
def bench(session: nox.Session) -> None:
    """bench/run.py on a smaller monorepo; ``-- --packages 1000`` for the README figures."""
    session.install("-e", ".")
    args = session.posargs or ["--packages", BENCH_PACKAGES]
    session.run("python", "bench/run.py", *args)


@nox.session
def schemas(session: nox.Session) -> None:
    """Regenerate src/pkgkit/schemas/validators.py after editing schemas/*.schema.json."""
    session.install("-e", ".")
    session.run("python", "-m", "pkgkit.schemas.codegen")


@nox.session
def conventions(session: nox.Session) -> None:
    """Regenerate src/pkgkit/conventions/catalogue.json from ../shared/reference/semconv and the
    source extracts in tools/catalogue-sources/ (``-- --check`` only compares)."""
    session.install("-e", ".")
    session.run("python", "-m", "pkgkit.conventions.generate", *session.posargs)
