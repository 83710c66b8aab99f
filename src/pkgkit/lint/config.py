"""Effective configuration of a lint run: which rules, how severe, where ignored.

Built in layers, each a pure function: defaults (:class:`Config`), then the configuration file
(:func:`load_config_file`, found by :func:`~pkgkit.model.discovery.find_config_file` walking up
from the package), then the command line (:meth:`Overrides.apply`). :class:`ConfigResolver`
puts the layers together per package and caches each file.

Configuration lives in ``.pkgkit.yaml`` / ``.pkgkit.yml`` or in the ``[tool.pkgkit]`` table of
``pyproject.toml``. A file is validated against ``schemas/pkgkit-config.schema.json``, then
rule codes are checked against the known rules; any problem is a :class:`ConfigError` naming
the file and line. YAML is loaded with the safe loader and anchors/aliases are refused, so no
tag can run code and no alias bomb can expand. PyYAML, tomllib and jsonschema are imported only
when a configuration file is read.
"""

# No `from __future__ import annotations` here: typing.NamedTuple checks each field's
# annotation when the class is made, and one held as text is compiled (docs/architecture.md,
# "Start-up and the per-package budget").

import bisect
import functools
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from pkgkit.diagnostics import Severity
from pkgkit.model.discovery import MAX_CONFIG_BYTES, find_config_file
from pkgkit.util.output import display_text
from pkgkit.util.paths import display_path
from pkgkit.util.suggest import did_you_mean

if TYPE_CHECKING:
    import yaml
    from jsonschema.exceptions import ValidationError

#: Rule-code families (architecture.md); a family, optionally with one digit, is a valid prefix.
FAMILIES = ("PKG", "MET", "DOC", "TPL")
#: The JSON Schema of a configuration file, in the ``pkgkit.schemas`` package.
CONFIG_SCHEMA = "pkgkit-config.schema.json"
KeyPath = tuple[str | int, ...]


