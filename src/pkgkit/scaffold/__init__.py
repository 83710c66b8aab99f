"""Create a new package from the templates in ``pkgkit/scaffold/template`` (``pkgkit init``).

Templates hold three tokens: ``__NAME__`` (the package name without its scope) and ``__TITLE__``
(the name in title case), in file contents and file names, and ``__AUTHOR__`` (package.json).
The package is built in a temporary folder beside its target and renamed into place, so a
failure never leaves half a package.
"""

from __future__ import annotations

import getpass
import io
import json
import re
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from pkgkit.model.names import SCOPE, is_unscoped_name
from pkgkit.util.atomic import current_umask, write_atomically
from pkgkit.util.files import read_regular_file

if TYPE_CHECKING:
    from collections.abc import Iterator
    from importlib.resources.abc import Traversable



class ScaffoldError(Exception):
    """The package cannot be created (bad name, target exists)."""


def package_name(wanted: str) -> str:
    """The unscoped package name; ``@instana-integration/x`` and ``x`` both give ``x``."""
    name = wanted.removeprefix(SCOPE)
    if not is_unscoped_name(name) or len(SCOPE + name) > 214:
        raise ScaffoldError(
            f"'{wanted}' is not a valid package name "
            "(lower-case letters, digits, '.', '_' and '-', starting with a letter or digit)"
        )
    return name


def title_of(name: str) -> str:
    """``my-app`` -> ``My App``."""
    return " ".join(word.capitalize() for word in re.split(r"[._-]+", name) if word)


def render_files(name: str, author: str) -> dict[str, str]:
    """``{relative path: text}`` of the new package."""
    tokens = {"__NAME__": name, "__TITLE__": title_of(name), "__AUTHOR__": json_text(author)}

    def fill(text: str) -> str:
        for token, value in tokens.items():
            text = text.replace(token, value)
        return text

    root = resources.files("pkgkit.scaffold") / "template"
    return {fill(relpath): fill(item.read_text(encoding="utf-8")) for relpath, item in _walk(root)}


def json_text(value: str) -> str:
    """``value`` escaped for use inside a JSON string literal."""
    return json.dumps(value)[1:-1]


def default_author() -> str:
    """``git config user.name``, else the login name."""
    try:
        found = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, check=False, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    return found or getpass.getuser()


def _walk(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if item.is_dir():
            yield from _walk(item, f"{prefix}{item.name}/")
        elif item.is_file():
            yield f"{prefix}{item.name}", item


def create_package(target: Path, name: str, author: str) -> list[str]:
    """Write the package for ``name`` at ``target`` (which must not exist); its relative paths."""
    if target.exists() or target.is_symlink():
        raise ScaffoldError(f"{target} already exists; pkgkit init never overwrites a package")
    files = render_files(name, author)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for relpath, text in files.items():
            path = building / relpath
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        building.chmod(0o777 & ~current_umask())
        building.rename(target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return sorted(files)


#: The files of a package, as the ``files`` filter of pre-commit hooks (.pre-commit-hooks.yaml).
PACKAGE_FILES = (
    r"(^|/)(package\.json|README\.md|(dashboards|events|entities|smart-alerts)/.+\.json"
    r"|tests/[^/]+\.ya?ml)$"
)
HOOK_ID = "pkgkit-lint"
PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"


def hook_entry() -> dict[str, object]:
    """The ``repos`` entry that runs the pkgkit installed beside pre-commit on package files."""
    hook = {
        "id": HOOK_ID,
        "name": "pkgkit lint",
        "entry": "pkgkit lint",
        "language": "system",
        "files": PACKAGE_FILES,
        "require_serial": True,
    }
    return {"repo": "local", "hooks": [hook]}


def config_path_for(directory: Path) -> Path:
    """Where the pre-commit configuration lives for packages created in ``directory``.

    An existing file in ``directory`` wins; else the one at the root of the enclosing git
    repository (where pre-commit reads it); else a new file there, or in ``directory``.
    """
    local = directory / PRE_COMMIT_CONFIG
    if local.is_file():
        return local
    root = git_root(directory)
    return (root or directory) / PRE_COMMIT_CONFIG


def git_root(directory: Path) -> Path | None:
    """The nearest folder at or above ``directory`` holding ``.git``."""
    for folder in (directory.resolve(), *directory.resolve().parents):
        if (folder / ".git").exists():
            return folder
    return None


#: A pre-commit configuration is a few lines; a larger file is refused unread.
MAX_CONFIG_BYTES = 1024 * 1024


def _read_config(path: Path) -> str:
    """The text of the pre-commit configuration at ``path`` ("" when there is none): a regular
    file of at most :data:`MAX_CONFIG_BYTES` (a pipe or a device would hang or never end)."""
    if not path.exists() and not path.is_symlink():
        return ""
    try:
        return read_regular_file(str(path), MAX_CONFIG_BYTES).decode("utf-8")
    except OSError as error:
        raise ScaffoldError(f"{path}: cannot read it ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise ScaffoldError(f"{path}: cannot read it (not UTF-8)") from error


class HookPlan:
    """The pre-commit configuration with the pkgkit hook added, ready to write."""

    def __init__(self, path: Path) -> None:
        """Load ``path`` (round-trip: comments and order survive) or start a new document."""
        from ruamel.yaml import YAML  # noqa: PLC0415 - only init needs it
        from ruamel.yaml.error import YAMLError  # noqa: PLC0415

        self.path = path
        self.yaml = YAML()
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096
        text = _read_config(path)
        offset = _sequence_offset(text)
        self.yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
        try:
            self.document = self.yaml.load(text) if text.strip() else {"repos": []}
        except (YAMLError, RecursionError) as error:
            reason = error.__class__.__name__
            raise ScaffoldError(f"{path}: cannot read it as YAML ({reason})") from error
        repos = self.document.get("repos") if isinstance(self.document, dict) else None
        if not isinstance(repos, list):
            raise ScaffoldError(f"{path}: no 'repos' list; add the pkgkit hook by hand")
        self.repos: list[object] = repos

    @property
    def has_hook(self) -> bool:
        """True when some repo already runs the pkgkit-lint hook."""
        return any(
            isinstance(hook, dict) and hook.get("id") == HOOK_ID
            for repo in self.repos
            if isinstance(repo, dict)
            for hook in repo.get("hooks") or []
        )

    def write(self) -> str:
        """Add the hook (once) and write atomically; ``created``, ``updated`` or ``unchanged``."""
        if self.has_hook:
            return "unchanged"
        existed = self.path.is_file()
        self.repos.append(hook_entry())
        text = io.StringIO()
        self.yaml.dump(self.document, text)
        try:
            write_atomically(self.path, text.getvalue())
        except OSError as error:
            raise ScaffoldError(f"{self.path}: cannot write it ({error.strerror})") from error
        return "updated" if existed else "created"


def _sequence_offset(text: str) -> int:
    """Indentation of the ``- `` items of the document (0 when there are none)."""
    match = re.search(r"^( *)- ", text, re.MULTILINE)
    return len(match[1]) if match else 0
