"""Compile pkgkit's JSON Schemas into Python predicates, ahead of time.

``python -m pkgkit.schemas.codegen`` writes ``src/pkgkit/schemas/validators.py``: one
``is_valid_<kind>(instance) -> bool`` per artifact kind, plain ``isinstance``/comparison checks that
answer as python-jsonschema's ``Draft202012Validator.is_valid`` does, so a clean lint imports no
validator library. Run it after every change to ``schemas/*.schema.json`` (a test fails until then).

Only the keywords pkgkit's schemas use are supported; any other keyword, a boolean subschema, a
nested ``$id`` or a ``$ref`` that is not ``#/$defs/<name>`` raises :class:`SchemaCodegenError`, so
a schema change can never silently loosen validation. The checks mirror python-jsonschema's
(``jsonschema/_keywords.py``, ``_types.py``, ``_utils.equal``) for JSON values: ``integer`` takes
``1.0`` but never a bool, ``enum``/``const`` never equate ``true`` with ``1``, ``pattern`` is
``re.search`` on strings, bounds fail only on ``<``/``>`` (NaN passes), lengths count code points,
and every keyword applies only to the instance types it is about.
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pkgkit.schemas.validation import SCHEMA_FILES, load_schema

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

#: Where the generated module lives (next to this one).
TARGET = Path(__file__).with_name("validators.py")
COMMAND = "python -m pkgkit.schemas.codegen"

_ANNOTATIONS = frozenset(("title", "description", "$comment", "examples", "default"))
_ROOT_ONLY = frozenset(("$schema", "$id", "$defs"))
_OBJECT_KEYWORDS = ("properties", "required", "additionalProperties", "propertyNames")
_ARRAY_KEYWORDS = ("items", "minItems", "maxItems")
_STRING_KEYWORDS = ("pattern", "minLength", "maxLength")
_NUMBER_KEYWORDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
_APPLICATORS = ("type", "enum", "const", "$ref", "allOf", "anyOf", "oneOf", "if", "then", "else")
_SUPPORTED = frozenset(
    (*_OBJECT_KEYWORDS, *_ARRAY_KEYWORDS, *_STRING_KEYWORDS, *_NUMBER_KEYWORDS, *_APPLICATORS)
)
#: A bound keyword -> the comparison that fails it (as in jsonschema/_keywords.py).
_BOUND_FAILS = {"minimum": "<", "maximum": ">", "exclusiveMinimum": "<=", "exclusiveMaximum": ">="}
_LENGTH_FAILS = {"minLength": "<", "maxLength": ">", "minItems": "<", "maxItems": ">"}

#: The instance classes a value can fall in; ``number`` is both integral and fractional.
_CLASSES = frozenset(("object", "array", "string", "boolean", "null", "integer", "fraction"))
_TYPE_CLASSES = {
    "object": {"object"},
    "array": {"array"},
    "string": {"string"},
    "boolean": {"boolean"},
    "null": {"null"},
    "integer": {"integer"},
    "number": {"integer", "fraction"},
}
#: Keywords whose checks never need a function of their own (a branch of only these may be inline).
_INLINE = frozenset(("type", "enum", "const", "required", *_STRING_KEYWORDS, *_NUMBER_KEYWORDS))
_LOCAL_DEF = re.compile(r"#/\$defs/([A-Za-z0-9_-]+)")
_MAX_LINE = 100


class SchemaCodegenError(ValueError):
    """The schema uses something the generator does not compile."""


# --------------------------------------------------------------------------- statements
# A body is a list of statements: ("fail", condition) returns False when the condition holds;
# ("if", condition, body), ("else", body) and ("for", target, iterable, body) are blocks;
# ("set", name, expression) is an assignment.

Statement = tuple[Any, ...]


def _fail(condition: str) -> Statement:
    return ("fail", condition)


def _when(condition: str, body: list[Statement]) -> list[Statement]:
    """``if condition:`` around ``body``, merged with the one ``if`` that body may consist of."""
    if len(body) == 1 and body[0][0] == "fail":
        return [_fail(f"{_grouped(condition)} and {_grouped(body[0][1])}")]
    if len(body) == 1 and body[0][0] == "if":
        return [("if", f"{_grouped(condition)} and {_grouped(body[0][1])}", body[0][2])]
    return [("if", condition, body)] if body else []


def _grouped(expression: str) -> str:
    """``expression`` as an operand of ``and``/``or``: parenthesized if it is itself one."""
    words = _words(expression)
    return f"({expression})" if "and" in words or "or" in words else expression


def _negated(expression: str) -> str:
    """The condition that ``expression`` does not hold, written plainly where that is exact.

    ``in``, ``is`` and ``==`` flip; ``<`` and friends do not (``not nan < 0`` is not
    ``nan >= 0``).
    """
    words = _words(expression)
    flipped = {"in": ["not", "in"], "is": ["is", "not"], "==": ["!="], "!=": ["=="]}
    if words[0] == "not" and len(words) == 2:
        operand = words[1]
        return operand[1:-1] if _wrapped(operand) else operand
    if len(words) == 3 and words[1] in flipped:
        return " ".join([words[0], *flipped[words[1]], words[2]])
    if len(words) == 4 and words[1:3] in (["not", "in"], ["is", "not"]):
        return " ".join([words[0], "in" if words[1] == "not" else "is", words[3]])
    return f"not ({expression})" if len(words) > 1 else f"not {expression}"


def _words(expression: str) -> list[str]:
    """``expression`` split at the spaces outside brackets and string literals."""
    words = [""]
    for char, depth in _depths(expression):
        if char == " " and depth == 0:
            words.append("")
        else:
            words[-1] += char
    return words


def _wrapped(expression: str) -> bool:
    """True when all of ``expression`` is one parenthesized group."""
    depths = enumerate(_depths(expression))
    closes = [index for index, (char, depth) in depths if depth == 0 and char == ")"]
    return expression.startswith("(") and closes == [len(expression) - 1]


def _depths(expression: str) -> Iterator[tuple[str, int]]:
    """Each character with its bracket depth (-1 inside string literals; closers count outside)."""
    depth = 0
    quote = ""
    escaped = False
    for char in expression:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
            yield char, -1
            continue
        if char in "\"'":
            quote = char
            yield char, -1
            continue
        if char in ")]}":
            depth -= 1
        yield char, depth
        if char in "([{":
            depth += 1


def _render(body: list[Statement], indent: int) -> Iterator[str]:
    pad = "    " * indent
    for statement in body:
        if statement[0] == "fail":
            yield from _fitted(pad, "if ", statement[1], ":")
            yield f"{pad}    return False"
        elif statement[0] == "if":
            yield from _fitted(pad, "if ", statement[1], ":")
            yield from _render(statement[2], indent + 1)
        elif statement[0] == "else":
            yield f"{pad}else:"
            yield from _render(statement[1], indent + 1)
        elif statement[0] == "for":
            yield f"{pad}for {statement[1]} in {statement[2]}:"
            yield from _render(statement[3], indent + 1)
        else:
            yield f"{pad}{statement[1]} = {statement[2]}"


def _fitted(pad: str, head: str, expression: str, tail: str) -> Iterator[str]:
    """``head expression tail`` on one line, or the expression split at its ``and``/``or``."""
    line = f"{pad}{head}{expression}{tail}"
    if len(line) <= _MAX_LINE:
        yield line
        return
    words = _words(expression)
    if words[0] == "not" and len(words) == 2 and _wrapped(words[1]):
        head, words = f"{head}not ", _words(words[1][1:-1])
    yield f"{pad}{head}("
    operand = ""
    for word in words:
        if word in {"and", "or"}:
            yield f"{pad}    {operand}"
            operand = f"{word} "
        else:
            operand += word if operand in {"", "and ", "or "} else f" {word}"
    yield f"{pad}    {operand}"
    yield f"{pad}){tail}"


def _function(name: str, parameter: str, body: list[Statement], comment: str) -> list[str]:
    """A predicate: the checks of ``body``, the last one returned as a condition."""
    lines = [f"# {comment}", f"def {name}({parameter}: object) -> bool:"]
    if body and body[-1][0] == "fail":
        lines += _render(body[:-1], 1)
        lines += _fitted("    ", "return ", _negated(body[-1][1]), "")
    else:
        lines += _render(body, 1)
        lines.append("    return True")
    return lines


# --------------------------------------------------------------------------- literals


def _string(text: str) -> str:
    """A Python literal for ``text``, double-quoted where repr allows it."""
    literal = repr(text)
    if literal.startswith("'") and '"' not in text:
        return f'"{literal[1:-1]}"'
    return literal


def _number(value: object, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SchemaCodegenError(f"{where}: expected a number, not {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise SchemaCodegenError(f"{where}: expected a finite number, not {value!r}")
    return repr(value)


def _count(value: object, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SchemaCodegenError(f"{where}: expected a non-negative integer, not {value!r}")
    return repr(value)


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SchemaCodegenError(f"{where}: expected a list of strings, not {value!r}")
    return value


# --------------------------------------------------------------------------- the compiler


class _Module:
    """Everything generated so far: functions, and constants shared by all kinds."""

    def __init__(self) -> None:
        self.functions: list[list[str]] = []
        self.constants: dict[tuple[str, ...], str] = {}  # member literals -> name
        self.patterns: dict[str, str] = {}  # pattern -> name

    def constant(self, prefix: str, members: Iterable[str]) -> str:
        """The name of a module-level frozenset of the literals ``members`` (shared if equal)."""
        literals = tuple(dict.fromkeys(members))
        if literals not in self.constants:
            self.constants[literals] = f"_{prefix}_{len(self.constants)}"
        return self.constants[literals]

    def pattern(self, pattern: str, where: str) -> str:
        try:
            re.compile(pattern)
        except re.error as error:
            raise SchemaCodegenError(f"{where}: invalid pattern {pattern!r}: {error}") from None
        if pattern not in self.patterns:
            self.patterns[pattern] = f"_PATTERN_{len(self.patterns)}"
        return self.patterns[pattern]

    def source(self, kinds: list[str]) -> str:
        lines = [
            '"""Validity predicates of pkgkit\'s JSON Schemas. GENERATED: do not edit.',
            "",
            "Generated by pkgkit.schemas.codegen from schemas/*.schema.json: after changing",
            f"a schema, regenerate with ``{COMMAND}`` (or ``nox -s schemas``).",
            "Each ``is_valid_<kind>`` answers as python-jsonschema's",
            "``Draft202012Validator(schema).is_valid`` would.",
            '"""',
            "",
            "from __future__ import annotations",
            "",
            *(["import re"] if self.patterns else []),
            "from collections.abc import Callable",
            "",
        ]
        lines += [f"{name} = {_string(p)}" for p, name in self.patterns.items()]
        lines += [_constant_line(name, literals) for literals, name in self.constants.items()]
        for function in self.functions:
            lines += ["", "", *function]
        lines += ["", "", "#: Artifact kind -> its predicate.", _validators_table(kinds)]
        return "\n".join(lines) + "\n"