class Config(NamedTuple):
    """Options every rule and the engine read (never mutated: the empty defaults are shared)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = {}  # noqa: RUF012 - a NamedTuple field, never mutated
    per_file_ignores: dict[str, tuple[str, ...]] = {}  # noqa: RUF012
    strict: bool = False
    variables: dict[str, dict[str, Any]] = {}  # noqa: RUF012
    registries: tuple[str, ...] = ()
    source: str | None = None
    #: Line in ``source`` naming each registry (what MET012 points at).
    registry_lines: dict[str, int] = {}  # noqa: RUF012

    def is_enabled(self, code: str) -> bool:
        """Longest matching prefix wins between ``select`` and ``ignore`` (flake8's rule)."""
        return _is_enabled(code, self.select, self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The configured severity of ``code`` (longest prefix), else its default."""
        best, chosen = 0, default
        for prefix, severity in self.severity.items():
            if code.startswith(prefix) and len(prefix) > best:
                best, chosen = len(prefix), severity
        return chosen

    def is_ignored_in(self, code: str, relpath: str) -> bool:
        """True when ``per_file_ignores`` silences ``code`` for a package-relative path."""
        import fnmatch  # noqa: PLC0415 - only with per-file-ignores configured

        return any(
            fnmatch.fnmatch(relpath, pattern) and _longest_prefix(code, codes)
            for pattern, codes in self.per_file_ignores.items()
        )


@functools.cache
def _is_enabled(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """:meth:`Config.is_enabled`, computed once per rule and selection."""
    selected = _longest_prefix(code, select) if select else 0
    if select and not selected:
        return False
    ignored = _longest_prefix(code, ignore)
    return ignored == 0 or selected > ignored


def _longest_prefix(code: str, prefixes: tuple[str, ...]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=0)


class ConfigError(Exception):
    """A configuration file that cannot be used: every problem, each with its line."""

    def __init__(self, path: str, problems: Sequence[tuple[int, str]]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        """One line per problem; text quoted from the file is escaped (one line each)."""
        shown = display_text(display_path(self.path))
        return "\n".join(
            f"{shown}:{line}: {display_text(message)}" for line, message in self.problems
        )


# --------------------------------------------------------------------------- rule codes


def code_problem(code: str) -> str | None:
    """Why ``code`` names no rule (with a did-you-mean), or None for a known code or prefix."""
    from pkgkit.rules import all_rules  # noqa: PLC0415 - only when codes are given

    codes = [rule.CODE for rule in all_rules()]
    if any(known.startswith(code) for known in codes) or re.fullmatch(
        rf"({'|'.join(FAMILIES)})\d?", code
    ):
        return None
    hint = did_you_mean(code, [*codes, *FAMILIES])
    return f"unknown rule code or prefix '{code}'" + (f" ({hint})" if hint else "")


# --------------------------------------------------------------------------- the command line


class Overrides:
    """Command-line options: a given option replaces the file's value (``strict`` only turns on)."""

    __slots__ = ("ignore", "select", "strict")

    def __init__(
        self,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] | None = None,
        strict: bool = False,
    ) -> None:
        self.select = select
        self.ignore = ignore
        self.strict = strict

    def apply(self, config: Config) -> Config:
        """The configuration with the command line laid over it."""
        return config._replace(
            select=config.select if self.select is None else self.select,
            ignore=config.ignore if self.ignore is None else self.ignore,
            strict=config.strict or self.strict,
        )


class ConfigResolver:
    """The effective configuration of each package, each configuration file read once.

    ``explicit`` (``--config FILE``) applies to every package; otherwise each package uses the
    nearest file above it (:func:`find_config_file`, each folder looked at once per resolver);
    ``isolated`` ignores configuration files.
    """

    __slots__ = ("_cache", "_found", "_real_parents", "explicit", "isolated", "overrides")

    def __init__(
        self,
        explicit: str | None = None,
        isolated: bool = False,
        overrides: Overrides | None = None,
    ) -> None:
        self.explicit = explicit
        self.isolated = isolated
        self.overrides = overrides if overrides is not None else Overrides()
        self._cache: dict[str | None, Config] = {}
        self._found: dict[str, str | None] = {}
        self._real_parents: dict[str, str] = {}

    def for_package(self, root: str) -> Config:
        """Defaults, then the package's configuration file, then the command line."""
        path = self.explicit or (None if self.isolated else self._nearest_file(root))
        if path not in self._cache:
            within = None if self.explicit else os.path.dirname(path or "")  # noqa: PTH120
            base = load_config_file(path, within=within) if path else Config()
            self._cache[path] = self.overrides.apply(base)
        return self._cache[path]

    def _nearest_file(self, root: str) -> str | None:
        return find_config_file(root, self._found, self._real_parents)


# --------------------------------------------------------------------------- loading


class KeyLines:
    """Line of each key of a loaded document, by path; a missing path falls back to its parent."""

    __slots__ = ("lines",)

    def __init__(self) -> None:
        self.lines: dict[KeyPath, int] = {}

    def line_of(self, path: Iterable[str | int]) -> int:
        """The line of the longest known prefix of ``path`` (1 when nothing is known)."""
        parts = tuple(path)
        for end in range(len(parts), -1, -1):
            if parts[:end] in self.lines:
                return self.lines[parts[:end]]
        return 1


def load_config_file(path: str, *, within: str | None = None) -> Config:
    """Read, validate and build the configuration of one file (TOML or YAML by extension).

    ``within``: the folder a file found by :func:`find_config_file` was found in; a symbolic
    link out of it is refused unread (``--config FILE`` is read wherever it leads).
    """
    try:
        return _load(path, _read(path, within))
    except RecursionError:  # TOML arrays (YAML is refused past safeyaml.MAX_DEPTH), schemas
        raise ConfigError(path, [(1, "nested too deeply to read")]) from None


def _load(path: str, text: str) -> Config:
    if path.endswith(".toml"):
        data, lines = _load_toml(path, text)
    else:
        data, lines = _load_yaml(path, text)
    if data is None:
        data = {}
    problems = list(_schema_problems(data, lines))
    if not problems and isinstance(data, dict):
        problems = list(_semantic_problems(data, lines))
    if problems or not isinstance(data, dict):
        raise ConfigError(path, sorted(problems))
    return _build(data, path, _registry_lines(data.get("registries", []), lines))


def _read(path: str, within: str | None) -> str:
    """The text of a configuration file: a regular file of at most :data:`MAX_CONFIG_BYTES`."""
    from pkgkit.util.files import read_regular_file  # noqa: PLC0415

    try:
        return read_regular_file(path, MAX_CONFIG_BYTES, within=within).decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(path, [(1, "no such configuration file")]) from None
    except UnicodeDecodeError as error:
        raise ConfigError(path, [(1, f"not UTF-8 text ({error.reason})")]) from None
    except OSError as error:
        raise ConfigError(path, [(1, f"cannot read: {error.strerror}")]) from None


def _load_toml(path: str, text: str) -> tuple[object, KeyLines]:
    import tomllib  # noqa: PLC0415 - only when a TOML configuration exists

    try:
        document = tomllib.loads(text)
    except ValueError as error:
        if not isinstance(error, tomllib.TOMLDecodeError):  # an integer too long for int()
            line = _TomlLines(text).too_long or 1
            raise ConfigError(path, [(line, "invalid TOML: a number too long to read")]) from None
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at line.*\)", "", str(error))
        line = int(match[1]) if match else max(1, len(text.splitlines()))
        raise ConfigError(path, [(line, f"invalid TOML: {message}")]) from None
    tool = document.get("tool")
    if not isinstance(tool, dict) or "pkgkit" not in tool:
        raise ConfigError(path, [(1, "no [tool.pkgkit] table")])
    return tool["pkgkit"], _TomlLines(text).keys


