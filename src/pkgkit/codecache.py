"""pkgkit's own compiled modules served from one file: the ``pkgkit`` command's start-up.

Importing a module costs ~0.1 ms on this project's reference machine on top of running it: the
import system searches the package folder, stats the source, opens and validates its ``.pyc``.
A cold ``pkgkit lint`` imports ~80 of pkgkit's modules (one per rule, as the style guide asks),
so that search alone is a sixth of the process. CPython freezes its own start-up modules for the
same reason. The console script (:mod:`pkgkit.script`) puts a :class:`CodeCacheFinder` first in
:data:`sys.meta_path`; it serves every module of pkgkit that an earlier run imported from one
file in the cache folder (``code-<cache tag>-<install>.marshal``): the code objects the ``.pyc``
files hold, read at once and unmarshalled module by module as they are imported. A served
module is the module a regular import gives (``__file__``, ``__cached__``, ``__path__``,
``__spec__.origin``, resource reading: the loader is a :class:`SourceFileLoader`); only its code
comes from the cache.

The cache is checked as a timestamp ``.pyc`` is: every module's source must still have the size
and ``st_mtime_ns`` it had when its code was stored, or the module is imported the regular way.
The file names the Python implementation's cache tag and holds the interpreter's version, the
bytecode magic number, pkgkit's version and the install's folder; a file that does not match,
cannot be read, is not the current user's or may be written by others is not used (so the cache
is used only where files have owners and permission bits: POSIX systems). :func:`save` rewrites
the file at the end of a run that imported a module the regular way or found one changed, as a
regular import writes a ``.pyc``: not when bytecode writing is off (``PYTHONDONTWRITEBYTECODE``,
``python -B``).
"""

from __future__ import annotations

import _frozen_importlib
import _frozen_importlib_external
import marshal
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import CodeType, ModuleType

#: Bumped whenever the file's layout changes.
FORMAT = 2
#: The cache is used only where files have owners and permission bits to check.
POSIX = hasattr(os, "getuid")

#: A module's entry: source path, its ``(st_size, st_mtime_ns)``, ``.pyc`` path, whether it is a
#: package, and its marshalled code (a view of the file's bytes, not a copy, once read).
Entry = tuple[str, tuple[int, int], str | None, bool, bytes | memoryview]
#: The file: the size of the index (8 bytes, little-endian), the marshalled ``(header, index)``
#: (the index maps a module to its entry with ``(offset, length)`` of its code in what follows),
#: then every module's marshalled code, one after the other.
_SIZE_BYTES = 8


class CodeCacheFinder:
    """A meta path finder for the modules of one cache file (see the module's documentation)."""

    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = entries
        #: Names of cached modules found changed (imported the regular way instead).
        self.changed: set[str] = set()

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> _frozen_importlib.ModuleSpec | None:
        """The spec of a cached module whose source is unchanged, else None (a regular import)."""
        entry = self.entries.get(name)
        if entry is None:
            return None
        source, signature, cached, is_package, _ = entry
        if _signature(source) != signature:
            self.changed.add(name)
            return None
        spec = _frozen_importlib.ModuleSpec(
            name, _CachedLoader(name, source, self), origin=source, is_package=is_package
        )
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(source)]
        spec.has_location = True
        spec.cached = cached
        return spec

    def code(self, name: str) -> CodeType:
        """The stored code object of a module."""
        code: CodeType = marshal.loads(self.entries[name][4])
        return code


class _CachedLoader(_frozen_importlib_external.SourceFileLoader):
    """The regular source loader, its code read from the cache instead of the ``.pyc`` file."""

    def __init__(self, name: str, path: str, finder: CodeCacheFinder) -> None:
        super().__init__(name, path)
        self.finder = finder

    def get_code(self, fullname: str) -> CodeType:
        return self.finder.code(fullname)


def import_module(name: str) -> ModuleType:
    """``importlib.import_module(name)`` for an absolute name whose parent is imported.

    A module the installed finder serves is loaded as the importlib documentation's recipe
    loads a spec (``module_from_spec``, ``sys.modules``, ``exec_module``) and set on its parent as
    an import sets it: without the import system's search of every finder and its module lock
    (~25 us a module; the rule registry imports ~50). Anything else is imported the regular way.
    """
    module = sys.modules.get(name)
    if module is not None:
        return module
    finder = next((item for item in sys.meta_path if isinstance(item, CodeCacheFinder)), None)
    spec = None if finder is None else finder.find_spec(name)
    if spec is None:
        __import__(name)
        return sys.modules[name]
    module = _frozen_importlib.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    except BaseException:
        sys.modules.pop(name, None)
        raise
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    return module


def install(folder: str, package: str = "pkgkit") -> CodeCacheFinder | None:
    """Serve the cached modules of ``package`` (already imported) from now on.

    Returns the finder, or None when there is no usable cache file (nothing is served).
    """
    if not POSIX:
        return None
    entries = _read(cache_file(folder, package), _header(package))
    if entries is None:
        return None
    finder = CodeCacheFinder(entries)
    sys.meta_path.insert(0, finder)
    return finder