def _constant_line(name: str, literals: tuple[str, ...]) -> str:
    """``name = frozenset((...))``, one member a line when that is too long for one line."""
    line = f"{name} = frozenset(({', '.join(literals)}{',' if len(literals) == 1 else ''}))"
    if len(line) <= _MAX_LINE:
        return line
    lines = [f"{name} = frozenset(", "    (", *(f"        {m}," for m in literals), "    )", ")"]
    return "\n".join(lines)


def _validators_table(kinds: list[str]) -> str:
    entries = "".join(f'    "{kind}": is_valid_{_snake(kind)},\n' for kind in kinds)
    return f"VALIDATORS: dict[str, Callable[[object], bool]] = {{\n{entries}}}"


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").lower()


class _Compiler:
    """Compiles one kind's schema into functions of ``module``."""

    def __init__(self, kind: str, schema: dict[str, Any], module: _Module) -> None:
        self.kind = kind
        self.prefix = _snake(kind)
        self.schema = schema
        self.module = module
        self.defs: dict[str, str] = {}  # $defs name -> function name
        self.branches = 0
        self.variables = 0

    def compile(self) -> None:
        if not isinstance(self.schema, dict):
            raise SchemaCodegenError(f"{self.kind} schema: the root must be an object")
        name = f"is_valid_{self.prefix}"
        self._emit(name, "instance", self.schema, "#", f"{self.kind}: the whole document")

    def _emit(self, name: str, parameter: str, node: object, where: str, comment: str) -> None:
        saved, self.variables = self.variables, 0
        body = self._node(node, parameter, _CLASSES, where)
        self.variables = saved
        self.module.functions.append(_function(name, parameter, body, comment))

    def _where(self, path: str) -> str:
        return f"{self.kind} schema, {path}"

    def _variable(self, prefix: str = "value") -> str:
        self.variables += 1
        return f"{prefix}{self.variables}"

    # ------------------------------------------------------------------ one node

    def _node(self, node: object, var: str, known: frozenset[str], path: str) -> list[Statement]:
        """The checks of ``node`` on ``var``, whose instance class is one of ``known``."""
        if not isinstance(node, dict):
            raise SchemaCodegenError(
                f"{self._where(path)}: boolean subschema {node!r} is not supported"
            )
        self._check_keywords(node, path)
        body: list[Statement] = []
        if "type" in node:
            types = self._types(node["type"], path)
            body.append(_fail(_negated(" or ".join(_grouped(_is(t, var)) for t in types))))
            known = known & frozenset().union(*(_TYPE_CLASSES[t] for t in types))
        for group in ("object", "array", "string", "number"):
            body += self._group(node, var, known, path, group)
        if "enum" in node:
            body.append(_fail(_negated(self._equals_any(node["enum"], var, f"{path}/enum"))))
        if "const" in node:
            body.append(_fail(_negated(self._equals_any([node["const"]], var, f"{path}/const"))))
        body += self._applicators(node, var, known, path)
        return body

    def _check_keywords(self, node: dict[str, Any], path: str) -> None:
        for keyword in node:
            if keyword in _ANNOTATIONS or keyword in _SUPPORTED:
                continue
            if keyword in _ROOT_ONLY and path == "#":
                continue
            if keyword in _ROOT_ONLY and keyword != "$schema":
                message = f"nested {keyword!r} is not supported"
                raise SchemaCodegenError(f"{self._where(path)}: {message}")
            if keyword != "$schema":
                raise SchemaCodegenError(f"{self._where(path)}: unsupported keyword {keyword!r}")

    def _types(self, value: object, path: str) -> list[str]:
        types = [value] if isinstance(value, str) else value
        if not isinstance(types, list) or not types or not all(t in _TYPE_CLASSES for t in types):
            raise SchemaCodegenError(f"{self._where(path)}: unsupported type {value!r}")
        return [str(t) for t in types]

    def _group(
        self, node: dict[str, Any], var: str, known: frozenset[str], path: str, group: str
    ) -> list[Statement]:
        """The keywords about one instance type, guarded by that type unless it is certain."""
        classes = _TYPE_CLASSES[group]
        if not known & classes:
            return []
        checks = {
            "object": self._object_checks,
            "array": self._array_checks,
            "string": self._string_checks,
            "number": self._number_checks,
        }[group]
        body = checks(node, var, path)
        if known <= classes:
            return body
        return _when(_is(group, var), body)

    def _object_checks(self, node: dict[str, Any], var: str, path: str) -> list[Statement]:
        body: list[Statement] = []
        properties = node.get("properties", {})
        if not isinstance(properties, dict):
            raise SchemaCodegenError(f"{self._where(path)}: properties must be an object")
        for name, sub in properties.items():
            value = self._variable()
            checks = self._node(sub, value, _CLASSES, f"{path}/properties/{name}")
            if checks:
                key = _string(name)
                body.append(("if", f"{key} in {var}", [("set", value, f"{var}[{key}]"), *checks]))
        for name in _strings(node.get("required", []), f"{self._where(path)}/required"):
            body.append(_fail(f"{_string(name)} not in {var}"))
        if "additionalProperties" in node:
            body += self._additional(node["additionalProperties"], list(properties), var, path)
        if "propertyNames" in node:
            key = self._variable("key")
            checks = self._node(node["propertyNames"], key, _CLASSES, f"{path}/propertyNames")
            if checks:
                body.append(("for", key, var, checks))
        return body

    def _additional(self, schema: object, known: list[str], var: str, path: str) -> list[Statement]:
        """``additionalProperties``: keys not in ``properties`` (no patternProperties here)."""
        names = self.module.constant("KEYS", map(_string, known)) if known else ""
        if schema is True:
            return []
        if schema is False:
            return [_fail(f"not {var}.keys() <= {names}" if known else var)]
        value = self._variable()
        checks = self._node(schema, value, _CLASSES, f"{path}/additionalProperties")
        if not checks:
            return []
        if not known:
            return [("for", value, f"{var}.values()", checks)]
        key = self._variable("key")
        checks = _when(f"{key} not in {names}", checks)
        return [("for", f"{key}, {value}", f"{var}.items()", checks)]

    def _array_checks(self, node: dict[str, Any], var: str, path: str) -> list[Statement]:
        body = self._lengths(node, var, path, ("minItems", "maxItems"))
        if "items" in node:
            item = self._variable()
            checks = self._node(node["items"], item, _CLASSES, f"{path}/items")
            if checks:
                body.append(("for", item, var, checks))
        return body

    def _string_checks(self, node: dict[str, Any], var: str, path: str) -> list[Statement]:
        body: list[Statement] = []
        if "pattern" in node:
            pattern = node["pattern"]
            if not isinstance(pattern, str):
                raise SchemaCodegenError(f"{self._where(path)}: pattern must be a string")
            body.append(_fail(self._no_match(pattern, var, path)))
        return body + self._lengths(node, var, path, ("minLength", "maxLength"))

    def _no_match(self, pattern: str, var: str, path: str) -> str:
        """The condition that ``re.search(pattern, var)`` finds nothing (the pattern is compiled
        on first use by ``re``'s cache)."""
        name = self.module.pattern(pattern, self._where(f"{path}/pattern"))
        return f"re.search({name}, {var}) is None"

    def _lengths(
        self, node: dict[str, Any], var: str, path: str, keywords: tuple[str, str]
    ) -> list[Statement]:
        return [
            _fail(f"len({var}) {_LENGTH_FAILS[k]} {_count(node[k], self._where(f'{path}/{k}'))}")
            for k in keywords
            if k in node
        ]

    def _number_checks(self, node: dict[str, Any], var: str, path: str) -> list[Statement]:
        return [
            _fail(f"{var} {fails} {_number(node[k], self._where(f'{path}/{k}'))}")
            for k, fails in _BOUND_FAILS.items()
            if k in node
        ]

    def _equals_any(self, values: object, var: str, path: str) -> str:
        """True when ``var`` equals one of ``values`` as ``jsonschema._utils.equal`` has it."""
        if not isinstance(values, list) or not values:
            raise SchemaCodegenError(f"{self._where(path)}: expected a non-empty list")
        strings = [_string(v) for v in values if isinstance(v, str)]
        numbers = [
            _number(v, self._where(path))
            for v in values
            if isinstance(v, int | float) and not isinstance(v, bool)
        ]
        singletons = [f"{var} is {v!r}" for v in (True, False, None) if any(v is x for x in values)]
        if len(strings) + len(numbers) + len(singletons) != len(values):
            raise SchemaCodegenError(
                f"{self._where(path)}: only string, number, boolean and null values are supported"
            )
        parts = singletons
        if strings:
            parts.append(self._member(var, "str", strings, "STRINGS"))
        if numbers:
            parts.append(self._member(var, "(int, float)", numbers, "NUMBERS"))
        return " or ".join(_grouped(p) for p in parts) if len(parts) > 1 else parts[0]

    def _member(self, var: str, kind: str, literals: list[str], prefix: str) -> str:
        if len(literals) == 1:
            same = f"{var} == {literals[0]}"
        else:
            same = f"{var} in {self.module.constant(prefix, literals)}"
        if kind == "str":
            return f"isinstance({var}, str) and {same}"
        return f"isinstance({var}, {kind}) and not isinstance({var}, bool) and {same}"

    # ------------------------------------------------------------------ applicators

    def _applicators(
        self, node: dict[str, Any], var: str, known: frozenset[str], path: str
    ) -> list[Statement]:
        body: list[Statement] = []
        if "$ref" in node:
            body.append(_fail(f"not {self._ref(node['$ref'], path)}({var})"))
        for index, sub in enumerate(self._list(node, "allOf", path)):
            body += self._node(sub, var, known, f"{path}/allOf/{index}")
        anyof = self._branches(node, "anyOf", var, path)
        if anyof:
            body.append(_fail(_negated(" or ".join(_grouped(branch) for branch in anyof))))
        oneof = self._branches(node, "oneOf", var, path)
        if oneof:
            body.append(_fail(f"[{', '.join(oneof)}].count(True) != 1"))
        if "if" in node:
            body += self._conditional(node, var, known, path)
        return body

    def _list(self, node: dict[str, Any], keyword: str, path: str) -> list[Any]:
        value = node.get(keyword, [])
        if not isinstance(value, list) or (keyword in node and not value):
            raise SchemaCodegenError(f"{self._where(path)}: {keyword} must be a non-empty list")
        return value

    def _branches(self, node: dict[str, Any], keyword: str, var: str, path: str) -> list[str]:
        """One condition per ``anyOf``/``oneOf`` branch (calls for ``oneOf``, whose are counted)."""
        inline = keyword == "anyOf"
        return [
            self._holds(sub, var, f"{path}/{keyword}/{index}", _snake(keyword), inline=inline)
            for index, sub in enumerate(self._list(node, keyword, path))
        ]

    def _conditional(
        self, node: dict[str, Any], var: str, known: frozenset[str], path: str
    ) -> list[Statement]:
        """``if``/``then``/``else``: the branch's checks apply as the condition holds or not."""
        then = self._node(node["then"], var, known, f"{path}/then") if "then" in node else []
        otherwise = self._node(node["else"], var, known, f"{path}/else") if "else" in node else []
        if not then and not otherwise:
            return []
        condition = self._holds(node["if"], var, f"{path}/if", "if")
        if not otherwise:
            return _when(condition, then)
        if not then:
            return _when(f"not {condition}", otherwise)
        return [("if", condition, then), ("else", otherwise)]

    def _holds(self, node: object, var: str, path: str, role: str, *, inline: bool = True) -> str:
        """The condition that ``var`` is valid against ``node``: one inline check, or a call.

        A bare ``$ref`` calls its $defs function; other nodes get a function of their own.
        """
        keywords = set(node) - _ANNOTATIONS if isinstance(node, dict) else set()
        if keywords == {"$ref"} and isinstance(node, dict):
            return f"{self._ref(node['$ref'], path)}({var})"
        if inline and keywords and keywords <= _INLINE:
            body = self._node(node, var, _CLASSES, path)
            if len(body) == 1 and body[0][0] == "fail":
                return _negated(body[0][1])
        self.branches += 1
        name = f"_{self.prefix}_{role}_{self.branches}"
        self._emit(name, "value", node, path, path)
        return f"{name}({var})"

    def _ref(self, ref: object, path: str) -> str:
        """The function of a ``#/$defs/<name>`` reference, compiled on first use."""
        match = _LOCAL_DEF.fullmatch(ref) if isinstance(ref, str) else None
        defs = self.schema.get("$defs", {})
        if match is None or not isinstance(defs, dict) or match[1] not in defs:
            raise SchemaCodegenError(
                f"{self._where(path)}: $ref {ref!r} is not a local '#/$defs/<name>' reference"
            )
        name = match[1]
        if name not in self.defs:
            self.defs[name] = f"_{self.prefix}_{_snake(name)}"
            self._emit(self.defs[name], "value", defs[name], f"#/$defs/{name}", f"#/$defs/{name}")
        return self.defs[name]


def _is(json_type: str, var: str) -> str:
    """The condition that ``var`` is of a JSON Schema type (jsonschema's draft 6+ checker)."""
    return {
        "object": f"isinstance({var}, dict)",
        "array": f"isinstance({var}, list)",
        "string": f"isinstance({var}, str)",
        "boolean": f"isinstance({var}, bool)",
        "null": f"{var} is None",
        "number": f"isinstance({var}, (int, float)) and not isinstance({var}, bool)",
        "integer": (
            f"(isinstance({var}, int) and not isinstance({var}, bool))"
            f" or (isinstance({var}, float) and {var}.is_integer())"
        ),
    }[json_type]


def generate(schemas: dict[str, dict[str, Any]] | None = None) -> str:
    """The source of the generated module for ``schemas`` (kind -> schema; default: pkgkit's)."""
    if schemas is None:
        schemas = {kind: load_schema(kind) for kind in SCHEMA_FILES}
    module = _Module()
    for kind, schema in schemas.items():
        _Compiler(kind, schema, module).compile()
    return module.source(list(schemas))


def main() -> None:
    """Write the generated module next to this one."""
    TARGET.write_text(generate(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