_TOML_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_TOML_DOTTED = rf"{_TOML_KEY}(?:[ \t]*\.[ \t]*{_TOML_KEY})*"
# The patterns of _TomlLines, compiled when a TOML file is read (re keeps them compiled).
_TOML_HEADER = rf"\[\[?[ \t]*({_TOML_DOTTED})[ \t]*\]\]?"
_TOML_ASSIGN = rf"({_TOML_DOTTED})[ \t]*=[ \t]*"
#: What separates values: white space, line breaks and comments.
_TOML_BLANK = r"(?:[ \t\r\n]|#[^\n]*)*"
_TOML_STRING = (
    r'(?s)"""(?:\\.|[^\\])*?"{3,5}|' r"'''.*?'{3,5}|" r'"(?:\\.|[^"\\\n])*"|' r"'[^'\n]*'"
)
#: A number, boolean or date (a local date-time may hold a space).
_TOML_SCALAR = r"[^,\]}#\n]+"


def _toml_parts(dotted: str) -> tuple[str, ...]:
    parts = re.findall(_TOML_KEY, dotted)
    return tuple(p[1:-1] if p[:1] in {'"', "'"} else p for p in parts)


class _TomlLines:
    """Lines of the keys and array items under ``[tool.pkgkit]``, and of the first integer
    too long for :class:`int`, by scanning the text (tomllib keeps no positions)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.keys = KeyLines()
        self.too_long: int | None = None
        table: tuple[str, ...] = ()
        while self._blank() < len(text):
            header = re.compile(_TOML_HEADER).match(text, self.pos)
            assign = None if header else re.compile(_TOML_ASSIGN).match(text, self.pos)
            if header:
                table = _toml_parts(header[1])
                self._record(table)
                self.pos = header.end()
            elif assign:
                self._record(table + _toml_parts(assign[1]))
                self.pos = assign.end()
                self._value(table + _toml_parts(assign[1]))
            else:  # not TOML (the parser says where): the next line
                newline = text.find("\n", self.pos)
                self.pos = len(text) if newline < 0 else newline + 1

    def _line(self) -> int:
        return bisect.bisect_right(self.starts, self.pos)

    def _blank(self) -> int:
        """Past white space, line breaks and comments; the position there."""
        blank = re.compile(_TOML_BLANK).match(self.text, self.pos)  # matches, if only nothing
        self.pos = blank.end() if blank else self.pos
        return self.pos

    def _record(self, path: tuple[str | int, ...]) -> None:
        if path[:2] == ("tool", "pkgkit"):
            self.keys.lines.setdefault(path[2:], self._line())

    def _value(self, path: tuple[str | int, ...]) -> None:
        text = self.text
        opening = text[self.pos : self.pos + 1]
        if opening in ("[", "{"):
            self.pos += 1
            closing = "]" if opening == "[" else "}"
            index = 0
            while self._blank() < len(text) and text[self.pos] != closing:
                before = self.pos
                if opening == "[":
                    self._record((*path, index))
                    self._value((*path, index))
                    index += 1
                else:
                    assign = re.compile(_TOML_ASSIGN).match(text, self.pos)
                    if assign is None:
                        break
                    self.pos = assign.end()
                    self._record((*path, *_toml_parts(assign[1])))
                    self._value((*path, *_toml_parts(assign[1])))
                if self._blank() < len(text) and text[self.pos] == ",":
                    self.pos += 1
                elif self.pos == before:  # not TOML: the parser says where
                    break
            self.pos += 1
            return
        string = re.compile(_TOML_STRING).match(text, self.pos)
        found = string or re.compile(_TOML_SCALAR).match(text, self.pos)
        if found is None:
            return
        if string is None and self.too_long is None:
            digits = found[0].strip().lstrip("+-").replace("_", "")
            if digits.isdigit() and 0 < sys.get_int_max_str_digits() < len(digits):
                self.too_long = self._line()
        self.pos = found.end()


def _load_yaml(path: str, text: str) -> tuple[object, KeyLines]:
    import yaml  # noqa: PLC0415 - only when a YAML configuration exists

    from pkgkit.util.safeyaml import RefusedYamlError, refuse_unsafe  # noqa: PLC0415

    try:
        refuse_unsafe(text)
        loader = yaml.SafeLoader(text)  # one parse gives the nodes (lines) and the data
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except RefusedYamlError as error:
        raise ConfigError(path, [(error.line, str(error))]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise ConfigError(path, [(line, f"invalid YAML: {error.problem or error}")]) from None
    except yaml.YAMLError as error:
        raise ConfigError(path, [(1, f"invalid YAML: {error}")]) from None
    lines = KeyLines()
    if node is not None:
        _yaml_key_lines(path, node, (), lines)
    return data, lines


def _yaml_key_lines(path: str, node: "yaml.Node", at: KeyPath, lines: KeyLines) -> None:
    """Record the line of every key and item; refuse a key given twice in one mapping."""
    import yaml  # noqa: PLC0415

    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key_node.tag != "tag:yaml.org,2002:str":
                line = key_node.start_mark.line + 1
                raise ConfigError(path, [(line, f"key {key!r} is not a string; quote it")])
            if (*at, key) in lines.lines:
                first = lines.lines[(*at, key)]
                line = key_node.start_mark.line + 1
                raise ConfigError(path, [(line, f"duplicate key '{key}' (first at line {first})")])
            lines.lines[(*at, key)] = key_node.start_mark.line + 1
            _yaml_key_lines(path, value_node, (*at, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.lines[(*at, index)] = item.start_mark.line + 1
            _yaml_key_lines(path, item, (*at, index), lines)


# --------------------------------------------------------------------------- validation


def _schema_problems(data: object, lines: KeyLines) -> Iterator[tuple[int, str]]:
    from jsonschema import Draft202012Validator  # noqa: PLC0415 - only when a file exists

    if not isinstance(data, dict):
        yield 1, "the configuration must be a mapping of keys to values"
        return
    for error in Draft202012Validator(config_schema()).iter_errors(data):
        yield from _explain(error, lines)


def config_schema() -> dict[str, Any]:
    """``schemas/pkgkit-config.schema.json``, read from the installed data package."""
    import json  # noqa: PLC0415

    from pkgkit.util.packaged import read_text  # noqa: PLC0415

    schema: dict[str, Any] = json.loads(read_text("pkgkit.schemas", CONFIG_SCHEMA))
    return schema


def _dotted(path: Iterable[str | int]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _explain(error: "ValidationError", lines: KeyLines) -> Iterator[tuple[int, str]]:
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = list(error.schema.get("properties", {})) if isinstance(error.schema, dict) else []
        for key in map(str, error.instance):
            if key not in known:
                hint = did_you_mean(key, known)
                where = f" in '{_dotted(path)}'" if path else ""
                suffix = f" ({hint})" if hint else f"; known keys: {', '.join(known)}"
                yield lines.line_of((*path, key)), f"unknown key '{key}'{where}{suffix}"
        return
    if error.validator == "propertyNames":
        yield lines.line_of(path), f"'{_dotted(path)}': bad key {error.message}"
        return
    yield lines.line_of(path), f"'{_dotted(path)}': {error.message}"


def _semantic_problems(data: dict[str, Any], lines: KeyLines) -> Iterator[tuple[int, str]]:
    from pathlib import Path  # noqa: PLC0415 - only when a configuration file is read

    for key, codes in _code_lists(data):
        yield from _code_problems(codes, key, lines)
    for name, schema in data.get("variables", {}).items():
        yield from _variable_problems(name, schema, lines)
    for index, registry in enumerate(data.get("registries", [])):
        if Path(registry).is_absolute() or ".." in re.split(r"[\\/]", registry):
            line = lines.line_of(("registries", index))
            yield line, f"registry '{registry}' must be a path inside the package, without '..'"


def _code_lists(data: dict[str, Any]) -> Iterator[tuple[KeyPath, list[str]]]:
    for key in ("select", "ignore"):
        yield (key,), data.get(key, [])
    yield ("severity",), list(data.get("severity", {}))
    for pattern, codes in data.get("per-file-ignores", {}).items():
        yield ("per-file-ignores", pattern), codes


def _code_problems(codes: list[str], at: KeyPath, lines: KeyLines) -> Iterator[tuple[int, str]]:
    for index, code in enumerate(codes):
        problem = code_problem(code)
        if problem:
            where = (*at, code) if at == ("severity",) else (*at, index)
            yield lines.line_of(where), problem


def _variable_problems(
    name: str, schema: dict[str, Any], lines: KeyLines
) -> Iterator[tuple[int, str]]:
    from jsonschema import Draft202012Validator  # noqa: PLC0415
    from jsonschema.exceptions import SchemaError  # noqa: PLC0415

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        at = ("variables", name, *error.absolute_path)
        yield lines.line_of(at), f"variables.{name}: not a valid JSON Schema: {error.message}"


def _registry_lines(registries: list[str], lines: KeyLines) -> dict[str, int]:
    """The line naming each registry: its item's line."""
    found: dict[str, int] = {}
    for index, registry in enumerate(registries):
        found.setdefault(registry, lines.line_of(("registries", index)))
    return found


def _build(data: dict[str, Any], path: str, registry_lines: dict[str, int]) -> Config:
    return Config(
        select=tuple(data.get("select", ())),
        ignore=tuple(data.get("ignore", ())),
        severity={code: Severity(level) for code, level in data.get("severity", {}).items()},
        per_file_ignores={
            pattern: tuple(codes) for pattern, codes in data.get("per-file-ignores", {}).items()
        },
        strict=bool(data.get("strict", False)),
        variables=dict(data.get("variables", {})),
        registries=tuple(data.get("registries", ())),
        source=path,
        registry_lines=registry_lines,
    )