def save(folder: str, finder: CodeCacheFinder | None, package: str = "pkgkit") -> bool:
    """Rewrite the cache file when this run imported a module of ``package`` the regular way or
    found a cached one changed; True when it was written.

    The file then holds every module of ``package`` imported so far, and the entries of the
    old file whose source is unchanged (modules other commands import).
    """
    if sys.dont_write_bytecode or not POSIX:
        return False
    old = {} if finder is None else finder.entries
    if finder is not None and not finder.changed and _own_modules(package).keys() <= old.keys():
        return False
    loaded = _loaded_entries(package, old)
    kept = {
        name: entry
        for name, entry in old.items()
        if name not in loaded and _signature(entry[0]) == entry[1]
    }
    from pkgkit.util.atomic import write_cache_file  # noqa: PLC0415 - only when the file changes

    return write_cache_file(
        cache_file(folder, package), _pack(_header(package), {**kept, **loaded})
    )


def cache_file(folder: str, package: str = "pkgkit") -> str:
    """The cache file of this interpreter and this install of ``package``."""
    tag = sys.implementation.cache_tag
    install = _fnv1a(_package_folder(package).encode())
    return os.path.join(folder, f"code-{tag}-{install:08x}.marshal")


def _fnv1a(data: bytes) -> int:
    """The 32-bit FNV-1a hash (zlib's crc32 would cost its import: ~0.4 ms)."""
    value = 0x811C9DC5
    for byte in data:
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def _header(package: str) -> tuple[object, ...]:
    module = sys.modules[package]
    version = getattr(module, "__version__", None)
    magic = _frozen_importlib_external.MAGIC_NUMBER
    return (FORMAT, sys.version, magic, version, _package_folder(package))


def _package_folder(package: str) -> str:
    return os.path.dirname(os.path.abspath(str(sys.modules[package].__file__)))


def _signature(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns)


def _pack(header: tuple[object, ...], entries: dict[str, Entry]) -> bytes:
    """The file's bytes (see ``_SIZE_BYTES``)."""
    index: dict[str, tuple[object, ...]] = {}
    offset = 0
    for name, (source, signature, cached, is_package, code) in entries.items():
        index[name] = (source, signature, cached, is_package, offset, len(code))
        offset += len(code)
    content: tuple[object, ...] = (header, index)
    head = marshal.dumps(content)  # type: ignore[arg-type]
    codes = (entry[4] for entry in entries.values())
    return b"".join((len(head).to_bytes(_SIZE_BYTES, "little"), head, *codes))


def _read(path: str, header: tuple[object, ...]) -> dict[str, Entry] | None:
    """The entries of a cache file that is safe to use and made for ``header``, else None."""
    try:
        with open(path, "rb") as stream:
            if not _trusted(os.fstat(stream.fileno())):
                return None
            data = memoryview(stream.read())
        size = int.from_bytes(data[:_SIZE_BYTES], "little")
        content = marshal.loads(data[_SIZE_BYTES : _SIZE_BYTES + size])
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(content, tuple) and len(content) == 2 and content[0] == header):
        return None
    codes = data[_SIZE_BYTES + size :]
    index = content[1]
    if not (
        isinstance(index, dict) and all(_is_entry(value, len(codes)) for value in index.values())
    ):
        return None
    return {
        name: (source, signature, cached, is_package, codes[offset : offset + length])
        for name, (source, signature, cached, is_package, offset, length) in index.items()
    }


def _trusted(status: os.stat_result) -> bool:
    """Owned by the current user and writable by nobody else."""
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _is_entry(value: object, size: int) -> bool:
    """An index entry whose code lies within the ``size`` bytes of code."""
    if not (isinstance(value, tuple) and len(value) == 6):
        return False
    source, signature, cached, is_package, offset, length = value
    return (
        isinstance(source, str)
        and isinstance(signature, tuple)
        and isinstance(cached, str | None)
        and isinstance(is_package, bool)
        and type(offset) is int
        and type(length) is int
        and 0 <= offset <= offset + length <= size
    )


def _own_modules(package: str) -> dict[str, _frozen_importlib.ModuleSpec]:
    """The specs of the imported modules of ``package`` read from source files inside its folder."""
    inside = _package_folder(package) + os.sep
    specs: dict[str, _frozen_importlib.ModuleSpec] = {}
    for name, module in list(sys.modules.items()):
        if name != package and not name.startswith(f"{package}."):
            continue
        spec = getattr(module, "__spec__", None)
        source = getattr(spec, "origin", None)
        if isinstance(source, str) and source.endswith(".py") and source.startswith(inside):
            specs[name] = spec  # type: ignore[assignment]
    return specs


def _loaded_entries(package: str, old: dict[str, Entry]) -> dict[str, Entry]:
    """An entry for every module of ``package`` imported from a source file inside its folder."""
    entries: dict[str, Entry] = {}
    for name, spec in _own_modules(package).items():
        entry = old.get(name) if isinstance(spec.loader, _CachedLoader) else _entry(name, spec)
        if entry is not None:
            entries[name] = entry
    return entries


def _entry(name: str, spec: _frozen_importlib.ModuleSpec) -> Entry | None:
    """A new entry for a module imported the regular way (its code as the ``.pyc`` holds it)."""
    loader, source = spec.loader, str(spec.origin)
    if not isinstance(loader, _frozen_importlib_external.SourceFileLoader):
        return None
    signature = _signature(source)
    code = loader.get_code(name)
    if signature is None or code is None or _signature(source) != signature:
        return None
    is_package = spec.submodule_search_locations is not None
    return (source, signature, spec.cached, is_package, marshal.dumps(code))
